/**
 * Products designated or named as in scope, verbatim as written: gazetteer names (extended over
 * modifiers such as 速冻/鲜), the other items of an enumeration in a product-scope sentence, and
 * the product column of product tables. Past examples, future ideas and statistics items are not
 * products of the notice.
 */
import { clauseAt, type Sentence } from './sentences.ts';
import type { Table } from '../text/body.ts';
import type { Vocabulary, ProductEntry } from './vocab.ts';
import type { Explanation, ProductRef } from './types.ts';
import { normalizeForMatch } from './normalize.ts';

interface Found {
  name: string;
  entry: ProductEntry | null;
  hs?: string[];
  rule: string;
  position: number;
}

function extendLeft(text: string, start: number, modifiers: string[]): number {
  let s = start;
  for (let guard = 0; guard < 3; guard++) {
    const m = modifiers.find((mod) => text.slice(s - mod.length, s) === mod);
    if (!m) break;
    s -= m.length;
  }
  return s;
}

/** Cut a first enumeration item after the last scope word ("主要为X" -> "X"). */
function cutFirst(item: string, cuts: string[]): string {
  let best = -1;
  for (const c of cuts) {
    const i = item.lastIndexOf(c);
    if (i >= 0 && i + c.length > best) best = i + c.length;
  }
  return best >= 0 ? item.slice(best) : item;
}

/** Index where a classifier ("3类蔬菜", "等时令水果", "两个品类") starts, or -1. */
function classifierAt(item: string, re: RegExp): number {
  for (let i = 1; i < item.length; i++) if (re.test(item.slice(i))) return i;
  return -1;
}

function enumerations(segment: string, v: Vocabulary): { items: string[]; classified: boolean }[] {
  const runs: { items: string[]; classified: boolean }[] = [];
  const parts = segment.split(/、|以及|和|及|与/);
  let cur: string[] = [];
  const flush = (classified: boolean) => {
    if (cur.length >= 2) runs.push({ items: cur, classified });
    cur = [];
  };
  for (const raw of parts) {
    let item = raw.trim();
    const ci = classifierAt(item, v.productRules.classifierAfter);
    const cutIdx = Math.max(...v.productRules.firstItemCut.map((c) => {
      const i = item.lastIndexOf(c);
      return i >= 0 ? i + c.length : -1;
    }));
    if (ci > 0) {
      const head = item.slice(0, ci);
      const headCut = cutFirst(head, v.productRules.firstItemCut);
      if (headCut !== head) {
        flush(false);
        cur = [headCut];
      } else cur.push(head);
      flush(true);
      continue;
    }
    if (cutIdx >= 0) {
      flush(false);
      item = item.slice(cutIdx);
    }
    cur.push(item);
  }
  flush(false);
  return runs;
}

export function findProducts(sentences: Sentence[], tables: Table[], v: Vocabulary): { products: ProductRef[]; explain: Explanation[] } {
  const found: Found[] = [];
  const explain: Explanation[] = [];
  const pr = v.productRules;
  for (const s of sentences) {
    const text = normalizeForMatch(s.text);
    const skip = s.past ? 'past example' : s.statistics ? 'statistics item' : null;
    for (const h of v.productDict.scan(text)) {
      const pos = s.start + h.start;
      const clause = clauseAt(s, pos);
      const why = skip ?? (clause?.future ? 'future idea' : null);
      if (why) {
        explain.push({ field: 'products', value: h.name, rule: `excluded: ${why}`, position: pos });
        continue;
      }
      const from = extendLeft(text, h.start, pr.modifiers);
      found.push({ name: s.text.slice(from, h.end), entry: h.value, rule: 'gazetteer name', position: s.start + from });
    }
    if (skip || !pr.scopeCue.test(text)) continue;
    let segOffset = 0;
    for (const seg of text.split(/[，；。：:（）()！？,;]/)) {
      const segStart = s.start + segOffset;
      segOffset += seg.length + 1;
      if (clauseAt(s, segStart)?.future) continue;
      for (const run of enumerations(seg, v)) {
        const items = run.items.map((i) => i.replace(/^[“”"]+|[“”"]+$/g, '').trim());
        if (items.some((i) => i.length < 2 || i.length > pr.itemMaxLength)) continue;
        // A list of places or countries is not a product list.
        const whole = (i: string, d: { scan(t: string): { start: number; end: number }[] }) => d.scan(i).some((h) => h.start === 0 && h.end === i.length);
        if (items.some((i) => whole(i, v.placeDict) || whole(i, v.countryDict))) continue;
        const gaz = items.map((i) => v.productDict.scan(i)[0]?.value ?? null);
        if (!run.classified && !gaz.some(Boolean)) continue;
        items.forEach((name, k) => {
          if (pr.notProducts.some((w) => name.includes(w))) return;
          found.push({ name, entry: gaz[k] ?? null, rule: run.classified ? 'item of a classified enumeration' : 'item of an enumeration with a gazetteer product', position: segStart + Math.max(0, seg.indexOf(name)) });
        });
      }
    }
  }
  for (const t of tables) {
    const col = t.header.findIndex((h) => pr.tableHeaders.some((x) => h === x)) >= 0
      ? t.header.findIndex((h) => pr.tableHeaders.some((x) => h === x))
      : t.header.findIndex((h) => pr.tableHeaders.some((x) => h.includes(x)));
    if (col < 0) continue;
    const hsCol = t.header.findIndex((h) => pr.hsHeaders.some((x) => h.includes(x)));
    for (const row of t.rows) {
      const name = (row[col] ?? '').trim();
      if (name.length < 2 || name.length > 20) continue;
      const hsRaw = hsCol >= 0 ? (row[hsCol] ?? '').replace(/[.\s]/g, '') : '';
      const entry = v.productDict.scan(name)[0]?.value ?? null;
      found.push({ name, entry, ...(/^\d{4,10}$/.test(hsRaw) ? { hs: [hsRaw] } : {}), rule: `product table column "${t.header[col]}"`, position: -1 });
    }
  }
  // One product per gazetteer entry (the longest written form), and no name inside another.
  const byKey = new Map<string, Found>();
  for (const f of found) {
    const key = f.entry ? `id:${f.entry.id}` : `name:${f.name}`;
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, f);
      continue;
    }
    const longer = f.name.length > prev.name.length ? f : prev;
    const hs = longer.hs ?? f.hs ?? prev.hs;
    byKey.set(key, { ...longer, ...(hs ? { hs } : {}) });
  }
  const list = [...byKey.values()];
  const kept = list.filter((f) => !list.some((g) => g !== f && g.name.length > f.name.length && g.name.includes(f.name)));
  const products: ProductRef[] = kept.map((f) => {
    const hs = f.hs ?? f.entry?.hs;
    return { id: f.entry?.id ?? null, nameZh: f.name, ...(hs && hs.length ? { hs } : {}) };
  });
  for (const f of kept) explain.push({ field: 'products', value: f.name, rule: f.entry ? `${f.rule} (gazetteer ${f.entry.id})` : f.rule, position: f.position });
  return { products, explain };
}
