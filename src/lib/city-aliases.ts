/**
 * A city's bare name as an address (/cities/suzhou/) where its id carries more, to keep it apart
 * from a city of the same pinyin (suzhou-jiangsu, not 宿州): the cities that bare name may mean, so
 * the address a user guesses leads somewhere. Pure.
 */
import type { Bilingual } from '../model/schemas.ts';

export interface NamedCity {
  id: string;
  name: Bilingual;
  province: Bilingual;
}

export function cityAliases(cities: readonly NamedCity[]): Map<string, NamedCity[]> {
  const ids = new Set(cities.map((c) => c.id));
  const out = new Map<string, NamedCity[]>();
  for (const c of cities) {
    // Written as city ids are: the pinyin's letters and digits only (Xi'an is xian).
    const bare = c.name.en.toLowerCase().replace(/[^a-z0-9]+/g, '');
    // Only an id that is the bare name with something after it (suzhou-jiangsu), never another city's id.
    if (!bare || !c.id.startsWith(`${bare}-`) || ids.has(bare)) continue;
    out.set(bare, [...(out.get(bare) ?? []), c]);
  }
  return out;
}

/** The catalogue's cities and those seen in evidence, as one list of names (both have pages). */
export function namedCities(data: {
  cities: readonly { id: string; data: { name: NamedCity['name']; province: NamedCity['province'] } }[];
  seen: { cities: readonly NamedCity[] };
}): NamedCity[] {
  return [...data.cities.map((c) => ({ id: c.id, name: c.data.name, province: c.data.province })), ...data.seen.cities];
}
