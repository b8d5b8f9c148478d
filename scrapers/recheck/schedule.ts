/**
 * When a known article is requested again (with its stored validators): the schedule is data,
 * steps of "every N days until D days after publication"; past the last step it is never
 * re-checked. Pure.
 */
import { beijingDate } from '../../src/model/beijing-date.ts';

export interface RecheckStep {
  /** Days after publication this step runs to (inclusive). */
  untilDays: number;
  everyDays: number;
}

/** Daily for two weeks after publication, then weekly up to three months. */
export const RECHECK_SCHEDULE: readonly RecheckStep[] = [
  { untilDays: 14, everyDays: 1 },
  { untilDays: 90, everyDays: 7 },
];

/**
 * A withdrawn page is still asked weekly for three months after it was first seen gone: a page
 * taken down by mistake, or during maintenance, comes back and is no longer withdrawn.
 */
export const WITHDRAWN_RECHECK_SCHEDULE: readonly RecheckStep[] = [{ untilDays: 90, everyDays: 7 }];

const DAY = 86_400_000;
/** The Beijing calendar day of a YYYY-MM-DD date or an ISO instant, as a day count. */
const beijingDay = (iso: string) => Date.parse(iso.length === 10 ? iso : beijingDate(iso)) / DAY;

/**
 * Whether an article published on `publishedAt` (YYYY-MM-DD), last requested at `lastCheckedAt`
 * (ISO, or null: never re-checked since it was first read at `firstSeenAt`), is due at `now`.
 */
export function recheckDue(
  a: { publishedAt: string; firstSeenAt: string; lastCheckedAt?: string | null | undefined },
  now: string,
  schedule: readonly RecheckStep[] = RECHECK_SCHEDULE,
): boolean {
  const today = beijingDay(now);
  const age = today - beijingDay(a.publishedAt);
  const step = schedule.find((s) => age <= s.untilDays);
  if (!step || age < 0) return false;
  const last = beijingDay(a.lastCheckedAt ?? a.firstSeenAt);
  return today - last >= step.everyDays;
}
