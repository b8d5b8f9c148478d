/**
 * Walk one list column (or feed): follow its pagination until a page holds nothing worth
 * fetching, or the page cap, and collect the items worth fetching. Each page is judged against
 * its site family: a page that no longer yields its family's list is a changed template, never
 * "no news". Nothing here throws for a bad page; what happened is in the result.
 */
import type { SourceRun } from '../../src/model/schemas.ts';
import type { FetchedArticle } from '../types.ts';
import { decodeHtml } from '../http/charset.ts';
import type { HttpOutcome, Validators } from '../http/client.ts';
import { detectChallenge } from '../http/waf.ts';
import { canonicalUrl } from '../crawl/canonical.ts';
import { beijingDateOf } from '../extract/dates.ts';
import { parseFeed } from '../crawl/feed.ts';
import { readListPage } from '../crawl/list-templates.ts';
import { FEED_FAMILY } from '../sites/families.ts';
import type { RecheckStep } from '../recheck/schedule.ts';
import { needsFetch, type SeenItem } from './state.ts';

export interface Fetcher {
  get(realUrl: string, validators?: Validators): Promise<HttpOutcome>;
}

export interface Candidate {
  canonical: string;
  linkedUrl: string;
  title?: string | undefined;
  date?: string | undefined;
  feed?: FetchedArticle['feedItem'];
}

/** What the walks of one source share: its seen items and what it found so far. */
export interface WalkContext {
  kind: 'html-list' | 'rss';
  fetcher: Fetcher;
  validators: Record<string, Validators>;
  since: string | null;
  maxPages: number;
  seen: Record<string, SeenItem>;
  run: SourceRun;
  candidates: Map<string, Candidate>;
  onLists: Set<string>;
  pendingValidators: Record<string, Validators>;
  /** This run's time (ISO): items whose backoff has not run out are not fetched. */
  now: string;
  /** When known articles are re-checked (default: scrapers/recheck/schedule.ts). */
  recheck?: readonly RecheckStep[] | undefined;
  /** Pages already fetched this run (e.g. while finding the columns): not fetched again. */
  prefetched?: Map<string, HttpOutcome> | undefined;
  /** Where earlier walks of each column (by start URL) stopped before the end of the list. */
  resume?: Record<string, ResumeMarker> | undefined;
}

/**
 * A walk that stopped before the end of its list (a page failed, was cut short or blocked, or the
 * page cap was reached while pages still held unread items): the page to read on from next time,
 * and its place in the list (0 = the first page), so the earlier of two stopping points wins.
 */
export interface ResumeMarker {
  url: string;
  page: number;
}

export interface ColumnWalk {
  url: string;
  family?: string | undefined;
  via?: 'http' | 'browser' | undefined;
  blocked?: string | undefined;
  failure?: string | undefined;
  templateChanged?: string | undefined;
  /** The column's first page no longer answers as a list (4xx, or no list at all). */
  gone?: string | undefined;
  /** Where the next walk reads on from (see ResumeMarker); absent when the walk reached what it needed. */
  resume?: ResumeMarker | undefined;
}

export function describeFailure(o: HttpOutcome): string {
  if (o.kind === 'failure') return o.status !== undefined ? `${o.reason} (after ${o.attempts} attempts)` : o.reason;
  return `HTTP ${o.status}`;
}

/** A challenge's reason, with what the browser said when it tried. */
export function challengeReason(reason: string, o: HttpOutcome, where: string): string {
  const note = o.kind === 'response' && o.note ? `; ${o.note}` : '';
  return `${reason} on ${where}${note}`;
}

/**
 * A 200 page cut short (no closing body or html tag after an opening one): its reading is
 * provisional. A malformed end tag (`</body` without its `>`) still counts as the end.
 */
export function looksCutShort(html: string): boolean {
  return /<(?:html|body)\b/i.test(html) && !/<\/(?:body|html)\b/i.test(html);
}

/**
 * Walk a column from its first page until a page holds nothing worth fetching; then, when an
 * earlier walk stopped short of the end of the list, read on from where it stopped, past pages of
 * known items, until the list ends (or the page cap). A backlog deeper than one run's cap, or a
 * page that failed mid-list, is so read over the next runs instead of never.
 */
export async function walkColumn(start: string, ctx: WalkContext): Promise<ColumnWalk> {
  const walk: ColumnWalk = { url: start };
  const visited = new Set<string>();
  const earlier = ctx.resume?.[start];
  const first = await walkPages(walk, { url: start, page: 0 }, ctx, visited, false);
  if (first.stoppedAt) {
    // Read on from the earlier of the two stopping points (page 0 is read every run anyway).
    const at = first.stoppedAt.page > 0 ? first.stoppedAt : undefined;
    walk.resume = at && earlier && earlier.page < at.page ? earlier : (at ?? earlier);
    return walk;
  }
  if (!earlier) return walk;
  // This walk already read past the earlier stopping point: the backlog goes on after its last page.
  const from = visited.has(earlier.url) ? first.endedBefore : earlier;
  if (!from) return walk;
  const backlog = await walkPages(walk, from, ctx, visited, true);
  walk.resume = backlog.stoppedAt;
  return walk;
}

/**
 * Read list pages from `from` on. Stops when a page holds nothing worth fetching (or, reading a
 * backlog, nothing newer than `since`), at the end of the list, or at the page cap; `stoppedAt`
 * says where to read on from when it stopped before it was done, `endedBefore` which page comes
 * next when it stopped at a page of known items.
 */
