/**
 * Rollout derivation: from the catalogue, the evidence and the human overrides to the status of
 * every measure x city cell. Pure: same input, same cells; no I/O, no clock. Every rule has a
 * table test in tests/rollout/rollout.test.ts; docs/status.md is the same table for readers.
 *
 * Evidence is a scraped announcement or a reviewed evidence record (content/evidence/), both
 * given as AnnouncementInput (records with `review.state: reviewed`).
 *
 * 1. An item is evidence for cell (m, c) when it is relevant and names both m and c (`cities`
 *    holds catalogue ids only: a place that is not a catalogue city sets no catalogue cell).
 * 2. Pending review: unreviewed machine evidence below REVIEW_THRESHOLD (model/review.ts) is listed
 *    on the cell (`pending`) but changes nothing.
 * 3. Withdrawn: a page withdrawn on date W (`withdrawnAt`) is not evidence from W on; the matrix
 *    at an earlier date (lib/changes.ts cellsAt) still counts it.
 * 4. Each signal supports one status (SIGNAL_STATUS): launch -> announced, eligibility ->
 *    details-published, pilot-list -> pilot, operational -> operational, suspended -> suspended,
 *    not-announced -> not-announced, other -> none.
 * 5. Evidence is read oldest first. The strongest status a source supports wins, `since` the date
 *    it was first reached: a later, weaker notice (a "launch" after "operational") changes nothing.
 *    An explicit suspension overrides whatever came before it; later positive evidence after a
 *    suspension is a restart and sets its own status. A `not-announced` source only fills an
 *    empty cell.
 * 6. A nationwide measure is `operational` from its national date, a step in that same reading:
 *    local launch notices never lower it; only a local suspended or not-announced source dated
 *    after the national date does.
 * 7. A human override wins over everything (verification `reviewed`).
 * 8. No evidence, no override, not nationwide: `unknown`.
 * 9. `decidedBy` names the step that set the current status: an evidence id, `nationwide` or
 *    `override` (null for unknown). The cell is `reviewed` when that step is an override or
 *    reviewed evidence; `auto` otherwise.
 * 10. Names an announcement uses that the catalogue lacks (ids not in it, or names the extractor
 *    could not match, kept in its `candidates`) are reported for review (`unknownReferences`),
 *    never silently dropped.
 */
import type { Announcement } from './schemas.ts';
import { isPendingReview, isReviewed } from './review.ts';
import { SIGNAL_STATUS, isMoreAdvanced, type Status } from './status.ts';

export interface MeasureInput {
  id: string;
  scope: { kind: 'pilot-cities' } | { kind: 'nationwide'; since: string; sources: string[] };
}
export interface CityInput {
  id: string;
}
/**
 * What derivation reads of an announcement (the schema's record, with its entry id), or of
 * reviewed evidence made to look like one.
 */
export type AnnouncementInput = { id: string } & Pick<
  Announcement,
  'publishedAt' | 'relevant' | 'signal' | 'cities' | 'measures' | 'eligibility' | 'canonicalUrl'
> & {
    products: readonly Pick<Announcement['products'][number], 'nameZh' | 'id'>[];
  } & Partial<Pick<Announcement, 'candidates' | 'withdrawnAt' | 'review'>> & {
    extraction?: Pick<Announcement['extraction'], 'confidence'> | undefined;
  };
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

interface StatusStep {
  date: string;
  status: Status;
  /** Evidence id, `nationwide`, or `override`. */
  basis: string;
}

