/**
 * Cities the notice applies to: catalogue cities (ids), counties/districts mapped to their city
 * (GB/T 2260), other prefecture-level cities reported as candidates. Mentions in past examples
 * and origin phrases do not count; production-area table columns neither.
 */
import type { Sentence } from './sentences.ts';
import type { Table } from '../text/body.ts';
import type { Vocabulary, Place } from './vocab.ts';
import type { CityRef, Explanation } from './types.ts';

const ORIGIN_BEFORE = /(来自|产自|原产于?|产于)[^，。；的在经]*$/u;

export function findCities(title: string, sentences: Sentence[], tables: Table[], v: Vocabulary): { cities: CityRef[]; candidates: string[]; explain: Explanation[] } {
  const ids = new Map<string, Explanation>();
  const candidates = new Set<string>();
  const explain: Explanation[] = [];
  const accept = (p: Place, name: string, position: number, rule: string, excerpt?: string) => {
    if (p.kind === 'prefecture') {
      candidates.add(p.name);
      return;
    }
    if (!p.cityId || ids.has(p.cityId)) return;
    const r = p.kind === 'catalogue' ? rule : `${rule}; ${p.name} is in this city (GB/T 2260)`;
    ids.set(p.cityId, { field: 'cities', value: p.cityId, rule: r, keyword: name, position, ...(excerpt ? { excerpt } : {}) });
  };
  const scanText = (text: string, offset: number, rule: string, past: boolean, excerpt?: string) => {
    for (const h of v.placeDict.scan(text)) {
      const p = h.value;
      if (p.kind === 'trap') continue;
      const before = text.slice(0, h.start);
      const after = text.slice(h.end);
      if (p.kind === 'county-bare' && !(v.cityRules.bareAfter.test(after) || v.cityRules.bareBefore.test(before))) continue;
      if (past) {
        explain.push({ field: 'cities', value: p.cityId ?? p.name, rule: 'excluded: past example or earlier experience', keyword: h.name, position: offset + h.start });
        continue;
      }
      if (ORIGIN_BEFORE.test(before)) {
        explain.push({ field: 'cities', value: p.cityId ?? p.name, rule: 'excluded: where the goods come from, not where the measure runs', keyword: h.name, position: offset + h.start });
        continue;
      }
      accept(p, h.name, offset + h.start, rule, excerpt);
    }
  };
  scanText(title, -1, 'named in the title', false);
  for (const s of sentences) scanText(s.text, s.start, 'named in the body', s.past, s.text.slice(0, 80));
  for (const t of tables) {
    const skipCols = new Set(t.header.map((h, i) => (v.cityRules.originColumns.some((o) => h.includes(o)) ? i : -1)).filter((i) => i >= 0));
    for (const row of t.rows) row.forEach((cell, i) => !skipCols.has(i) && scanText(cell, -1, 'named in a table', false));
  }
  const cities: CityRef[] = [];
  for (const [id, e] of ids) {
    const c = v.cities.get(id)!;
    cities.push({ id, nameZh: c.nameZh, nameEn: c.nameEn });
    explain.push(e);
  }
  return { cities, candidates: [...candidates], explain };
}
