/**
 * Place names on English pages: the pinyin of every gazetteer name (Lanzhou, Fengjie County,
 * Yangshan Port, Pudong International Airport) and the exonyms of english.json (Hohhot), read as
 * the same places the Chinese names are. Pure, given the gazetteer and english.json.
 */
import type { DivisionsFile, EnglishFile, PlacesFile, RolesFile } from './schema.ts';
import { cityAdcodeOf } from './schema.ts';
import { shortName, type Form, type Gazetteer, type Reading } from './gazetteer.ts';
import { compileCues, type CompiledCue } from './roles.ts';
import { englishName } from './names.ts';

type Tier = 'province' | 'city' | 'county' | 'curated';

interface Entry {
  tier: Tier;
  reading?: Reading;
  province?: string;
  /** The Chinese suffix the English proper part leaves out (县, 国际机场); '' when none. */
  zhSuffix: string;
}

export interface EnglishIndex {
  keys: Map<string, Entry[]>;
  maxWords: number;
  suffixes: { words: string[]; zh: Set<string> }[];
  /** Chinese suffixes of administrative units: an English suffix naming one picks the unit. */
  admin: Set<string>;
  heads: Set<string>;
  surnames: Set<string>;
  separator: RegExp;
  cues: CompiledCue[];
}

/** Lower case, no diacritics, spaces or hyphens; one kind of apostrophe (Xi’an = Xi'an). */
export function englishKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[\s-]+/g, '');
}

const ADMIN = ['自治县', '县', '区', '市', '旗', '自治旗', '自治州', '地区', '盟', '林区'];

export function buildEnglish(
  d: DivisionsFile,
  places: PlacesFile,
  rules: RolesFile,
  en: EnglishFile,
  gz: Gazetteer,
  catalogue: ReadonlyMap<string, { nameEn: string }>,
): EnglishIndex {
  const keys = new Map<string, Entry[]>();
  let maxWords = 1;
  const add = (name: string, e: Entry) => {
    const k = englishKey(name);
    if (k.length < 3) return;
    maxWords = Math.max(maxWords, name.split(/\s+/).length);
    const list = keys.get(k) ?? [];
    if (!list.some((x) => x.tier === e.tier && x.zhSuffix === e.zhSuffix && x.province === e.province && x.reading?.cities.join() === e.reading?.cities.join()))
      list.push(e);
    keys.set(k, list);
  };
  const cityEntry = (adcode: string) => {
    const c = gz.cities.get(adcode)!;
    return { tier: 'city' as const, reading: { cities: [adcode], kind: 'city' as const, full: c.fullName }, zhSuffix: c.fullName.slice(c.nameZh.length) };
  };
  for (const c of gz.cities.values()) add(englishName(c.nameZh), cityEntry(c.adcode));
  for (const [adcode, c] of catalogue) if (gz.cities.has(adcode)) add(c.nameEn, cityEntry(adcode));
  const countyEntry = (code: string, name: string, bare: string): Entry => ({
    tier: 'county',
    reading: { cities: [cityAdcodeOf(code)], kind: 'county', full: name },
    zhSuffix: name.slice(bare.length),
  });
  for (const [code, name] of Object.entries(d.counties)) {
    if (name === '市辖区' || code.slice(2, 4) === '90') continue;
    const bare = shortName(name, rules.countySuffixes, rules.ethnicGroups);
    if (bare.length >= 2) add(englishName(bare), countyEntry(code, name, bare));
  }
  const provinceShort = (full: string) => full.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
  for (const [code, full] of Object.entries(d.provinces))
    if (!/^(11|12|31|50)$/.test(code)) add(englishName(provinceShort(full)), { tier: 'province', province: code, zhSuffix: '' });
  const zhSuffixes = [...new Set(en.suffixes.flatMap((s) => s.zh))].sort((a, b) => b.length - a.length);
  for (const e of places.entries) {
    if (e.kind === 'short-name' || e.kind === 'abbreviation') continue;
    for (const n of [e.name, ...e.aliases]) {
      const suffix = zhSuffixes.find((s) => n.endsWith(s) && n.length - s.length >= 2) ?? '';
      add(englishName(n.slice(0, n.length - suffix.length)), { tier: 'curated', reading: { cities: e.cities, kind: e.kind, full: e.name }, zhSuffix: suffix });
    }
  }
  const byFull = new Map<string, Entry>();
  for (const [code, full] of Object.entries(d.provinces))
    byFull.set(full, /^(11|12|31|50)$/.test(code) ? cityEntry(`${code}0100`) : { tier: 'province', province: code, zhSuffix: '' });
  for (const c of gz.cities.values()) byFull.set(c.fullName, cityEntry(c.adcode));
  for (const [code, name] of Object.entries(d.counties)) if (!byFull.has(name)) byFull.set(name, { ...countyEntry(code, name, name), zhSuffix: '' });
  for (const x of en.exonyms) {
    const e = byFull.get(x.zh);
    if (e) add(x.name, e);
  }
  return {
    keys,
    maxWords,
    suffixes: en.suffixes.flatMap((s) => s.en.map((w) => ({ words: w.split(/\s+/), zh: new Set(s.zh) }))).sort((a, b) => b.words.length - a.words.length),
    admin: new Set(ADMIN),
    heads: new Set(en.nameHeads),
    surnames: new Set(en.surnames),
    separator: new RegExp(en.enumerationSeparator, 'u'),
    cues: compileCues(en.roles),
  };
}

