/**
 * Beijing calendar dates (YYYY-MM-DD, UTC+8; China has kept no daylight saving since 1991): the
 * dates sources publish, change-log days, withdrawal dates and re-check ages are all Beijing days.
 * Shared by the scrapers and the site. Pure.
 */

const OFFSET_MS = 8 * 3_600_000;

/** The Beijing calendar date of an instant (ISO 8601 or RFC 822 with a zone). Throws on a non-timestamp. */
export function beijingDate(instant: string): string {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) throw new Error(`not a timestamp: ${instant}`);
  return new Date(t + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Beijing calendar date begins. */
export function beijingMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}
