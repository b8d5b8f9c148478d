/**
 * Column candidates on a district home page: navigation links whose text is one of the declared
 * column names (scrapers/sites/discovery.ts) and whose URL has the column form on the same host.
 * Pure: HTML text + the home page's real URL in, candidates by group and preference out.
 */
import * as cheerio from 'cheerio';
import { resolveLink } from './canonical.ts';
import { toHttps } from '../text/url.ts';
import { COLUMN_GROUPS, COLUMN_PATH, type ColumnGroup } from '../sites/discovery.ts';

export interface ColumnCandidate {
  url: string;
  group: ColumnGroup['id'];
  linkText: string;
  /** Position of the link text in its group's preference list (0 = most preferred). */
  rank: number;
}

const squash = (s: string) => s.replace(/[\s\u3000>»›]+/g, '');

export function columnCandidates(html: string, homeUrl: string, groups: readonly ColumnGroup[] = COLUMN_GROUPS): ColumnCandidate[] {
  const $ = cheerio.load(html);
  const host = new URL(homeUrl).hostname;
  const columnPath = new RegExp(COLUMN_PATH);
  const out: ColumnCandidate[] = [];
  const seen = new Set<string>();
  $('a[href]').each((_, el) => {
    const a = $(el);
    const href = resolveLink(a.attr('href') ?? '', homeUrl);
    if (!href) return;
    const u = new URL(href);
    if (u.hostname !== host || !columnPath.test(u.pathname)) return;
    const texts = [squash(a.text()), squash(a.attr('title') ?? '')];
    for (const g of groups) {
      const rank = g.linkTexts.findIndex((t) => texts.includes(t));
      if (rank < 0) continue;
      u.hash = '';
      const url = toHttps(u).href;
      if (seen.has(url)) return;
      seen.add(url);
      out.push({ url, group: g.id, linkText: g.linkTexts[rank]!, rank });
      return;
    }
  });
  const order = new Map(groups.map((g, i) => [g.id, i]));
  // Stable: same group and rank keep page order.
  return out
    .map((c, i) => ({ c, i }))
    .sort((a, b) => order.get(a.c.group)! - order.get(b.c.group)! || a.c.rank - b.c.rank || a.i - b.i)
    .map(({ c }) => c);
}
