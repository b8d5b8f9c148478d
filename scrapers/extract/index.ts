/**
 * extractArticle: page bytes + URL (+ the feed item, when the article came from a feed) ->
 * an extracted, classified record, or an error for pages that are not articles (error pages,
 * WAF shells, empty bodies). Pure apart from reading the vocabularies once per content root.
 */
import { readPage } from './page.ts';
import { splitSentences } from './sentences.ts';
import { loadVocabulary, type Vocabulary } from './vocab.ts';
import { decideRelevance } from './relevance.ts';
import { confidenceOf } from './confidence.ts';
import { measureHits, measuresFrom, measureCandidates, tableSentences } from './measures.ts';
import { findCities } from './cities.ts';
import { findMarkets } from './markets.ts';
import { findProducts, newProductPage } from './products.ts';
import { findEligibility } from './eligibility.ts';
import { keyValueLines } from '../text/body.ts';
import { decideSignal } from './signal.ts';
import type { ExtractError, ExtractInput, Extracted, Explanation } from './types.ts';
import { loadPlaces } from './places/load.ts';
import { rowsInPlace } from './planned-rows.ts';

export type { Extracted, ExtractError, ExtractInput, Explanation } from './types.ts';
export { isExtractError } from './types.ts';
export { loadVocabulary } from './vocab.ts';

/** Bumped when a rule changes what is extracted (the writer records it). */
export const EXTRACTOR_VERSION = '1.309.1';

export function extractArticle(input: ExtractInput, vocab?: Vocabulary): Extracted | ExtractError {
  const v = vocab ?? loadVocabulary();
  // Memos serve one page: a benchmark over the same pages again must not read them from the last round.
  loadPlaces(v.root).newPage();
  newProductPage(v);
  const page = readPage(input);
  if ('error' in page) return { error: page.error, url: input.url, reason: page.reason };
  const docYear = Number(page.publishedAt.slice(0, 4));
  const sentences = splitSentences(page.body.lines, docYear, v);
  const { tables, explain: plannedRows } = rowsInPlace(page.body.tables, v.context.plannedRow);
  const { hits, excluded } = measureHits(page.title, sentences, v, tableSentences(tables, docYear, v), docYear);
  const rel = decideRelevance(page.title, sentences, hits, v, docYear, page.publishedAt, excluded);
  const explain: Explanation[] = [
    ...page.explain,
    ...plannedRows,
    { field: 'title', value: page.title, rule: `template ${page.template}`, position: -1 },
    ...rel.explain,
  ];
  const base = {
    title: page.title,
    publishedAt: page.publishedAt,
    template: page.template,
    bodyHtml: page.bodyHtml,
    bodyText: page.body.fullText,
    attachments: page.attachments,
  };
  const dateRule = page.explain.find((e) => e.field === 'publishedAt')?.rule ?? '';
  if (!rel.relevant) {
    const sig = decideSignal(false, page.title, page.body.lines, v);
    return {
      ...base,
      relevant: false,
      cities: [],
      measures: [],
      products: [],
      markets: [],
      eligibility: [],
      signal: sig.signal,
      confidence: confidenceOf({
        template: page.template,
        dateRule,
        basis: rel.basis,
        measures: 0,
        relevant: false,
        lang: page.lang,
        cities: 0,
        citiesInTitle: 0,
      }),
      candidates: { measures: [] },
      explain: [...explain, sig.explain],
    };
  }
  const measures = measuresFrom(hits, v);
  const found = findProducts(sentences, tables, v, docYear);
  // A letter and its reply laid out as a key-value table are read as the lines they stand for.
  const kvLines = keyValueLines(tables);
  const sig = decideSignal(true, page.title, [...page.body.lines, ...kvLines], v);
  const cities = findCities(page.title, sentences, tables, v, {
    url: input.url,
    docYear,
    products: found.products.map((p) => p.display ?? p.nameZh),
    notHere: sig.signal === 'not-announced',
    call: sig.signal === 'eligibility',
  });
  // Where the measure does not apply, nothing is in its scope (the writer's own goods and markets are not).
  const notHere = sig.signal === 'not-announced';
  const markets = notHere ? { markets: [], explain: [] } : findMarkets(page.title, sentences, tables, v);
  const products = notHere ? { products: [], explain: [] } : found;
  // …and so are its conditions: a reply's prose in a table cell (答复内容 | …须满足以下条件：…).
  const eligibility = findEligibility([...page.body.lines, ...kvLines], v, tables);
  return {
    ...base,
    relevant: true,
    cities: cities.cities,
    measures: measures.measures,
    products: products.products,
    markets: markets.markets,
    eligibility: eligibility.eligibility,
    signal: sig.signal,
    confidence: confidenceOf({
      template: page.template,
      dateRule,
      basis: rel.basis,
      measures: measures.measures.length,
      relevant: true,
      lang: page.lang,
      cities: cities.cities.length,
      citiesInTitle: cities.cities.filter((c) => page.title.includes(c.nameZh) || page.title.includes(c.nameEn)).length,
    }),
    candidates: { measures: measureCandidates(sentences, v) },
    explain: [...explain, ...measures.explain, ...excluded, ...cities.explain, ...markets.explain, ...products.explain, ...eligibility.explain, sig.explain],
  };
}
