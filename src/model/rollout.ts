/**
 * Rollout derivation: from the catalogue, the announcements and the human overrides to the status
 * of every measure x city cell. Pure: same input, same cells; no I/O, no clock.
 *
 * Rules (issue 4, item 6):
 * 1. An announcement is evidence for cell (m, c) when it is relevant and names both m and c.
 * 2. Its signal supports a status (SIGNAL_STATUS): launch -> announced, eligibility ->
 *    details-published, pilot-list -> pilot, operational -> operational, other -> none.
 * 3. A cell takes the most advanced status its evidence supports, `since` the earliest date that
 *    status was reached.
 * 4. A nationwide measure's cells are `operational` from the measure's national `since` date,
 *    unless local evidence is newer than that date: then the local evidence decides.
 * 5. A human override wins over everything (verification `reviewed`).
 * 6. No evidence, no override, not nationwide: `unknown`.
 * 7. Names an announcement uses that the catalogue lacks (ids not in it, or names the extractor
 *    could not match, kept in its `candidates`) are reported for review (`unknownReferences`),
 *    never silently dropped.
 *
 * "Newer official evidence beats older" is rule 4: between the national source and local
 * announcements, the newer decides. Among local announcements the most advanced status wins
 * (rule 3): a later launch notice does not undo an earlier operational report. Every rule has a
 * table test in tests/rollout/rollout.test.ts.
 */
import { SIGNAL_STATUS, isMoreAdvanced, type Signal, type Status } from './status.ts';

export interface MeasureInput {
  id: string;
  scope: { kind: 'pilot-cities' } | { kind: 'nationwide'; since: string; sources: string[] };
}
export interface CityInput {
  id: string;
}
export interface AnnouncementInput {
  id: string;
  publishedAt: string;
  relevant: boolean;
  signal: Signal;
  cities: readonly string[];
  measures: readonly string[];
  products: readonly { nameZh: string; id: string | null }[];
  eligibility: readonly string[];
  canonicalUrl: string;
  /** Names the extractor found but could not match to the catalogue. */
  candidates?: { cities?: readonly string[] | undefined; measures?: readonly string[] | undefined } | undefined;
}
export interface OverrideInput {
  measure: string;
  city: string;
  status: Status;
  since: string | null;
  note: string;
  source: { url: string };
  pilotProducts?: string[] | undefined;
  eligibility?: string[] | undefined;
}

export interface StatusStep {
  date: string;
  status: Status;
  /** Announcement id, `nationwide`, or `override`. */
  basis: string;
}

export interface Cell {
  measure: string;
  city: string;
  status: Status;
  since: string | null;
  /** Announcement ids, oldest first. */
  evidence: string[];
  pilotProducts: string[];
  eligibility: string[];
  verification: 'auto' | 'reviewed';
  /** How the status was reached: override, local evidence, nationwide scope, or none. */
  basis: 'override' | 'local' | 'nationwide' | 'none';
  /** National source URLs when the basis is nationwide. */
  nationalSources: string[];
  history: StatusStep[];
  note?: string;
}

export const cellKey = (measure: string, city: string) => `${measure}--${city}`;

/** Dates like 2026-01 compare correctly against 2026-01-15 by padding to the first day. */
const padDate = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);

