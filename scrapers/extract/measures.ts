/** Measures: catalogue keywords and synonyms, outside past examples and off-direction clauses. */
import { clauseAt, type Sentence } from './sentences.ts';
import type { Vocabulary } from './vocab.ts';
import type { Explanation, MeasureRef } from './types.ts';
import { normalizeForMatch } from './normalize.ts';

export interface MeasureHit {
  id: string;
  keyword: string;
  strong: boolean;
  position: number;
}

function offDirection(id: string, clause: string, v: Vocabulary): boolean {
  const dir = v.measureDirection.get(id);
  if (!dir) return false;
  const own = dir === 'export' ? v.directionCues.export : v.directionCues.import;
  const other = dir === 'export' ? v.directionCues.import : v.directionCues.export;
  return other.test(clause) && !own.test(clause);
}

export function measureHits(title: string, sentences: Sentence[], v: Vocabulary): { hits: MeasureHit[]; excluded: Explanation[] } {
  const hits: MeasureHit[] = [];
  const excluded: Explanation[] = [];
  for (const h of v.measureDict.scan(normalizeForMatch(title))) {
    if (offDirection(h.value.id, title, v)) continue;
    hits.push({ id: h.value.id, keyword: h.value.keyword, strong: h.value.strong, position: -1 });
  }
  for (const s of sentences) {
    for (const h of v.measureDict.scan(normalizeForMatch(s.text))) {
      const pos = s.start + h.start;
      const clause = clauseAt(s, pos)?.text ?? s.text;
      if (s.past) {
        excluded.push({ field: 'measures', value: h.value.id, rule: 'excluded: cited as earlier experience or a past example', keyword: h.name, position: pos, excerpt: s.text.slice(0, 80) });
        continue;
      }
      if (offDirection(h.value.id, clause, v)) {
        excluded.push({ field: 'measures', value: h.value.id, rule: 'excluded: keyword in a clause about the other trade direction', keyword: h.name, position: pos });
        continue;
      }
      hits.push({ id: h.value.id, keyword: h.value.keyword, strong: h.value.strong, position: pos });
    }
  }
  return { hits, excluded };
}

export function measuresFrom(hits: MeasureHit[], v: Vocabulary): { measures: MeasureRef[]; explain: Explanation[] } {
  const seen = new Map<string, MeasureHit>();
  for (const h of hits) if (!seen.has(h.id)) seen.set(h.id, h);
  const measures: MeasureRef[] = [];
  const explain: Explanation[] = [];
  for (const [id, h] of seen) {
    measures.push({ id, nameZh: v.measures.get(id)?.nameZh ?? id });
    explain.push({ field: 'measures', value: id, rule: h.strong ? 'measure keyword' : 'generic measure keyword on a relevant page', keyword: h.keyword, position: h.position });
  }
  return { measures, explain };
}

/** Quoted phrases near measure words that match nothing in the catalogue: candidates for review. */
export function measureCandidates(sentences: Sentence[], v: Vocabulary): string[] {
  const out = new Set<string>();
  for (const s of sentences) {
    if (s.past || !v.candidate.near.test(s.text)) continue;
    for (const m of normalizeForMatch(s.text).matchAll(/“([^“”]+)”/g)) {
      const q = m[1]!;
      if (q.length < v.candidate.minLength || q.length > v.candidate.maxLength) continue;
      if (/[、，,。；;：:（）()\s]/.test(q) || v.candidate.notCandidates.has(q)) continue;
      if (v.measureDict.scan(q).length || v.productDict.scan(q).length || v.placeDict.scan(q).some((h) => !h.value.word)) continue;
      out.add(q);
    }
  }
  return [...out];
}
