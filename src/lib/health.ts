/**
 * Source health from the scrapers' run report, and the stale rule shared by the health page and
 * the cell pages. Pure: the reference time is the report's own generatedAt, never the clock, so
 * a build of the same content always says the same thing.
 */
import type { RunReport, SourceColumn, SourceRun } from '../model/schemas.ts';

/** A source that has not succeeded for this many days before the last run is stale. */
export const STALE_DAYS = 14;
const DAY_MS = 86_400_000;

export interface SourceHealth {
  id: string;
  state: SourceRun['state'];
  kind: string;
  url: string | null;
  district: string | null;
  reason: string | undefined;
  lastCheckedAt: string | null;
  lastSuccessAt: string | null;
  lastChangeAt: string | null;
  family: string | undefined;
  columns: SourceColumn[];
  items: { seen: number; new: number; changed: number };
  via: SourceRun['via'];
  stale: boolean;
}

/** True when the source never succeeded, or last succeeded more than STALE_DAYS before `now`. */
export function isStale(lastSuccessAt: string | null, now: string, days = STALE_DAYS): boolean {
  if (!lastSuccessAt) return true;
  return Date.parse(now) - Date.parse(lastSuccessAt) > days * DAY_MS;
}

/** Every source of the report, sorted by id; [] when there is no report. */
export function sourceHealth(report: RunReport | null): SourceHealth[] {
  if (!report) return [];
  return Object.entries(report.sources)
    .map(([id, s]) => ({
      id,
      state: s.state,
      kind: s.kind,
      url: s.url,
      district: s.district,
      reason: s.reason,
      lastCheckedAt: s.lastCheckedAt,
      lastSuccessAt: s.lastSuccessAt,
      lastChangeAt: s.lastChangeAt ?? null,
      family: s.family,
      columns: s.columns,
      items: { seen: s.itemsSeen, new: s.itemsNew, changed: s.itemsChanged },
      via: s.via,
      // An unconfigured source is not expected to succeed: it is reported, not "stale".
      stale: s.state !== 'unconfigured' && isStale(s.lastSuccessAt, report.generatedAt),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export type Freshness = { kind: 'no-run' } | { kind: 'unmonitored' } | { kind: 'fresh'; sources: SourceHealth[] } | { kind: 'stale'; sources: SourceHealth[] };

/**
 * Freshness of what we know about a cell (or a city): the sources that can report on it are the
 * sources its evidence came from plus the sources of the city's customs districts. It is stale
 * when none of them succeeded recently.
 */
export function freshness(report: RunReport | null, evidenceSourceIds: readonly string[], cityDistricts: readonly string[]): Freshness {
  if (!report) return { kind: 'no-run' };
  const all = sourceHealth(report);
  const relevant = all.filter(
    (s) => s.state !== 'unconfigured' && (evidenceSourceIds.includes(s.id) || (s.district !== null && cityDistricts.includes(s.district))),
  );
  if (relevant.length === 0) return { kind: 'unmonitored' };
  return relevant.every((s) => s.stale) ? { kind: 'stale', sources: relevant } : { kind: 'fresh', sources: relevant };
}
