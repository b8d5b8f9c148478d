/**
 * List pages read by the site-family declarations (scrapers/sites/families.ts), the family chosen
 * by detecting its rows on each page (sites migrate column by column, so a source's family is
 * never assumed). Pure: HTML text + real URL in, items (as linked, in page order, duplicates
 * kept) and the next page out; or, for a page of a known family whose rows are gone, why.
 */
import * as cheerio from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import { resolveLink } from './canonical.ts';
import { firstDate } from '../extract/dates.ts';
import { familiesForHost, listFamilies, type FamilyId, type ListDecl, type PagerDecl } from '../sites/families.ts';

type ListTemplate = FamilyId;

interface ListItem {
  url: string;
  title?: string | undefined;
  /** YYYY-MM-DD as the list shows it (normalised from YYYY/MM/DD, 2026年5月7日 …; absent when not a real date). */
  date?: string | undefined;
}

export interface ParsedList {
  template: ListTemplate;
  items: ListItem[];
  next: string | null;
}

/** The pager's "下一页" link: `tagname` holds the path, or `[NEXTPAGE]` when there is none. */
function nextPage($: CheerioAPI, pageUrl: string, pager: PagerDecl): string | null {
  if (pager.kind === 'none') return null;
  const a = $(pager.containers.map((p) => `${p} a[title="下一页"]`).join(', ')).first();
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

function readRows($: CheerioAPI, list: ListDecl, pageUrl: string): ListItem[] {
  const items: ListItem[] = [];
  $(list.rows).each((_, el) => {
    const row = $(el);
    const a = row.find(list.link).first();
    const url = resolveLink(a.attr('href') ?? '', pageUrl);
    if (!url) return;
    const title = (a.attr('title') ?? a.text()).trim() || undefined;
    const dates = list.date.scope === 'children' ? row.children(list.date.selector) : row.find(list.date.selector);
    const date = list.date.pick === 'last' ? dates.last() : dates.first();
    items.push({ url, title, date: firstDate(date.text()) ?? undefined });
  });
  return items;
}

function detectListTemplate($: CheerioAPI): ReturnType<typeof listFamilies>[number] | null {
  return listFamilies().find((f) => $(f.list.rows).length > 0) ?? null;
}

export function parseListHtml(html: string, pageUrl: string): ParsedList | null {
  const $ = cheerio.load(html);
  const f = detectListTemplate($);
  if (!f) return null;
  return { template: f.id, items: readRows($, f.list, pageUrl), next: nextPage($, pageUrl, f.list.pager) };
}

export type ListReading =
  | { kind: 'list'; list: ParsedList }
  /** A page of a known family that no longer yields its list: the template changed. */
  | { kind: 'template-changed'; family: FamilyId; reason: string }
  | { kind: 'unknown'; reason: string };

/**
 * Read a list page and judge it against its family: a page whose rows match but yield fewer
 * items than the family's minimum (on a first page; a later page needs one), or a page that
 * carries a family's fingerprint without its rows, is a changed template, never "no news".
 */
export function readListPage(html: string, pageUrl: string, o: { firstPage: boolean }): ListReading {
  const $ = cheerio.load(html);
  const f = detectListTemplate($);
  if (f) {
    const items = readRows($, f.list, pageUrl);
    const min = o.firstPage ? f.list.minItems : Math.min(1, f.list.minItems);
    if (items.length < min) {
      return { kind: 'template-changed', family: f.id, reason: `${f.id} list rows \`${f.list.rows}\` yield ${items.length} item(s), expected at least ${min}` };
    }
    return { kind: 'list', list: { template: f.id, items, next: nextPage($, pageUrl, f.list.pager) } };
  }
  let host = '';
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    // An unparsable URL has no family.
  }
  for (const fam of familiesForHost(host)) {
    if (!fam.list) continue;
    const mark = fam.fingerprint.find((s) => $(s).length > 0);
    if (mark) return { kind: 'template-changed', family: fam.id, reason: `a ${fam.id} page (${mark}) without its list rows \`${fam.list.rows}\`` };
  }
  const known = listFamilies()
    .map((x) => `${x.id}: ${x.list.rows}`)
    .join('; ');
  return { kind: 'unknown', reason: `no known list template on the page (${known})` };
}
