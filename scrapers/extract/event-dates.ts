/**
 * Dates an announcement's text states for the reader's calendar: when the measure takes effect
 * (`effectiveFrom`) and the deadline to apply (`applyBy`). Pure: text in, dates out, nothing
 * guessed: a date is taken only when the words around it say which of the two it is. A date
 * without a year takes the publication year. Called by the writer (scrapers/write/record.ts).
 */
import { ymd } from './dates.ts';

export interface EventDates {
  effectiveFrom?: string;
  applyBy?: string;
}

/** 2026年4月1日, 4月1日 (year from the publication), 2026-04-01. */
const DATE = String.raw`(?:(20\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]|(20\d{2})-(\d{1,2})-(\d{1,2})`;
const TAKES_EFFECT = String.raw`(?:正式)?(?:施行|实施|执行|生效|启用|开始实施|启动实施|试行)`;
const APPLY = String.raw`(?:申请|申报|报名|提交|报送|递交)`;

/** Effective-date phrasings, most explicit first. */
const EFFECTIVE: RegExp[] = [
  new RegExp(String.raw`自\s*(?:${DATE})\s*(?:起|开始)\s*${TAKES_EFFECT}?`),
  new RegExp(String.raw`(?:${DATE})\s*起\s*${TAKES_EFFECT}`),
  new RegExp(String.raw`于\s*(?:${DATE})\s*${TAKES_EFFECT}`),
];
/** "Effective from the date of publication": the publication date itself. */
const EFFECTIVE_ON_PUBLICATION = new RegExp(String.raw`自(?:本?公告)?(?:发布|印发|公布)之日起\s*${TAKES_EFFECT}`);

/** Application-deadline phrasings. */
const APPLY_BY: RegExp[] = [
  new RegExp(String.raw`${APPLY}(?:的)?(?:截止(?:日期|时间)?|期限|时间)\s*(?:为|是|至|到|截至|：|:)?\s*(?:${DATE})`),
  new RegExp(String.raw`(?:于|在|请于|须于|应于)\s*(?:${DATE})\s*(?:前|之前|以前)[^。；;]{0,30}?${APPLY}`),
  new RegExp(String.raw`${APPLY}[^。；;]{0,20}?截(?:止)?至\s*(?:${DATE})`),
];

function dateOf(m: RegExpExecArray, year: number): string | null {
  // Groups 1-3: Chinese form (year optional); 4-6: ISO form.
  if (m[5] !== undefined) return ymd(m[4]!, m[5], m[6]!);
  if (m[2] === undefined) return null;
  return ymd(m[1] ?? year, m[2], m[3]!);
}

function firstMatch(patterns: readonly RegExp[], text: string, year: number): { date: string; index: number } | null {
  let best: { date: string; index: number } | null = null;
  for (const re of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const date = dateOf(m, year);
    if (date && (best === null || m.index < best.index)) best = { date, index: m.index };
  }
  return best;
}

/** The effective date and application deadline a text states, each only when stated. */
export function extractEventDates(text: string, publishedAt: string): EventDates {
  const year = Number(publishedAt.slice(0, 4));
  const flat = text.replace(/\s+/g, ' ');
  const out: EventDates = {};
  const effective = firstMatch(EFFECTIVE, flat, year);
  const onPublication = EFFECTIVE_ON_PUBLICATION.exec(flat);
  if (effective && (!onPublication || effective.index <= onPublication.index)) out.effectiveFrom = effective.date;
  else if (onPublication) out.effectiveFrom = publishedAt;
  const apply = firstMatch(APPLY_BY, flat, year);
  if (apply) out.applyBy = apply.date;
  return out;
}
