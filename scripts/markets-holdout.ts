/**
 * Leave-one-batch-out for the markets field (`npm run eval -- --holdout`). A cue of
 * content/vocab/markets.json (an export or future cue, an alias, a no-code or false-friend name, a
 * market column header) that fires on one batch only was most likely written for it: each set is
 * scored with the cues that fire on no other set switched off. The transit and origin patterns are
 * one pattern each and stay on.
 *
 * Relevance is the extractor's own (markets are read on pages it takes as relevant); each page is
 * read once and its markets recomputed with vocabularies compiled without the cues.
 */
import { isExtractError, extractArticle, loadVocabulary } from '../scrapers/extract/index.ts';
import { inputForUrl } from '../scrapers/extract/fixtures.ts';
import { readPage } from '../scrapers/extract/page.ts';
import { splitSentences, type Sentence } from '../scrapers/extract/sentences.ts';
import { findMarkets } from '../scrapers/extract/markets.ts';
import { buildCountries, compileMarketRules, readVocab, type Vocabulary } from '../scrapers/extract/vocab.ts';
import type { Table } from '../scrapers/text/body.ts';
import { articleLabels, type LabelledSet } from '../scrapers/extract/eval-sets.ts';

export interface MarketCase {
  set: string;
  url: string;
  gold: string[];
  /** null: the extractor takes the page as irrelevant (or no article): no markets. */
  page: { title: string; sentences: Sentence[]; tables: Table[] } | null;
  fires: Set<string>;
  predicted: string[];
}

type RawMarkets = ReturnType<typeof readVocab<'markets'>>;

function cueIds(raw: RawMarkets): { id: string; word: string }[] {
  return [
    ...raw.exportCues.map((w) => ({ id: `export:${w}`, word: w })),
    ...raw.futureCues.map((w) => ({ id: `future:${w}`, word: w })),
    ...Object.keys(raw.aliases).map((w) => ({ id: `alias:${w}`, word: w })),
    ...raw.noCode.map((w) => ({ id: `noCode:${w}`, word: w })),
    ...raw.falseFriends.map((w) => ({ id: `falseFriend:${w}`, word: w })),
    ...raw.marketColumnHeaders.map((w) => ({ id: `column:${w}`, word: w })),
  ];
}

export function readMarketCases(sets: LabelledSet[], v: Vocabulary = loadVocabulary()): MarketCase[] {
  const cues = cueIds(readVocab(v.root, 'markets'));
  const out: MarketCase[] = [];
  for (const s of sets) {
    for (const [url, gold] of articleLabels(s)) {
      const input = inputForUrl(s.dir, url);
      const r = extractArticle(input, v);
      const read = readPage(input);
      const fires = new Set<string>();
      let page: MarketCase['page'] = null;
      if (!isExtractError(r) && r.relevant && !('error' in read)) {
        const sentences = splitSentences(read.body.lines, Number(read.publishedAt.slice(0, 4)), v);
        page = { title: read.title, sentences, tables: read.body.tables };
        const text = [read.title, read.body.fullText, ...read.body.tables.flatMap((t) => [...t.header, ...t.rows.flat()])].join('\n').toLowerCase();
        for (const c of cues) if (text.includes(c.word.toLowerCase()) || new RegExp(c.word, 'iu').test(text)) fires.add(c.id);
      }
      out.push({ set: s.name, url, gold: gold.markets ?? [], page, fires, predicted: isExtractError(r) ? [] : r.markets.map((m) => m.id) });
    }
  }
  return out;
}

/** Markets of a case with a set of cues off (vocabularies compiled once per set of cues). */
export function marketDecider(v: Vocabulary): (c: MarketCase, off: ReadonlySet<string>) => string[] {
  const raw = readVocab(v.root, 'markets');
  const cache = new Map<string, Vocabulary>();
  return (c, off) => {
    if (!c.page) return [];
    const key = [...off].sort().join('\n');
    let vv = cache.get(key);
    if (!vv) cache.set(key, (vv = off.size ? { ...v, marketRules: compileMarketRules(raw, off), countryDict: buildCountries(raw, off) } : v));
    return findMarkets(c.page.title, c.page.sentences, c.page.tables, vv).markets.map((m) => m.id);
  };
}

/** Micro-averaged F1 of markets over cases, with the misses. */
function f1(cases: MarketCase[], got: (c: MarketCase) => string[]): { f1: number; p: number; r: number; misses: string[] } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const g = got(c);
    const extra = g.filter((x) => !c.gold.includes(x));
    const missing = c.gold.filter((x) => !g.includes(x));
    tp += c.gold.length - missing.length;
    fp += extra.length;
    fn += missing.length;
    if (extra.length || missing.length)
      misses.push(`  ${c.set} ${c.url}${missing.length ? ` missing ${missing.join(',')}` : ''}${extra.length ? ` extra ${extra.join(',')}` : ''}`);
  }
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { f1: p + r ? (2 * p * r) / (p + r) : 0, p, r, misses };
}

export function printMarketsHoldout(sets: LabelledSet[]): void {
  const v = loadVocabulary();
  const cases = readMarketCases(sets, v);
  const decide = marketDecider(v);
  const none = new Set<string>();
  const mismatch = cases.filter((c) => decide(c, none).join() !== c.predicted.join());
  if (mismatch.length) console.log(`warning: ${mismatch.length} pages decided differently from the extractor: ${mismatch.map((c) => c.url).join(' ')}`);
  const names = [...new Set(cases.map((c) => c.set))];
  console.log('markets, leave one set out: F1 on the set left out with the cues that fire on no other set off');
  console.log(
    ['set'.padEnd(9), 'pages'.padStart(5), 'inSample'.padStart(9), 'heldOut'.padStart(9), '   P'.padStart(6), '   R'.padStart(6), '  cues off'].join(' '),
  );
  const offOf = new Map<string, Set<string>>();
  const missesOut: string[] = [];
  for (const name of names) {
    const test = cases.filter((c) => c.set === name);
    const seen = new Set(cases.filter((c) => c.set !== name).flatMap((c) => [...c.fires]));
    const off = new Set(test.flatMap((c) => [...c.fires]).filter((id) => !seen.has(id)));
    offOf.set(name, off);
    const a = f1(test, (c) => decide(c, none));
    const b = f1(test, (c) => decide(c, off));
    missesOut.push(...b.misses);
    console.log(
      [
        name.padEnd(9),
        String(test.length).padStart(5),
        a.f1.toFixed(3).padStart(9),
        b.f1.toFixed(3).padStart(9),
        b.p.toFixed(3).padStart(6),
        b.r.toFixed(3).padStart(6),
        `  ${[...off].join(' | ') || '-'}`,
      ].join(' '),
    );
  }
  const all = f1(cases, (c) => decide(c, none));
  const held = f1(cases, (c) => decide(c, offOf.get(c.set)!));
  console.log(
    [
      'all'.padEnd(9),
      String(cases.length).padStart(5),
      all.f1.toFixed(3).padStart(9),
      held.f1.toFixed(3).padStart(9),
      held.p.toFixed(3).padStart(6),
      held.r.toFixed(3).padStart(6),
    ].join(' '),
  );
  console.log(`\nheld-out misses (${missesOut.length} pages):\n${missesOut.join('\n')}`);
}
