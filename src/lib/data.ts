/**
 * The site's view of the content root: every collection loaded once per build, plus the derived
 * rollout cells. Pages import from here instead of calling getCollection themselves.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { contentRoot } from '../model/content-root.ts';
import { deriveCells, cellKey, type Cell } from '../model/rollout.ts';
import { runReport, type RunReport } from '../model/schemas.ts';
import { ADOPTED } from '../model/status.ts';

export type CityEntry = CollectionEntry<'cities'>;
export type MeasureEntry = CollectionEntry<'measures'>;
export type AnnouncementEntry = CollectionEntry<'announcements'>;

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
  cells: Map<string, Cell>;
  report: RunReport | null;
  counts: { confirmed: number; inferred: number; unidentified: number; total: number };
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

async function load(): Promise<SiteData> {
  const [editions, measures, citiesRaw, districts, products, markets, announcements, overrides] = await Promise.all([
    getCollection('editions'),
    getCollection('measures'),
    getCollection('cities'),
    getCollection('districts'),
    getCollection('products'),
    getCollection('markets'),
    getCollection('announcements'),
    getCollection('cells'),
  ]);
  editions.sort((a, b) => a.data.year - b.data.year);
  const current = editions.at(-1)?.data;
  if (!current) throw new Error('content/editions is empty: the site needs at least the current edition');
  measures.sort((a, b) => Number(b.data.precisionService) - Number(a.data.precisionService) || a.id.localeCompare(b.id));
  const rank = (c: CityEntry) => (c.data.participation === 'confirmed' ? 0 : 1);
  const cities = [...citiesRaw].sort((a, b) => rank(a) - rank(b) || a.data.name.en.localeCompare(b.data.name.en));
  announcements.sort((a, b) => b.data.publishedAt.localeCompare(a.data.publishedAt) || a.id.localeCompare(b.id));

  const cells = deriveCells(
    measures.map((m) => ({ id: m.id, scope: m.data.scope })),
    cities.map((c) => ({ id: c.id })),
    announcements.map((a) => ({ id: a.id, ...a.data })),
    overrides.map((o) => o.data),
  );
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
    cells,
    report: readReport(),
    counts: { confirmed, inferred, unidentified: Math.max(0, current.cities - confirmed - inferred), total: current.cities },
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