interface Word {
  text: string;
  start: number;
  end: number;
}

export interface EnglishFound {
  start: number;
  end: number;
  form: Form;
}

const WORD = /\p{L}[\p{L}'’-]*\.?/gu;
const DATELINE_AFTER = /^,\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\s*(--|—|–|-|\()/u;
const capital = (w: string) => /^\p{Lu}/u.test(w);

/** The readings an English name stands for, given the suffix written after it (County, Port …). */
function readingsOf(entries: Entry[], suffix: Set<string> | null, admin: Set<string>): { readings: Reading[]; province?: string; fallback?: Reading[] } {
  const readings = (xs: Entry[], kind?: Reading['kind']) => {
    const out = new Map<string, Reading>();
    for (const x of xs) if (x.reading && !out.has(x.reading.cities.join())) out.set(x.reading.cities.join(), kind ? { ...x.reading, kind } : x.reading);
    return [...out.values()];
  };
  if (suffix) {
    const fit = entries.filter((e) => e.reading && e.zhSuffix && suffix.has(e.zhSuffix));
    if (fit.length) return { readings: readings(fit) };
    const adminSuffix = [...suffix].some((s) => admin.has(s));
    if (adminSuffix) return { readings: [] };
  }
  const province = entries.find((e) => e.tier === 'province');
  if (province) return { readings: [], province: province.province! };
  const cities = entries.filter((e) => e.tier === 'city');
  const counties = entries.filter((e) => e.tier === 'county');
  const bare = entries.filter((e) => e.tier === 'curated' && !e.zhSuffix);
  if (cities.length && counties.length) {
    // Pingxiang: 萍乡 the city, or 凭祥 the county-level city? The page's context decides; else the city.
    return { readings: [...readings(cities), ...readings(counties, 'county-bare')], fallback: readings(cities) };
  }
  if (cities.length) return { readings: readings(cities) };
  if (counties.length) return { readings: readings(counties, 'county-bare') };
  return { readings: readings(bare) };
}

/** Every place an English text names, with the organisations' names (Lanzhou Customs) reported apart. */
export function findEnglish(text: string, idx: EnglishIndex): { found: EnglishFound[]; names: { start: number; end: number; name: string; form: Form }[] } {
  const words: Word[] = [...text.matchAll(WORD)].map((m) => ({ text: m[0].replace(/\.$/, ''), start: m.index, end: m.index + m[0].replace(/\.$/, '').length }));
  const found: EnglishFound[] = [];
  const names: { start: number; end: number; name: string; form: Form }[] = [];
  // Consecutive words of one name are separated by one space (or a hyphen inside a word).
  const joined = (a: Word, b: Word) => /^ $/.test(text.slice(a.end, b.start));
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    if (!capital(w.text)) {
      i++;
      continue;
    }
    let hit: { n: number; entries: Entry[] } | null = null;
    for (let n = Math.min(idx.maxWords, words.length - i); n >= 1 && !hit; n--) {
      let ok = true;
      for (let k = i + 1; k < i + n; k++) if (!capital(words[k]!.text) || !joined(words[k - 1]!, words[k]!)) ok = false;
      if (!ok) continue;
      const entries = idx.keys.get(
        englishKey(
          words
            .slice(i, i + n)
            .map((x) => x.text)
            .join(''),
        ),
      );
      if (entries) hit = { n, entries };
    }
    if (!hit) {
      i++;
      continue;
    }
    const prev = words[i - 1];
    if (prev && joined(prev, w) && idx.surnames.has(prev.text)) {
      i += hit.n;
      continue;
    }
    let j = i + hit.n;
    let suffix: Set<string> | null = null;
    for (const s of idx.suffixes) {
      const ws = words.slice(j, j + s.words.length);
      if (ws.length === s.words.length && ws.every((x, k) => x.text.toLowerCase() === s.words[k]!.toLowerCase() && joined(words[j + k - 1]!, x))) {
        suffix = s.zh;
        j += s.words.length;
        break;
      }
    }
    // The capitalised words after the name: an organisation's head makes the place part of its name.
    let head: number | null = null;
    for (let k = j; k < words.length && k < j + 5 && capital(words[k]!.text) && joined(words[k - 1]!, words[k]!); k++) {
      if (idx.heads.has(words[k]!.text)) {
        head = k;
        break;
      }
    }
    const r = readingsOf(hit.entries, suffix, idx.admin);
    const end = words[j - 1]!.end;
    const form: Form = {
      name: text.slice(w.start, end),
      readings: r.readings,
      ...(r.province ? { province: r.province } : {}),
      ...(r.fallback ? { fallback: r.fallback } : {}),
    };
    // A news dateline (BEIJING, May 27 --) says where the report was filed, not where anything runs.
    const dateline = text.slice(0, w.start).trim() === '' && w.text === w.text.toUpperCase() && DATELINE_AFTER.test(text.slice(end));
    if (head !== null) names.push({ start: w.start, end: words[head]!.end, name: text.slice(w.start, words[head]!.end), form });
    else if ((form.readings.length || form.province) && !dateline) found.push({ start: w.start, end, form });
    i = head !== null ? head + 1 : j;
  }
  return { found, names };
}
