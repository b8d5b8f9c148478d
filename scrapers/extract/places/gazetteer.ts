/**
 * The gazetteer: every written form of a place (苏州, 苏州市, 吴中区, 太仓, 甬, 珠中江, 洋山港 ...)
 * with the prefecture-level cities it may stand for. Built from the data files by pure functions;
 * load.ts does the reading.
 */
import { cityAdcodeOf, type DivisionsFile, type PlacesFile, type RolesFile, PLACE_KINDS } from './schema.ts';

type CuratedKind = (typeof PLACE_KINDS)[number];
export type FormKind = 'city' | 'county' | 'county-bare' | 'town' | CuratedKind;

/** One way to read a form: the cities it names (several for 珠中江), with what kind of name it is. */
export interface Reading {
  cities: string[];
  kind: FormKind;
  /** The full name behind a short or bare form (太仓 -> 太仓市), for explanations. */
  full: string;
}

export interface Form {
  name: string;
  /** Several readings: a homonym (鼓楼区) the page's context must resolve. */
  readings: Reading[];
  /** Province codes the form names as a province (江苏, 江苏省): context only, never a mention. */
  province?: string;
  /** A general word (北京时间): kept whole by the segmenter, never a place. */
  word?: boolean;
  /**
   * The general lexicon knows the form as something else (开封: to unseal; 东方: the east): it
   * counts only beside other places or in a place context (roles.json weakNameContext).
   */
  weak?: string;
  /** The readings to keep when the page does not say which of several it means (English homophones: Pingxiang). */
  fallback?: Reading[];
}

export interface CityUnit {
  adcode: string;
  /** Name without 市 / 地区 / 自治州 (苏州, 恩施, 大兴安岭). */
  nameZh: string;
  fullName: string;
  province: string;
}

export interface Gazetteer {
  forms: Map<string, Form>;
  cities: Map<string, CityUnit>;
  provinces: Map<string, string>;
}

const MUNICIPALITY = /^(11|12|31|50)$/;

/** Name minus one of the suffixes, and minus ethnic group names before 自治州/自治县 (延边朝鲜族自治州 -> 延边). */
export function shortName(name: string, suffixes: string[], ethnic: string[]): string {
  const suffix = suffixes.find((s) => name.endsWith(s) && name.length - s.length >= 2);
  if (!suffix) return name;
  let out = name.slice(0, -suffix.length);
  if (suffix.startsWith('自治')) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const e of ethnic) {
        for (const form of [`${e}族`, e]) {
          if (out.endsWith(form) && out.length - form.length >= 2) {
            out = out.slice(0, -form.length);
            changed = true;
          }
        }
      }
    }
  }
  return out;
}

/** Bare forms of county-level names that the general lexicon might know as common words: the loader looks their tags up. */
export function bareForms(d: DivisionsFile, rules: RolesFile): Set<string> {
  const out = new Set<string>();
  for (const [code, name] of Object.entries(d.counties)) {
    if (name === '市辖区' || name.length < 3) continue;
    const b = shortName(name, rules.countySuffixes, rules.ethnicGroups);
    if (b !== name && b.length >= 2) out.add(b);
    if (code.slice(2, 4) === '90') out.add(b);
  }
  for (const name of Object.values(d.prefectures)) out.add(shortName(name, rules.prefectureSuffixes, rules.ethnicGroups));
  return out;
}

const PRECEDENCE: Record<FormKind, number> = {
  'short-name': 6,
  abbreviation: 6,
  zone: 6,
  port: 6,
  airport: 6,
  city: 5,
  county: 4,
  town: 3,
  'county-bare': 2,
};

/**
 * Every form of every place. A form two places share is a homonym when both are of the same kind
 * (鼓楼区 of four cities); otherwise the stronger kind keeps it (curated > city > county > town >
 * bare county name). `baseTag` gives the general lexicon's part of speech of a word, if it has one:
 * a bare county name the lexicon knows as something else (开封: to unseal) needs its full form.
 */
