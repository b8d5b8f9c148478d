/**
 * The site's view of the content root: every collection loaded once per build, plus the derived
 * rollout cells. Pages import from here instead of calling getCollection themselves.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { contentRoot } from '../model/content-root.ts';
import { deriveCells, cellKey, type Cell } from '../model/rollout.ts';
import { canaryReport, runReport, type CanaryReport, type RunReport } from '../model/schemas.ts';
import { ADOPTED } from '../model/status.ts';
import { announcementEffects, type CellEffect, type RolloutInput } from './changes.ts';
import { evidenceInput, seenCities, seenCityInputs, seenMeasures, type SeenCity, type SeenMeasure } from './seen.ts';

export type CityEntry = CollectionEntry<'cities'>;
export type MeasureEntry = CollectionEntry<'measures'>;
export type AnnouncementEntry = CollectionEntry<'announcements'>;
export type ProductEntry = CollectionEntry<'products'>;
export type MarketEntry = CollectionEntry<'markets'>;
export type EvidenceEntry = CollectionEntry<'evidence'>;

export interface SiteData {
  editions: CollectionEntry<'editions'>[];
  current: CollectionEntry<'editions'>['data'];
  measures: MeasureEntry[];
  /** Columns: confirmed cities first, then inferred; each group by English name. */
  cities: CityEntry[];
  districts: CollectionEntry<'districts'>[];
  products: CollectionEntry<'products'>[];
  markets: CollectionEntry<'markets'>[];
  announcements: AnnouncementEntry[];
  /** Reviewed evidence records (content/evidence/), newest first; their ids in cells are `evidence/<id>`. */
  evidence: EvidenceEntry[];
  cells: Map<string, Cell>;
  /**
   * Cities named by evidence but not in the catalogue (a column group of their own, never counted)
   * with their cells, and measure names seen but not catalogued.
   */
  seen: { cities: SeenCity[]; cells: Map<string, Cell>; measures: SeenMeasure[] };
  /** Inputs of the derivation, kept to derive the matrix at past dates. */
  rollout: RolloutInput;
  /** Change log days, newest first. */
  changelog: CollectionEntry<'changelog'>[];
  /** What each announcement changed in each cell. */
  effects: Map<string, CellEffect[]>;
  /**
   * Announcements grouped once per build (newest first, relevant or not), so pages and feeds
   * look up their scope instead of filtering every announcement per output.
   */
  groups: {
    city: Map<string, AnnouncementEntry[]>;
    measure: Map<string, AnnouncementEntry[]>;
    /** Keyed by cellKey(measure, city). */
    cell: Map<string, AnnouncementEntry[]>;
    /** Keyed by product id (catalogue products only). */
    product: Map<string, AnnouncementEntry[]>;
    /** Keyed by market code in lower case (`sa`, `eu`). */
    market: Map<string, AnnouncementEntry[]>;
    /** Keyed by `<product id>><market code>`: only pairs some announcement names together. */
    productMarket: Map<string, AnnouncementEntry[]>;
  };
  byId: {
    measure: Map<string, MeasureEntry>;
    city: Map<string, CityEntry>;
    product: Map<string, ProductEntry>;
    market: Map<string, MarketEntry>;
    district: Map<string, CollectionEntry<'districts'>>;
    announcement: Map<string, AnnouncementEntry>;
    /** Keyed by the id cells use: `evidence/<file name>`. */
    evidence: Map<string, EvidenceEntry>;
    seenCity: Map<string, SeenCity>;
  };
  report: RunReport | null;
  /** The last live canary (content/_state/canary.json), if any. */
  canary: CanaryReport | null;
  counts: {
    confirmed: number;
    inferred: number;
    unidentified: number;
    total: number;
    seenCities: number;
    seenMeasures: number;
    measuresOfficial: number | null;
  };
}

let cached: Promise<SiteData> | undefined;

