/** Longest-match dictionary scanning over Chinese text (no segmenter needed for closed vocabularies). */

export interface Hit<V> {
  name: string;
  start: number;
  end: number;
  value: V;
}

export class Dictionary<V> {
  private byFirst = new Map<string, { name: string; value: V }[]>();

  constructor(entries: Iterable<[string, V]>) {
    for (const [name, value] of entries) {
      if (!name) continue;
      const k = name[0]!;
      const list = this.byFirst.get(k) ?? [];
      if (!list.some((e) => e.name === name)) list.push({ name, value });
      this.byFirst.set(k, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.name.length - a.name.length);
  }

  /** Non-overlapping hits, leftmost first, longest name at each position. */
  scan(text: string): Hit<V>[] {
    const hits: Hit<V>[] = [];
    let i = 0;
    while (i < text.length) {
      const list = this.byFirst.get(text[i]!);
      let hit: Hit<V> | null = null;
      if (list) {
        for (const e of list) {
          if (text.startsWith(e.name, i)) {
            hit = { name: e.name, start: i, end: i + e.name.length, value: e.value };
            break;
          }
        }
      }
      if (hit) {
        hits.push(hit);
        i = hit.end;
      } else i++;
    }
    return hits;
  }
}
