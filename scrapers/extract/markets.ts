/**
 * Target export markets: ISO 3166-1 alpha-2 codes (EU for the European Union) of countries named
 * in an export context, grouped forms included (日韩 -> JP, KR; 港澳 -> HK, MO). Blocs and regions
 * give no code; transit countries and import origins (also every country of an enumeration after
 * such a cue: 途经A、B和C), past examples and later plans are not markets.
 */
import type { Sentence } from './sentences.ts';
import type { Table } from '../text/body.ts';
import type { Vocabulary } from './vocab.ts';
import type { Explanation, MarketRef } from './types.ts';
import { inlineCorrections, isCorrectionTable, tableCorrections } from './corrections.ts';

/** The text before a country with the countries and separators of its enumeration taken off. */
function beforeEnumeration(before: string, v: Vocabulary): string {
  let s = before;
  for (let guard = 0; guard < 12; guard++) {
    const t = s.replace(/(、|和|及|与|以及|或|,\s*|\s+and\s+|\s+or\s+|\s+)$/u, '');
    const hits = v.countryDict.scan(t);
    const last = hits[hits.length - 1];
    if (t !== s) {
      s = t;
      continue;
    }
    if (last && last.end === t.length) {
      s = t.slice(0, last.start);
      continue;
    }
    break;
  }
  return s;
}

/** Why a country named at `start` of `text` is no market here, or null. */
export function notAMarket(text: string, start: number, v: Vocabulary): string | null {
  const r = v.marketRules;
  if (r.blockBefore.test(text.slice(Math.max(0, start - 6), start))) return 'transit or origin';
  const clauseStart = Math.max(text.lastIndexOf('，', start), text.lastIndexOf('；', start), text.lastIndexOf('。', start)) + 1;
  if (r.transit.test(beforeEnumeration(text.slice(clauseStart, start), v).trimEnd())) return 'transit or origin (enumeration)';
  const clauseEnd = text.slice(start).search(/[，；。,;]/u);
  const clause = text.slice(clauseStart, clauseEnd < 0 ? text.length : start + clauseEnd);
  if (r.future.test(clause)) return 'later plan';
  return null;
}

const DIRECTED = /^(供|输)/u;

export function findMarkets(title: string, sentences: Sentence[], tables: Table[], v: Vocabulary): { markets: MarketRef[]; explain: Explanation[] } {
  const found = new Map<string, Explanation>();
  const excluded: Explanation[] = [];
  const scan = (text: string, offset: number, needCue: boolean, rule: string) => {
    const cue = !needCue || v.marketRules.exportCue.test(text);
    const corrected = inlineCorrections(text);
    for (const h of v.countryDict.scan(text)) {
      const codes = h.value;
      if (!codes || codes.length === 0) continue;
      // A name that carries its direction (供港, 输澳) is a destination by itself.
      if (!cue && !DIRECTED.test(h.name)) continue;
      const why = corrected.some((c) => h.start >= c.fromStart && h.end <= c.fromEnd) ? 'corrected away' : notAMarket(text, h.start, v);
      const position = offset < 0 ? -1 : offset + h.start;
      if (why) {
        excluded.push({ field: 'markets', value: codes.join(','), rule: `excluded: ${why}`, keyword: h.name, position });
        continue;
      }
      for (const code of codes) if (!found.has(code)) found.set(code, { field: 'markets', value: code, rule, keyword: h.name, position });
    }
  };
  scan(title, -1, true, 'country named with an export cue in the title');
  let heading = false;
  for (const s of sentences) {
    // A short heading with an export cue ("三、目标市场。") puts it on the sentence after it.
    if (!s.past)
      scan(s.text, s.start, !heading, heading ? 'country named under a heading with an export cue' : 'country named in a sentence with an export cue');
    heading = s.text.trim().length <= 10 && v.marketRules.exportCue.test(s.text);
  }
  for (const t of tables) {
    if (isCorrectionTable(t)) {
      for (const c of tableCorrections([t])) if (v.marketRules.columns.some((x) => c.item.includes(x))) scan(c.to, -1, false, `corrected value of "${c.item}"`);
      continue;
    }
    const cols = t.header.map((h, i) => (v.marketRules.columns.some((c) => h.includes(c)) ? i : -1)).filter((i) => i >= 0);
    for (const row of t.rows) for (const i of cols) for (const line of (row[i] ?? '').split('\n')) scan(line, -1, false, `table column "${t.header[i]}"`);
  }
  return { markets: [...found.keys()].map((id) => ({ id })), explain: [...found.values(), ...excluded] };
}