function uniq(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Derive one cell. Exported for table tests; `deriveCells` maps it over the grid. */
export function deriveCell(
  measure: MeasureInput,
  cityId: string,
  evidence: readonly AnnouncementInput[],
  override: OverrideInput | undefined,
): Cell {
  const sorted = evidence.filter((a) => a.relevant).sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));
  const nationwide = measure.scope.kind === 'nationwide' ? measure.scope : null;
  const nationalSince = nationwide ? padDate(nationwide.since) : null;

  // Local evidence newer than the national date decides; older local evidence is history only.
  const deciding = nationalSince ? sorted.filter((a) => a.publishedAt > nationalSince) : sorted;

  const history: StatusStep[] = [];
  let status: Status = 'unknown';
  let since: string | null = null;
  if (nationwide && nationalSince) {
    for (const a of sorted.filter((x) => x.publishedAt <= nationalSince)) {
      const s = SIGNAL_STATUS[a.signal];
      if (s && (status === 'unknown' || isMoreAdvanced(s, status))) {
        status = s;
        since = a.publishedAt;
        history.push({ date: a.publishedAt, status: s, basis: a.id });
      }
    }
    status = 'operational';
    since = nationwide.since;
    history.push({ date: nationwide.since, status: 'operational', basis: 'nationwide' });
  }
  let basis: Cell['basis'] = nationwide ? 'nationwide' : 'none';
  let localStatus: Status = 'unknown';
  for (const a of deciding) {
    const s = SIGNAL_STATUS[a.signal];
    if (!s) continue;
    if (localStatus === 'unknown' || isMoreAdvanced(s, localStatus)) {
      localStatus = s;
      history.push({ date: a.publishedAt, status: s, basis: a.id });
      status = s;
      since = a.publishedAt;
      basis = 'local';
    }
  }

  const cell: Cell = {
    measure: measure.id,
    city: cityId,
    status,
    since,
    evidence: sorted.map((a) => a.id),
    pilotProducts: uniq(sorted.flatMap((a) => a.products.map((p) => p.nameZh))),
    eligibility: uniq(sorted.flatMap((a) => a.eligibility)),
    verification: 'auto',
    basis,
    nationalSources: nationwide ? [...nationwide.sources] : [],
    history,
  };

  if (override) {
    cell.status = override.status;
    cell.since = override.since;
    cell.verification = 'reviewed';
    cell.basis = 'override';
    cell.note = override.note;
    if (override.pilotProducts) cell.pilotProducts = [...override.pilotProducts];
    if (override.eligibility) cell.eligibility = [...override.eligibility];
    cell.history = [...history, { date: override.since ?? '', status: override.status, basis: 'override' }];
  }
  return cell;
}

/** Every measure x city cell, keyed by `cellKey(measure, city)`. */
export function deriveCells(
  measures: readonly MeasureInput[],
  cities: readonly CityInput[],
  announcements: readonly AnnouncementInput[],
  overrides: readonly OverrideInput[],
): Map<string, Cell> {
  const byCell = new Map<string, AnnouncementInput[]>();
  for (const a of announcements) {
    if (!a.relevant) continue;
    for (const m of a.measures) {
      for (const c of a.cities) {
        const k = cellKey(m, c);
        const list = byCell.get(k);
        if (list) list.push(a);
        else byCell.set(k, [a]);
      }
    }
  }
  const overrideByCell = new Map(overrides.map((o) => [cellKey(o.measure, o.city), o]));
  const cells = new Map<string, Cell>();
  for (const m of measures) {
    for (const c of cities) {
      const k = cellKey(m.id, c.id);
      cells.set(k, deriveCell(m, c.id, byCell.get(k) ?? [], overrideByCell.get(k)));
    }
  }
  return cells;
}

export interface UnknownReference {
  announcement: string;
  kind: 'measure' | 'city';
  /** The id the announcement carries, or the name as written when it had no id. */
  id: string;
  /** `id`: an id missing from the catalogue; `name`: a name the extractor could not match. */
  via: 'id' | 'name';
}

/** Names an announcement uses that the catalogue lacks: candidates for review, never dropped. */
export function unknownReferences(
  announcements: readonly AnnouncementInput[],
  measureIds: ReadonlySet<string>,
  cityIds: ReadonlySet<string>,
): UnknownReference[] {
  const out: UnknownReference[] = [];
  for (const a of announcements) {
    for (const m of a.measures) if (!measureIds.has(m)) out.push({ announcement: a.id, kind: 'measure', id: m, via: 'id' });
    for (const c of a.cities) if (!cityIds.has(c)) out.push({ announcement: a.id, kind: 'city', id: c, via: 'id' });
    for (const m of a.candidates?.measures ?? []) out.push({ announcement: a.id, kind: 'measure', id: m, via: 'name' });
    for (const c of a.candidates?.cities ?? []) out.push({ announcement: a.id, kind: 'city', id: c, via: 'name' });
  }
  return out;
}