export function buildGazetteer(d: DivisionsFile, places: PlacesFile, rules: RolesFile, baseTag: (w: string) => string | undefined): Gazetteer {
  const forms = new Map<string, Form>();
  const cities = new Map<string, CityUnit>();
  const provinces = new Map(Object.entries(d.provinces));
  const placeTags = { city: new Set(rules.placeTags.city), county: new Set(rules.placeTags.county) };
  const provinceShort = new Map<string, string>();
  for (const [code, name] of provinces) provinceShort.set(name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, ''), code);

  const commonWord = (w: string, tags: Set<string> = placeTags.city) => {
    const t = baseTag(w);
    return t !== undefined && !tags.has(t) ? t : undefined;
  };
  /** `short`: a short or bare form, weak when the lexicon knows it as a common word. */
  const add = (name: string, r: Reading, short = false) => {
    if (name.length < 1) return;
    const f: Form = forms.get(name) ?? { name, readings: [] };
    forms.set(name, f);
    const top = f.readings[0];
    const weak = short ? commonWord(name, r.kind === 'county-bare' ? placeTags.county : placeTags.city) : undefined;
    if (!top || PRECEDENCE[r.kind] > PRECEDENCE[top.kind]) {
      f.readings = [r];
      if (weak) f.weak = weak;
      else delete f.weak;
    } else if (PRECEDENCE[r.kind] === PRECEDENCE[top.kind] && !f.readings.some((x) => x.cities.join() === r.cities.join())) f.readings.push(r);
  };

  // Prefecture-level units, municipalities and the county-level units a province administers directly.
  for (const [code4, name] of Object.entries(d.prefectures)) {
    const p = code4.slice(0, 2);
    if (MUNICIPALITY.test(p) || code4.endsWith('90')) continue;
    const adcode = `${code4}00`;
    cities.set(adcode, { adcode, nameZh: shortName(name, rules.prefectureSuffixes, rules.ethnicGroups), fullName: name, province: p });
  }
  for (const [p, name] of provinces) {
    if (!MUNICIPALITY.test(p)) continue;
    const adcode = `${p}0100`;
    cities.set(adcode, { adcode, nameZh: name.replace(/市$/, ''), fullName: name, province: p });
  }
  for (const [code, name] of Object.entries(d.counties)) {
    if (code.slice(2, 4) !== '90') continue;
    cities.set(code, { adcode: code, nameZh: shortName(name, rules.countySuffixes, rules.ethnicGroups), fullName: name, province: code.slice(0, 2) });
  }
  for (const c of cities.values()) {
    const r: Reading = { cities: [c.adcode], kind: 'city', full: c.fullName };
    add(c.fullName, r);
    // 吉林 and 海南 are provinces first; 北京 is both.
    if (c.nameZh !== c.fullName && (!provinceShort.has(c.nameZh) || MUNICIPALITY.test(c.province))) add(c.nameZh, r, true);
    // An autonomous prefecture is also called by its short name and 州 (黔南州, 延边州).
    if (c.fullName.endsWith('自治州')) add(`${c.nameZh}州`, r);
  }

  // County-level units: the full name anywhere, the bare name (太仓) when it is not a common word.
  for (const [code, name] of Object.entries(d.counties)) {
    if (name === '市辖区' || code.slice(2, 4) === '90') continue;
    const r: Reading = { cities: [cityAdcodeOf(code)], kind: 'county', full: name };
    // 郊区, 城区: common words before they are names.
    if (name.length >= 3 || !commonWord(name)) add(name, r);
    const bare = shortName(name, rules.countySuffixes, rules.ethnicGroups);
    // 龙江 inside 黑龙江 reads as the province more often than as 龙江县.
    if (bare !== name && bare.length >= 2 && ![...provinceShort.keys()].some((p) => p.includes(bare))) add(bare, { ...r, kind: 'county-bare' }, true);
  }
  for (const [code, name] of Object.entries(d.towns)) add(name, { cities: [cityAdcodeOf(code.slice(0, 6))], kind: 'town', full: name });

  for (const e of places.entries) for (const n of [e.name, ...e.aliases]) add(n, { cities: e.cities, kind: e.kind, full: e.name });

  // Provinces give context (which 鼓楼区); a municipality's province name is the city itself.
  for (const [short, code] of provinceShort) {
    for (const n of [short, provinces.get(code)!]) {
      if (MUNICIPALITY.test(code)) continue;
      const f = forms.get(n) ?? { name: n, readings: [] };
      f.province = code;
      // 吉林 / 海南: the province, not the city of the same name.
      f.readings = f.readings.filter((r) => r.kind !== 'city' || n.length > short.length);
      forms.set(n, f);
    }
  }
  for (const w of places.words) forms.set(w, { name: w, readings: [], word: true });
  return { forms, cities, provinces };
}

/** The segmenter's user lexicon: every form, one `word freq tag` line each. */
export function lexicon(g: Gazetteer, baseTag: (w: string) => string | undefined): string {
  const lines: string[] = [];
  for (const f of g.forms.values()) {
    // A city's customs office (唐山海关) stays one word: the segmenter would otherwise read 唐/山海关.
    if (f.name.length >= 2 && !f.word && f.readings.some((r) => r.kind === 'city')) lines.push(`${f.name}海关 3000 nt`);
    if (f.name.length < 2 || baseTag(f.name) !== undefined) continue;
    lines.push(`${f.name} ${f.word ? 3000 : 2000} ${f.word ? 'n' : 'ns'}`);
  }
  return lines.join('\n') + '\n';
}

const initialsIndex = new WeakMap<Gazetteer, Map<string, Map<string, string[]>>>();

/**
 * The cities a run of first characters stands for (成德眉资: 成都, 德阳, 眉山, 资阳), when every
 * character is the first of exactly one prefecture-level city of the same province; else undefined.
 */
export function initialsForm(word: string, g: Gazetteer): Form | undefined {
  let index = initialsIndex.get(g);
  if (!index) {
    index = new Map();
    for (const c of g.cities.values()) {
      if (MUNICIPALITY.test(c.province) || c.adcode.slice(2, 4) === '90') continue;
      const byChar = index.get(c.province) ?? new Map<string, string[]>();
      index.set(c.province, byChar);
      const first = c.nameZh[0]!;
      byChar.set(first, [...(byChar.get(first) ?? []), c.adcode]);
    }
    initialsIndex.set(g, index);
  }
  const chars = [...word];
  for (const byChar of index.values()) {
    const cities = chars.map((ch) => byChar.get(ch));
    if (cities.every((c) => c?.length === 1) && new Set(cities.map((c) => c![0])).size === chars.length)
      return { name: word, readings: [{ cities: cities.map((c) => c![0]!), kind: 'abbreviation', full: word }] };
  }
  return undefined;
}