/** Run report of the last scrape, if any (content/_state/report.json). */
function readReport(): RunReport | null {
  const file = path.join(contentRoot(), '_state', 'report.json');
  if (!existsSync(file)) return null;
  const parsed = runReport.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The last live canary report, if any (content/_state/canary.json). */
function readCanary(): CanaryReport | null {
  const file = path.join(contentRoot(), '_state', 'canary.json');
  if (!existsSync(file)) return null;
  const parsed = canaryReport.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

async function load(): Promise<SiteData> {
  const [editions, measures, citiesRaw, districts, products, markets, announcements, overrides, changelog, evidence] = await Promise.all([
    getCollection('editions'),
    getCollection('measures'),
    getCollection('cities'),
    getCollection('districts'),
    getCollection('products'),
    getCollection('markets'),
    getCollection('announcements'),
    getCollection('cells'),
    getCollection('changelog'),
    getCollection('evidence'),
  ]);
  evidence.sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id));
  changelog.sort((a, b) => b.data.date.localeCompare(a.data.date));
  products.sort((a, b) => a.data.name.en.localeCompare(b.data.name.en));
  markets.sort((a, b) => a.data.name.en.localeCompare(b.data.name.en));
  editions.sort((a, b) => a.data.year - b.data.year);
  const current = editions.at(-1)?.data;
  if (!current) throw new Error('content/editions is empty: the site needs at least the current edition');
  measures.sort((a, b) => Number(b.data.precisionService) - Number(a.data.precisionService) || a.id.localeCompare(b.id));
  const rank = (c: CityEntry) => (c.data.participation === 'confirmed' ? 0 : 1);
  const cities = [...citiesRaw].sort((a, b) => rank(a) - rank(b) || a.data.name.en.localeCompare(b.data.name.en));
  announcements.sort((a, b) => b.data.publishedAt.localeCompare(a.data.publishedAt) || a.id.localeCompare(b.id));

  const evidenceItems = evidence.map((e) => evidenceInput(e.id, e.data));
  const rollout: RolloutInput = {
    measures: measures.map((m) => ({ id: m.id, scope: m.data.scope })),
    cities: cities.map((c) => ({ id: c.id })),
    announcements: [...announcements.map((a) => ({ id: a.id, ...a.data })), ...evidenceItems],
    overrides: overrides.map((o) => o.data),
  };
  const cells = deriveCells(rollout.measures, rollout.cities, rollout.announcements, rollout.overrides);
  const withMentions = [...announcements.map((a) => ({ id: a.id, ...a.data })), ...evidenceItems];
  const seenCityList = seenCities(
    withMentions,
    cities.map((c) => ({ id: c.id, adcode: c.data.adcode })),
  );
  const seen: SiteData['seen'] = {
    cities: seenCityList,
    cells: deriveCells(rollout.measures, seenCityList, seenCityInputs(withMentions, seenCityList), []),
    measures: seenMeasures(
      announcements.map((a) => ({ id: a.id, ...a.data })),
      measures.map((m) => m.data),
    ),
  };
  const announcementById = new Map(announcements.map((a) => [a.id, a]));
  const effects = announcementEffects(cells.values(), new Map(rollout.announcements.map((a) => [a.id, a])));
  const groups: SiteData['groups'] = { city: new Map(), measure: new Map(), cell: new Map(), product: new Map(), market: new Map(), productMarket: new Map() };
  const push = (m: Map<string, AnnouncementEntry[]>, k: string, a: AnnouncementEntry) => {
    const list = m.get(k);
    if (list) list.push(a);
    else m.set(k, [a]);
  };
  const seenByCode = new Map(seenCityList.map((c) => [c.adcode, c.id]));
  for (const a of announcements) {
    for (const c of new Set(a.data.cities)) push(groups.city, c, a);
    for (const c of new Set(a.data.cityMentions.flatMap((m) => (m.id === null && seenByCode.has(m.adcode) ? [seenByCode.get(m.adcode)!] : []))))
      push(groups.city, c, a);
    const productIds = new Set(a.data.products.flatMap((p) => (p.id ? [p.id] : [])));
    const marketIds = new Set(a.data.markets.map((m) => m.toLowerCase()));
    for (const p of productIds) push(groups.product, p, a);
    for (const m of marketIds) push(groups.market, m, a);
    for (const p of productIds) for (const m of marketIds) push(groups.productMarket, `${p}>${m}`, a);
    for (const m of new Set(a.data.measures)) {
      push(groups.measure, m, a);
      for (const c of new Set(a.data.cities)) push(groups.cell, cellKey(m, c), a);
    }
  }
  const confirmed = cities.filter((c) => c.data.participation === 'confirmed').length;
  const inferred = cities.length - confirmed;
  return {
    editions,
    current,
    measures,
    cities,
    districts,
    products,
    markets,
    announcements,
    evidence,
    cells,
    seen,
    rollout,
    changelog,
    effects,
    groups,
    byId: {
      measure: new Map(measures.map((m) => [m.id, m])),
      city: new Map(cities.map((c) => [c.id, c])),
      product: new Map(products.map((p) => [p.id, p])),
      market: new Map(markets.map((m) => [m.id, m])),
      district: new Map(districts.map((d) => [d.id, d])),
      announcement: announcementById,
      evidence: new Map(evidence.map((e) => [`evidence/${e.id}`, e])),
      seenCity: new Map(seenCityList.map((c) => [c.id, c])),
    },
    report: readReport(),
    canary: readCanary(),
    counts: {
      confirmed,
      inferred,
      unidentified: Math.max(0, current.cities - confirmed - inferred),
      total: current.cities,
      seenCities: seenCityList.length,
      seenMeasures: seen.measures.length,
      measuresOfficial: current.measures,
    },
  };
}

