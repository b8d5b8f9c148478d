/**
 * One parser per list-page template, chosen by detecting the template on each page (sites migrate
 * column by column, so a source's template is never assumed). Pure: HTML text + real URL in,
 * items (as linked, in page order, duplicates kept) and the next page out.
 */
import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import { resolveLink } from './canonical.ts';

export type ListTemplate = 'customs-new' | 'customs-easysite' | 'govcn' | 'trs';

export interface ListItem {
  url: string;
  title?: string | undefined;
  /** YYYY-MM-DD as the list shows it (normalised from YYYY/MM/DD). */
  date?: string | undefined;
}

export interface ParsedList {
  template: ListTemplate;
  items: ListItem[];
  next: string | null;
}

export function normaliseListDate(text: string | undefined): string | undefined {
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(text ?? '');
  if (!m) return undefined;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

interface TemplateDef {
  name: ListTemplate;
  /** The list rows; only these are read, so nav, right rails and footers never leak in. */
  rows: string;
  link: (row: cheerio.Cheerio<any>) => cheerio.Cheerio<any>;
  date: (row: cheerio.Cheerio<any>) => string | undefined;
  next: ($: CheerioAPI, pageUrl: string) => string | null;
}

/** The pager's "下一页" link: `tagname` holds the path, or `[NEXTPAGE]` when there is none. */
function customsNext($: CheerioAPI, pageUrl: string, pagers: string[]): string | null {
  const a = $(pagers.map((p) => `${p} a[title="下一页"]`).join(', ')).first();
  if (a.length === 0) return null;
  const tag = a.attr('tagname')?.trim();
  const onclick = /['"]([^'"]+\.html?)['"]/.exec(a.attr('onclick') ?? '')?.[1];
  const href = a.attr('href')?.trim();
  for (const candidate of [tag, onclick, href]) {
    if (!candidate || /^\[[A-Z]+\]$/.test(candidate)) continue;
    const url = resolveLink(candidate, pageUrl);
    if (url && url !== pageUrl) return url;
  }
  return null;
}

const TEMPLATES: TemplateDef[] = [
  {
    name: 'customs-new',
    rows: 'ul.news_list > li',
    link: (row) => row.find('a[href]').first(),
    date: (row) => row.children('span').last().text(),
    next: ($, url) => customsNext($, url, ['div.page_more']),
  },
  {
    name: 'customs-easysite',
    rows: 'ul.conList_ul > li, ul.conList_ull > li',
    link: (row) => row.find('a[href]').first(),
    date: (row) => row.children('span').last().text(),
    next: ($, url) => customsNext($, url, ['.easysite-page-wrap', 'div.page_more']),
  },
  {
    name: 'govcn',
    rows: 'div.list li:has(h4 > a)',
    link: (row) => row.find('h4 > a[href]').first(),
    date: (row) => row.find('span.date').first().text(),
    next: () => null,
  },
  {
    // TRS portals (e.g. provincial commerce departments): `ul.list > li` with `span.date`. Their
    // pager is written by a script (createPageHTML), so there is no link to follow.
    name: 'trs',
    rows: 'ul.list > li',
    link: (row) => row.find('a[href]').first(),
    date: (row) => row.find('span.date').first().text(),
    next: () => null,
  },
];

export function detectListTemplate($: CheerioAPI): TemplateDef | null {
  return TEMPLATES.find((t) => $(t.rows).length > 0) ?? null;
}

export function parseListHtml(html: string, pageUrl: string): ParsedList | null {
  const $ = cheerio.load(html);
  const t = detectListTemplate($);
  if (!t) return null;
  const items: ListItem[] = [];
  $(t.rows).each((_, el) => {
    const row = $(el);
    const a = t.link(row);
    const url = resolveLink(a.attr('href') ?? '', pageUrl);
    if (!url) return;
    const title = (a.attr('title') ?? a.text()).trim() || undefined;
    items.push({ url, title, date: normaliseListDate(t.date(row)) });
  });
  return { template: t.name, items, next: t.next($, pageUrl) };
}
