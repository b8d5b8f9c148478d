/**
 * What the evidence names that the catalogue lacks: cities seen in announcements or reviewed
 * evidence records (keyed by adcode, not counted until a `content/cities/` file confirms them) and
 * measure names seen in announcements that match no catalogue measure. Pure functions over plain
 * data; lib/data.ts feeds them once per build.
 */
import { pinyin } from 'pinyin-pro';
// GB/T 2260 names as vendored for the extractor's gazetteer (one copy in the project).
import divisions from '../../content/vocab/gazetteer/divisions.json' with { type: 'json' };
import type { AnnouncementInput } from '../model/rollout.ts';
import type { Bilingual, CityMention, ReviewedEvidence } from '../model/schemas.ts';

/** Id prefix of reviewed evidence records among announcement ids. */
export const EVIDENCE_PREFIX = 'evidence/';

/** A reviewed evidence record as derivation input: reviewed, relevant, catalogue cities only. */
export function evidenceInput(id: string, r: ReviewedEvidence): AnnouncementInput & { cityMentions: CityMention[] } {
  return {
    id: `${EVIDENCE_PREFIX}${id}`,
    publishedAt: r.date,
    relevant: true,
    signal: r.signal,
    cities: r.cityMentions.flatMap((m) => (m.id ? [m.id] : [])),
    cityMentions: r.cityMentions,
    measures: r.measures,
    products: r.products,
    eligibility: [],
    canonicalUrl: r.sources[0]!.url,
    review: { state: 'reviewed' },
  };
}

/** A catalogue city's 4-digit adcode as the 6-digit code mentions carry (3205 -> 320500). */
export const catalogueCode = (adcode: string) => (adcode.length === 4 ? `${adcode}00` : adcode);

export interface SeenInput {
  id: string;
  publishedAt: string;
  relevant: boolean;
  cityMentions: readonly CityMention[];
}

export interface SeenCity {
  /** URL slug: pinyin of the name; the province's pinyin appended on a collision. */
  id: string;
  /** 6-digit GB/T 2260 code of the prefecture-level city. */
  adcode: string;
  name: Bilingual;
  province: Bilingual;
  /** Announcement and evidence ids naming it, oldest first. */
  evidence: string[];
  firstSeen: string;
}

const toSlug = (zh: string) =>
  pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

const PROVINCE_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;
/** Official romanisations where plain pinyin is ambiguous. */
const PROVINCE_EN: Record<string, string> = { '61': 'Shaanxi', '15': 'Inner Mongolia', '54': 'Tibet' };

export function provinceOf(adcode: string): Bilingual {
  const code = adcode.slice(0, 2);
  const zh = (divisions.provinces as Record<string, string>)[code] ?? code;
  const short = zh.replace(PROVINCE_SUFFIX, '');
  const py = toSlug(short);
  return { zh, en: PROVINCE_EN[code] ?? (py ? py[0]!.toUpperCase() + py.slice(1) : code) };
}

/**
 * Cities named by relevant evidence that the catalogue lacks, keyed by the mention's 6-digit code
 * (a prefecture-level city, or a county-level city a province administers directly, which stands
 * for itself). A mention counts when its id is null and no catalogue city has its code (a
 * catalogue city may be added later with that code: the city then leaves this list and keeps its
 * URL when the file is named by the same slug). Slugs are stable: the city seen first keeps the
 * plain pinyin; a later one, or one whose pinyin is a catalogue id, gets the province appended.
 */
export function seenCities(items: readonly SeenInput[], catalogue: readonly { id: string; adcode: string }[]): SeenCity[] {
  const known = new Set(catalogue.map((c) => catalogueCode(c.adcode)));
  const byCode = new Map<string, { mention: CityMention; evidence: { id: string; date: string }[] }>();
  for (const a of items) {
    if (!a.relevant) continue;
    for (const m of a.cityMentions) {
      if (m.id !== null || known.has(m.adcode)) continue;
      const code = m.adcode;
      const entry = byCode.get(code) ?? { mention: m, evidence: [] };
      if (!entry.evidence.some((e) => e.id === a.id)) entry.evidence.push({ id: a.id, date: a.publishedAt });
      byCode.set(code, entry);
    }
  }
  const ordered = [...byCode.entries()]
    .map(([adcode, e]) => ({ adcode, mention: e.mention, evidence: e.evidence.sort((x, y) => x.date.localeCompare(y.date) || x.id.localeCompare(y.id)) }))
    .sort((a, b) => a.evidence[0]!.date.localeCompare(b.evidence[0]!.date) || a.adcode.localeCompare(b.adcode));
  const taken = new Set(catalogue.map((c) => c.id));
  const out: SeenCity[] = [];
  for (const s of ordered) {
    const province = provinceOf(s.adcode);
    const base = toSlug(s.mention.nameZh.replace(/(市|地区)$/, '')) || s.adcode;
    let id = taken.has(base) ? `${base}-${toSlug(province.zh.replace(PROVINCE_SUFFIX, ''))}` : base;
    if (taken.has(id)) id = `${id}-${s.adcode}`;
    taken.add(id);
    out.push({
      id,
      adcode: s.adcode,
      name: { zh: s.mention.nameZh, en: s.mention.nameEn },
      province,
      evidence: s.evidence.map((e) => e.id),
      firstSeen: s.evidence[0]!.date,
    });
  }
  return out;
}

/** Evidence of seen cities as derivation input: each item's `cities` are the seen ids it names. */
export function seenCityInputs<T extends AnnouncementInput & { cityMentions: readonly CityMention[] }>(
  items: readonly T[],
  seen: readonly SeenCity[],
): AnnouncementInput[] {
  const byCode = new Map(seen.map((s) => [s.adcode, s.id]));
  const out: AnnouncementInput[] = [];
  for (const a of items) {
    const ids = [...new Set(a.cityMentions.flatMap((m) => (m.id === null && byCode.has(m.adcode) ? [byCode.get(m.adcode)!] : [])))];
    if (ids.length) out.push({ ...a, cities: ids });
  }
  return out;
}

export interface SeenMeasure {
  /** The name as the announcements wrote it. */
  name: string;
  /** Announcement ids naming it, newest first, with their dates. */
  announcements: { id: string; date: string }[];
}

/**
 * Measure names relevant announcements carry in `candidates.measures` that no catalogue measure
 * has as its Chinese name or a keyword. Adding a measure file with the name as a keyword promotes it.
 */
export function seenMeasures(
  items: readonly { id: string; publishedAt: string; relevant: boolean; candidates?: { measures?: readonly string[] | undefined } | undefined }[],
  catalogue: readonly { name: { zh: string }; keywords: readonly string[] }[],
): SeenMeasure[] {
  const known = new Set(catalogue.flatMap((m) => [m.name.zh, ...m.keywords]));
  const byName = new Map<string, { id: string; date: string }[]>();
  for (const a of items) {
    if (!a.relevant) continue;
    for (const raw of a.candidates?.measures ?? []) {
      const name = raw.trim();
      if (!name || known.has(name)) continue;
      const list = byName.get(name) ?? [];
      if (!list.some((x) => x.id === a.id)) list.push({ id: a.id, date: a.publishedAt });
      byName.set(name, list);
    }
  }
  return [...byName.entries()]
    .map(([name, list]) => ({ name, announcements: list.sort((x, y) => y.date.localeCompare(x.date) || x.id.localeCompare(y.id)) }))
    .sort((a, b) => b.announcements.length - a.announcements.length || a.name.localeCompare(b.name, 'zh'));
}