export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

export function cellOf(data: SiteData, measure: string, city: string): Cell {
  const cell = data.cells.get(cellKey(measure, city));
  if (!cell) throw new Error(`no cell ${measure} x ${city}`);
  return cell;
}

/** How many cities run a measure (announced or further). */
export function adoptedCount(data: SiteData, measure: string): number {
  return data.cities.filter((c) => ADOPTED.has(cellOf(data, measure, c.id).status)).length;
}

/** How many of the tracked measures run in a city (announced or further). */
export function cityAdoptedCount(data: SiteData, city: string): number {
  return data.measures.filter((m) => ADOPTED.has(cellOf(data, m.id, city).status)).length;
}

/** Announcements that are evidence for a cell, newest first. */
export function cellAnnouncements(data: SiteData, cell: Cell): AnnouncementEntry[] {
  return cell.evidence
    .map((id) => data.byId.announcement.get(id))
    .filter((a): a is AnnouncementEntry => a !== undefined)
    .reverse();
}

/**
 * Whether a cell has its own feed: only cells with a relevant announcement (most cells of the real
 * matrix have none; their pages point to the measure and city feeds instead).
 */
export function hasCellFeed(data: SiteData, measure: string, city: string): boolean {
  return data.groups.cell.get(cellKey(measure, city))?.some((a) => a.data.relevant) ?? false;
}

/** Market collection id for an announcement's market code (SA -> sa), when we have that market. */
export function marketIdForCode(data: SiteData, code: string): string | null {
  const id = code.toLowerCase();
  return data.byId.market.has(id) ? id : null;
}

/** Product ids (or names when unmatched) a cell's evidence names. */
export function cellProductIds(data: SiteData, cell: Cell): string[] {
  const out = new Set<string>();
  for (const id of cell.evidence) for (const p of data.byId.announcement.get(id)?.data.products ?? []) if (p.id) out.add(p.id);
  return [...out];
}

/** Market codes a cell's evidence names. */
export function cellMarkets(data: SiteData, cell: Cell): string[] {
  const out = new Set<string>();
  for (const id of cell.evidence) for (const m of data.byId.announcement.get(id)?.data.markets ?? []) out.add(m);
  return [...out];
}

/**
 * The roll-up of a measure: "in 12 of 45 cities"; a nationwide measure applies in every city
 * unless a local source says otherwise, so it is not counted over the known columns only.
 */
export function rollupLabel(
  data: SiteData,
  measure: MeasureEntry,
  t: (key: 'matrix.rollup' | 'matrix.rollupNationwide', vars: Record<string, string | number>) => string,
): string {
  const scope = measure.data.scope;
  if (scope.kind === 'nationwide') return t('matrix.rollupNationwide', { since: scope.since });
  return t('matrix.rollup', { n: adoptedCount(data, measure.id), total: data.counts.total });
}
