/** Dates as Beijing calendar dates (YYYY-MM-DD): every source date is read in Asia/Shanghai. */
import { beijingDate } from '../../src/model/beijing-date.ts';

const pad = (n: number | string) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** YYYY-MM-DD from y/m/d parts, or null when the date does not exist. */
export function ymd(y: number | string, m: number | string, d: number | string): string | null {
  const [yy, mm, dd] = [Number(y), Number(m), Number(d)];
  return valid(yy, mm, dd) ? `${yy}-${pad(mm)}-${pad(dd)}` : null;
}

/** A written date: year, month and day in groups 1-3, separated by - / . or 年 月. */
export const DATE_IN_TEXT = /(20\d{2}|19\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;

/** The first date written in a text: 2026-05-07, 2026/05/07, 2026.5.7, 2026年5月7日, 2026-03-27-17:05:11. */
export function firstDate(text: string): string | null {
  const re = new RegExp(DATE_IN_TEXT.source, 'g');
  for (const m of text.matchAll(re)) {
    const d = ymd(m[1]!, m[2]!, m[3]!);
    if (d) return d;
  }
  return null;
}

/** Every full Chinese date (2026年5月8日) in a text, in order. */
export function chineseDates(text: string): { date: string; index: number }[] {
  const out: { date: string; index: number }[] = [];
  for (const m of text.matchAll(/(20\d{2})年(\d{1,2})月(\d{1,2})日/g)) {
    const d = ymd(m[1]!, m[2]!, m[3]!);
    if (d) out.push({ date: d, index: m.index });
  }
  return out;
}

/**
 * The Beijing date a source's date value states (a meta tag, a feed's pubDate): an instant with a
 * zone (RFC 822 / ISO 8601) is converted; a zone-less value is read as Beijing time.
 */
export function beijingDateOf(value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  const hasZone = /(GMT|UTC|Z|[+-]\d{2}:?\d{2})\s*$/i.test(v) || /\b(GMT|UTC)\b/i.test(v);
  if (!hasZone) return firstDate(v);
  const t = Date.parse(v);
  if (Number.isNaN(t)) return firstDate(v);
  return beijingDate(v);
}

/** A date in the URL path: /2026-05/06/, /202605/t20260512_1.htm, /20260512/. */
export function urlDate(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const a = /\/(20\d{2})-(\d{2})\/(\d{2})\//.exec(path);
  if (a) return ymd(a[1]!, a[2]!, a[3]!);
  const b = /\/t(20\d{2})(\d{2})(\d{2})_\d+/.exec(path);
  if (b) return ymd(b[1]!, b[2]!, b[3]!);
  const c = /\/(20\d{2})(\d{2})(\d{2})\//.exec(path);
  if (c) return ymd(c[1]!, c[2]!, c[3]!);
  return null;
}
