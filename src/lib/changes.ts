/**
 * What changed, derived from the rollout cells: the effect each announcement had on the cells it
 * is evidence for, the state of the matrix at a past date, diffs between two dates and the order
 * in which cities adopted a measure. Pure functions over plain data.
 */
import { deriveCells, type AnnouncementInput, type Cell, type CityInput, type MeasureInput, type OverrideInput } from '../model/rollout.ts';
import { ADOPTED, type Status } from '../model/status.ts';

export interface CellEffect {
  measure: string;
  city: string;
  from: Status;
  to: Status;
  /** Pilot products this announcement names that no earlier evidence for the cell named. */
  newProducts: string[];
}

/** For each announcement id, what it changed in each cell it is evidence for. */
export function announcementEffects(cells: Iterable<Cell>, announcements: ReadonlyMap<string, Pick<AnnouncementInput, 'products'>>): Map<string, CellEffect[]> {
  const out = new Map<string, CellEffect[]>();
  for (const cell of cells) {
    const seen = new Set<string>();
    let status: Status = 'unknown';
    const steps = new Map(cell.history.filter((h) => h.basis !== 'nationwide' && h.basis !== 'override').map((h) => [h.basis, h]));
    // Nationwide steps come before local ones at their date; replay history to know "from".
    const ordered = [...cell.history];
    const statusBefore = new Map<string, Status>();
    for (const h of ordered) {
      statusBefore.set(h.basis, status);
      status = h.status;
    }
    for (const id of cell.evidence) {
      const a = announcements.get(id);
      const products = (a?.products ?? []).map((p) => p.nameZh);
      const newProducts = products.filter((p) => !seen.has(p));
      for (const p of products) seen.add(p);
      const step = steps.get(id);
      if (!step && newProducts.length === 0) continue;
      const from = step ? (statusBefore.get(id) ?? 'unknown') : null;
      const effect: CellEffect = {
        measure: cell.measure,
        city: cell.city,
        from: from ?? statusAt(cell, id),
        to: step ? step.status : statusAt(cell, id),
        newProducts,
      };
      const list = out.get(id);
      if (list) list.push(effect);
      else out.set(id, [effect]);
    }
  }
  return out;
}

/** Status of a cell right after the step of announcement `id` (or the latest earlier step). */
function statusAt(cell: Cell, id: string): Status {
  const idx = cell.evidence.indexOf(id);
  const upTo = new Set(cell.evidence.slice(0, idx + 1));
  let s: Status = 'unknown';
  for (const h of cell.history) if (h.basis === 'nationwide' || upTo.has(h.basis)) s = h.status;
  return s;
}

export interface RolloutInput {
  measures: readonly MeasureInput[];
  cities: readonly CityInput[];
  announcements: readonly AnnouncementInput[];
  overrides: readonly OverrideInput[];
}

const pad = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);

/**
 * The matrix as it stood at the end of `date`: announcements published (and not yet withdrawn) by
 * then, overrides dated by then, nationwide scopes in force by then.
 */
export function cellsAt(input: RolloutInput, date: string): Map<string, Cell> {
  const measures = input.measures.map((m) =>
    m.scope.kind === 'nationwide' && pad(m.scope.since) > date ? { id: m.id, scope: { kind: 'pilot-cities' as const } } : m,
  );
  return deriveCells(
    measures,
    input.cities,
    // A page withdrawn after `date` still counted then.
    input.announcements
      .filter((a) => a.publishedAt <= date)
      .map((a) => (a.withdrawnAt !== undefined && a.withdrawnAt > date ? { ...a, withdrawnAt: undefined } : a)),
    input.overrides.filter((o) => o.since !== null && o.since <= date),
  );
}

const snapshotCache = new WeakMap<RolloutInput, Map<string, Map<string, Cell>>>();

/** cellsAt for many dates, computed once per build (the diff page exists in both languages). */
export function snapshots(input: RolloutInput, dates: readonly string[]): Map<string, Map<string, Cell>> {
  let cache = snapshotCache.get(input);
  if (!cache) snapshotCache.set(input, (cache = new Map()));
  const out = new Map<string, Map<string, Cell>>();
  for (const d of dates) {
    let cells = cache.get(d);
    if (!cells) cache.set(d, (cells = cellsAt(input, d)));
    out.set(d, cells);
  }
  return out;
}

export interface CellChange {
  key: string;
  measure: string;
  city: string;
  from: Status;
  to: Status;
}

/** Cells whose status differs between two snapshots. */
export function diffCells(before: ReadonlyMap<string, Cell>, after: ReadonlyMap<string, Cell>): CellChange[] {
  const out: CellChange[] = [];
  for (const [key, cell] of after) {
    const from = before.get(key)?.status ?? 'unknown';
    if (from !== cell.status) out.push({ key, measure: cell.measure, city: cell.city, from, to: cell.status });
  }
  return out;
}

/** Dates worth offering in a diff: every publication and withdrawal date of relevant evidence, oldest first. */
export function snapshotDates(
  announcements: readonly Pick<AnnouncementInput, 'publishedAt' | 'relevant' | 'withdrawnAt'>[],
  extra: readonly string[] = [],
): string[] {
  const relevant = announcements.filter((a) => a.relevant);
  return [...new Set([...relevant.map((a) => a.publishedAt), ...relevant.flatMap((a) => (a.withdrawnAt ? [a.withdrawnAt] : [])), ...extra])].sort();
}

/** When the cell first reached an adopted status (announced or further), or null. */
export function adoptedSince(cell: Cell): string | null {
  if (!ADOPTED.has(cell.status)) return null;
  const first = cell.history.find((h) => ADOPTED.has(h.status));
  return first?.date || cell.since;
}

/** Cities in the order they adopted a measure; ties by city id. */
export function adoptionOrder(cells: readonly Cell[]): { city: string; date: string }[] {
  return cells
    .map((c) => ({ city: c.city, date: adoptedSince(c) }))
    .filter((x): x is { city: string; date: string } => x.date !== null)
    .sort((a, b) => a.date.localeCompare(b.date) || a.city.localeCompare(b.city));
}
