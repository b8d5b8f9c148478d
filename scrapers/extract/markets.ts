/**
 * Target export markets: ISO 3166-1 alpha-2 codes (EU for the European Union) of countries named
 * in an export context. Blocs and regions give no code; transit countries and import origins
 * are not markets.
 */
import type { Sentence } from './sentences.ts';
import type { Table } from '../text/body.ts';
import type { Vocabulary } from './vocab.ts';
import type { Explanation, MarketRef } from './types.ts';

export function findMarkets(title: string, sentences: Sentence[], tables: Table[], v: Vocabulary): { markets: MarketRef[]; explain: Explanation[] } {
  const found = new Map<string, Explanation>();
  const scan = (text: string, offset: number, needCue: boolean, rule: string) => {
    if (needCue && !v.marketRules.exportCue.test(text)) return;
    for (const h of v.countryDict.scan(text)) {
      const codes = h.value;
      if (!codes || codes.length === 0) continue;
      const before = text.slice(Math.max(0, h.start - 6), h.start);
      if (v.marketRules.blockBefore.test(before)) continue;
      for (const code of codes) {
        if (!found.has(code)) found.set(code, { field: 'markets', value: code, rule, keyword: h.name, position: offset < 0 ? -1 : offset + h.start });
      }
    }
  };
  scan(title, -1, true, 'country named with an export cue in the title');
  for (const s of sentences) scan(s.text, s.start, true, 'country named in a sentence with an export cue');
  for (const t of tables) {
    const cols = t.header.map((h, i) => (v.marketRules.columns.some((c) => h.includes(c)) ? i : -1)).filter((i) => i >= 0);
    for (const row of t.rows) for (const i of cols) scan(row[i] ?? '', -1, false, `table column "${t.header[i]}"`);
  }
  return { markets: [...found.keys()].map((id) => ({ id })), explain: [...found.values()] };
}
