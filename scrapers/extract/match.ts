/** Longest-match dictionary scanning over Chinese text (no segmenter needed for closed vocabularies). */

export interface Hit<V> {
  name: string;
  start: number;
  end: number;
  value: V;
}

export interface DictionaryOptions {
  /**
   * Where two names overlap, the longer one wins even when the shorter starts first: a keyword
   * written inside a longer one (鲜活农产品 in 鲜活农产品“绿色通道”) must not hide the longer name
   * that starts within it (农产品“绿色通道”).
   */
  longestSpan?: boolean;
  /**
   * Quotation marks inside a name are the writer's emphasis, not part of it: 生鲜“集拼” is 生鲜集拼 and
   * 鲜活农产品“绿色通道” holds 农产品绿色通道. Names are stored without them and quotes in the text are
   * skipped while matching (a hit still spans them).
   */
  ignoreQuotes?: boolean;
}

const QUOTES = '“”"「」『』‘’';
const QUOTE_MARKS = new RegExp(`[${QUOTES}]`, 'gu');
const isQuote = (ch: string | undefined): boolean => ch !== undefined && QUOTES.includes(ch);

export class Dictionary<V> {
  /** Names of one character, by that character. */
  private single = new Map<string, { name: string; value: V }>();
  /** Longer names by their first two characters, longest first: a common first character (中, 新) starts hundreds. */
  private byTwo = new Map<number, { name: string; value: V }[]>();
  private longestSpan: boolean;
  private ignoreQuotes: boolean;

  constructor(entries: Iterable<[string, V]>, options: DictionaryOptions = {}) {
    this.longestSpan = options.longestSpan ?? false;
    this.ignoreQuotes = options.ignoreQuotes ?? false;
    for (const [raw, value] of entries) {
      const name = this.ignoreQuotes ? raw.replace(QUOTE_MARKS, '') : raw;
      if (!name) continue;
      if (name.length === 1) {
        if (!this.single.has(name)) this.single.set(name, { name, value });
        continue;
      }
      const k = pairKey(name, 0, 1);
      const list = this.byTwo.get(k) ?? [];
      if (!list.some((e) => e.name === name)) list.push({ name, value });
      this.byTwo.set(k, list);
    }
    for (const list of this.byTwo.values()) list.sort((a, b) => b.name.length - a.name.length);
  }

  /** Non-overlapping hits, leftmost first, longest name at each position (or longest span overall). */
  scan(text: string): Hit<V>[] {
    return this.longestSpan ? this.scanLongestSpan(text) : this.scanLeftmost(text);
  }

  /** Whether any name occurs in the text (what `scan(text).length > 0` says, without collecting hits). */
  has(text: string): boolean {
    for (let i = 0; i < text.length; i++) if (this.longestAt(text, i)) return true;
    return false;
  }

  private longestAt(text: string, i: number): Hit<V> | null {
    // The second character of a name may follow quotes the writer put inside it.
    let j = i + 1;
    if (this.ignoreQuotes) while (isQuote(text[j])) j++;
    const list = j < text.length ? this.byTwo.get(pairKey(text, i, j)) : undefined;
    if (list)
      for (const e of list) {
        const end = this.ignoreQuotes ? matchSkippingQuotes(text, i, e.name) : text.startsWith(e.name, i) ? i + e.name.length : -1;
        if (end >= 0) return { name: text.slice(i, end), start: i, end, value: e.value };
      }
    const one = this.single.get(text[i]!);
    return one ? { name: one.name, start: i, end: i + 1, value: one.value } : null;
  }

  /** The longest hit at every position, then the longest spans first, without overlaps. */
  private scanLongestSpan(text: string): Hit<V>[] {
    const all: Hit<V>[] = [];
    for (let i = 0; i < text.length; i++) {
      const h = this.longestAt(text, i);
      if (h) all.push(h);
    }
    if (all.length < 2) return all;
    const kept: Hit<V>[] = [];
    for (const h of [...all].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start))
      if (!kept.some((k) => k.start < h.end && h.start < k.end)) kept.push(h);
    return kept.sort((a, b) => a.start - b.start);
  }

  private scanLeftmost(text: string): Hit<V>[] {
    const hits: Hit<V>[] = [];
    let i = 0;
    while (i < text.length) {
      const hit = this.longestAt(text, i);
      if (hit) {
        hits.push(hit);
        i = hit.end;
      } else i++;
    }
    return hits;
  }
}

/** Two UTF-16 units as one number: a map keyed by numbers is looked up without building a string. */
const pairKey = (s: string, i: number, j: number): number => s.charCodeAt(i) * 0x10000 + s.charCodeAt(j);

/** Where `name` matched at `i` ends in `text`, quotation marks in the text skipped; -1 if it does not match. */
function matchSkippingQuotes(text: string, i: number, name: string): number {
  let j = i;
  for (let k = 0; k < name.length; ) {
    if (text[j] === name[k]) {
      j++;
      k++;
    } else if (k > 0 && isQuote(text[j])) j++;
    else return -1;
  }
  return j;
}
