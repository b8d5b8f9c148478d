/**
 * Cities the notice applies to, catalogue or not: the places of scrapers/extract/places/ (GB/T
 * 2260 divisions, zones, ports, airports, short names) as prefecture-level cities, with the
 * words that named them. Mentions in other roles (exit port, origin, precedent, future plan ...)
 * are explained, not output.
 */
import type { Sentence } from './sentences.ts';
import type { Table } from '../text/body.ts';
import type { Vocabulary } from './vocab.ts';
import type { Explanation } from './types.ts';
import type { CityMention } from '../../src/model/schemas.ts';
import { loadPlaces, publisherProvince as districtProvince } from './places/load.ts';
import { findPlaces, type Catalogue } from './places/find.ts';

const catalogues = new WeakMap<Vocabulary, Catalogue>();

function catalogueOf(v: Vocabulary): Catalogue {
  let c = catalogues.get(v);
  if (!c) {
    c = {
      byAdcode: new Map([...v.cities.values()].map((x) => [`${x.adcode}00`, x])),
      past: v.context.past,
      products: v.productDict,
      modifiers: v.productRules.modifiers,
    };
    catalogues.set(v, c);
  }
  return c;
}

/** `page`: the article's URL (a customs district's site bounds the area) and year of publication. */
export function findCities(
  title: string,
  sentences: Sentence[],
  tables: Table[],
  v: Vocabulary,
  page: { url?: string; docYear?: number; products?: string[]; notHere?: boolean; call?: boolean } = {},
): { cities: CityMention[]; explain: Explanation[] } {
  const p = loadPlaces(v.root);
  const publisherProvince = page.url ? districtProvince(page.url, v.root, p.gazetteer) : undefined;
  return findPlaces(title, sentences, tables, p, catalogueOf(v), {
    ...(page.docYear ? { docYear: page.docYear } : {}),
    ...(publisherProvince ? { publisherProvince } : {}),
    ...(page.products ? { products: page.products } : {}),
    ...(page.notHere ? { notHere: true } : {}),
    ...(page.call ? { call: true } : {}),
  });
}