async function walkPages(
  walk: ColumnWalk,
  from: ResumeMarker,
  ctx: WalkContext,
  visited: Set<string>,
  backlog: boolean,
): Promise<{ stoppedAt?: ResumeMarker; endedBefore?: ResumeMarker }> {
  const run = ctx.run;
  let pageUrl: string | null = from.url;
  let index = from.page;
  const stopped = (url: string, page: number) => ({ stoppedAt: { url, page } });
  for (let read = 0; pageUrl && !visited.has(pageUrl); read++, index++) {
    if (read >= ctx.maxPages) return stopped(pageUrl, index);
    const page = index;
    visited.add(pageUrl);
    const pre = ctx.prefetched?.get(pageUrl);
    ctx.prefetched?.delete(pageUrl);
    // A backlog page is read whole: a 304 would hide the link to the page after it.
    const o = pre ?? (await ctx.fetcher.get(pageUrl, backlog ? undefined : ctx.validators[pageUrl]));
    if (o.kind === 'response' && o.via) walk.via = o.via;
    if (o.kind === 'failure') {
      if (o.failure === 'challenge') {
        walk.blocked = `${o.reason} (${pageUrl})`;
        return stopped(pageUrl, page);
      }
      walk.failure = `list ${pageUrl}: ${describeFailure(o)}`;
      run.errors.push({ url: pageUrl, reason: describeFailure(o) });
      return stopped(pageUrl, page);
    }
    if (o.status === 304) {
      // Unchanged since the last run: nothing new on it, and lists are newest first.
      run.listsFetched++;
      return {};
    }
    const text = decodeHtml(o.body, o.headers['content-type']).text;
    const challenge = detectChallenge(o.status, text);
    if (challenge) {
      walk.blocked = challengeReason(challenge.reason, o, pageUrl);
      return stopped(pageUrl, page);
    }
    if (o.status !== 200) {
      walk.failure = `list ${pageUrl}: HTTP ${o.status}`;
      if (page === 0 && o.status >= 400 && o.status < 500) walk.gone = `HTTP ${o.status}`;
      run.errors.push({ url: pageUrl, reason: `HTTP ${o.status}` });
      return stopped(pageUrl, page);
    }
    let entries: Candidate[];
    let next: string | null = null;
    if (ctx.kind === 'rss') {
      try {
        entries = (await parseFeed(text, o.url)).map((e) => ({
          canonical: canonicalUrl(e.url),
          linkedUrl: e.url,
          title: e.title,
          date: e.pubDate ? (beijingDateOf(e.pubDate) ?? undefined) : undefined,
          feed: { title: e.title, description: e.description, pubDate: e.pubDate },
        }));
        walk.family = FEED_FAMILY.id;
      } catch (err) {
        walk.failure = `feed ${pageUrl}: not a parsable feed (${(err as Error).message})`;
        run.errors.push({ url: pageUrl, reason: 'not a parsable RSS/Atom feed' });
        return stopped(pageUrl, page);
      }
    } else {
      const read = readListPage(text, o.url, { firstPage: page === 0 });
      if (read.kind === 'template-changed') {
        walk.family = read.family;
        walk.templateChanged = `template changed: ${pageUrl}: ${read.reason}`;
        run.errors.push({ url: pageUrl, reason: `template changed: ${read.reason}` });
        return stopped(pageUrl, page);
      }
      if (read.kind === 'unknown') {
        // Never read an unknown page as "no items": it is a failure to understand the page.
        walk.failure = `list ${pageUrl}: no known list template on the page`;
        if (page === 0) walk.gone = 'no known list template';
        run.errors.push({ url: pageUrl, reason: read.reason });
        return stopped(pageUrl, page);
      }
      walk.family ??= read.list.template;
      entries = read.list.items.map((i) => ({ canonical: canonicalUrl(i.url), linkedUrl: i.url, title: i.title, date: i.date }));
      next = read.list.next;
    }
    run.listsFetched++;
    if (o.headers['etag'] || o.headers['last-modified']) ctx.pendingValidators[pageUrl] = { etag: o.headers['etag'], lastModified: o.headers['last-modified'] };

    let worthFetching = 0;
    let recent = 0;
    for (const e of entries) {
      if (ctx.onLists.has(e.canonical)) continue; // duplicate link (e.g. with a tracking query)
      ctx.onLists.add(e.canonical);
      const known = ctx.seen[e.canonical];
      const old = ctx.since !== null && e.date !== undefined && e.date < ctx.since;
      if (!old) recent++;
      if (known && !needsFetch(known, ctx.now, ctx.recheck)) {
        run.itemsUnchanged++;
        continue;
      }
      if (old) continue;
      worthFetching++;
      ctx.candidates.set(e.canonical, e);
    }
    if (ctx.kind !== 'rss' && looksCutShort(text)) {
      // Its items are real, but the rest of the list is unknown: not a clean walk, so its
      // validators are not kept and the next run reads the whole page again.
      walk.failure = `list ${pageUrl}: page cut short`;
      run.errors.push({ url: pageUrl, reason: 'list page cut short' });
      return stopped(pageUrl, page);
    }
    // Judge the whole page, so an old item pinned on top of page 1 does not stop the crawl. A
    // backlog reads on past known items; only items older than `since` end it.
    if (entries.length > 0 && (backlog ? recent === 0 : worthFetching === 0)) return next && !backlog ? { endedBefore: { url: next, page: page + 1 } } : {};
    pageUrl = next;
  }
  return {};
}