export interface Cell {
  measure: string;
  city: string;
  status: Status;
  since: string | null;
  /** Evidence ids that count, oldest first. */
  evidence: string[];
  /** Evidence awaiting review (rule 2): shown, changes nothing. */
  pending: string[];
  /** Evidence withdrawn by its publisher (rule 3): shown, changes nothing. */
  withdrawn: string[];
  pilotProducts: string[];
  eligibility: string[];
  verification: 'auto' | 'reviewed';
  /** How the status was reached: override, local evidence, nationwide scope, or none. */
  basis: 'override' | 'local' | 'nationwide' | 'none';
  /** The step that set the current status (rule 9); null when the cell is unknown. */
  decidedBy: StatusStep | null;
  /** National source URLs when the measure is nationwide. */
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

/** Rule 5 and 6: the status after `current` meets a source supporting `next`. */
function fold(current: Status, next: Status, nationwideAfter: boolean): Status {
  if (next === 'suspended') return 'suspended';
  if (next === 'not-announced') return current === 'unknown' || nationwideAfter ? 'not-announced' : current;
  if (current === 'unknown' || current === 'suspended' || current === 'not-announced') return next;
  return isMoreAdvanced(next, current) ? next : current;
}

/** Derive one cell. Exported for table tests; `deriveCells` maps it over the grid. */
export function deriveCell(measure: MeasureInput, cityId: string, evidence: readonly AnnouncementInput[], override: OverrideInput | undefined): Cell {
  const byDate = (a: AnnouncementInput, b: AnnouncementInput) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id);
  const relevant = evidence.filter((a) => a.relevant).sort(byDate);
  const withdrawn = relevant.filter((a) => a.withdrawnAt !== undefined);
  const pending = relevant.filter((a) => a.withdrawnAt === undefined && isPendingReview(a));
  const counted = relevant.filter((a) => a.withdrawnAt === undefined && !isPendingReview(a));
  const nationwide = measure.scope.kind === 'nationwide' ? measure.scope : null;
  const nationalSince = nationwide ? padDate(nationwide.since) : null;

  // The national date is one more step, read before local evidence of the same day.
  const steps: { date: string; status: Status | null; basis: string; reviewed: boolean }[] = counted.map((a) => ({
    date: a.publishedAt,
    status: SIGNAL_STATUS[a.signal],
    basis: a.id,
    reviewed: isReviewed(a),
  }));
  if (nationwide && nationalSince) {
    const at = steps.findIndex((s) => padDate(s.date) >= nationalSince);
    steps.splice(at === -1 ? steps.length : at, 0, { date: nationwide.since, status: 'operational', basis: 'nationwide', reviewed: false });
  }

  const history: StatusStep[] = [];
  let status: Status = 'unknown';
  let since: string | null = null;
  let decided: (typeof steps)[number] | null = null;
  for (const step of steps) {
    if (!step.status) continue;
    const after = nationalSince !== null && step.basis !== 'nationwide' && padDate(step.date) > nationalSince;
    const next = fold(status, step.status, after);
    if (next === status) continue;
    status = next;
    since = step.date;
    decided = step;
    history.push({ date: step.date, status, basis: step.basis });
  }

  const cell: Cell = {
    measure: measure.id,
    city: cityId,
    status,
    since,
    evidence: counted.map((a) => a.id),
    pending: pending.map((a) => a.id),
    withdrawn: withdrawn.map((a) => a.id),
    pilotProducts: uniq(counted.flatMap((a) => a.products.map((p) => p.nameZh))),
    eligibility: uniq(counted.flatMap((a) => a.eligibility)),
    verification: decided?.reviewed ? 'reviewed' : 'auto',
    basis: decided === null ? 'none' : decided.basis === 'nationwide' ? 'nationwide' : 'local',
    decidedBy: decided === null ? null : { date: decided.date, status, basis: decided.basis },
    nationalSources: nationwide ? [...nationwide.sources] : [],
    history,
  };

  if (override) {
    const step: StatusStep = { date: override.since ?? '', status: override.status, basis: 'override' };
    cell.status = override.status;
    cell.since = override.since;
    cell.verification = 'reviewed';
    cell.basis = 'override';
    cell.decidedBy = step;
    cell.note = override.note;
    if (override.pilotProducts) cell.pilotProducts = [...override.pilotProducts];
    if (override.eligibility) cell.eligibility = [...override.eligibility];
    cell.history = [...history, step];
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
