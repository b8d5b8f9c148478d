/**
 * One source, one run: walk its list pages (template detected per page) or its feed, pick the
 * items worth fetching, fetch each article once, hand it to ingest. Every outcome ends up in the
 * source's report entry; nothing here throws for a bad page.
 */
import type { SourceRun } from '../../src/model/schemas.ts';
import type { FetchedArticle, IngestResult } from '../types.ts';
import { decodeHtml } from '../http/charset.ts';
import type { HttpOutcome, Validators } from '../http/client.ts';
import { detectChallenge } from '../http/waf.ts';
import { canonicalUrl } from '../crawl/canonical.ts';
import { parseFeed } from '../crawl/feed.ts';
import { parseListHtml } from '../crawl/list-templates.ts';
import type { SourceDecl } from '../sources/declarations.ts';
import { MAX_ITEM_FAILURES, type SeenItem, type StateFiles } from './state.ts';

export interface Fetcher {
  get(realUrl: string, validators?: Validators): Promise<HttpOutcome>;
}

export interface RunShared {
  state: StateFiles;
  now: string;
  since: string | null;
  maxPages: number;
  /** Fetch an article once per run, whichever source links it first. */
  fetchOnce: (url: string, fetcher: Fetcher, validators?: Validators) => Promise<HttpOutcome>;
  /** Ingestions of this run by canonical URL, started or done: a second source linking the same
   * article waits for the first one's result instead of ingesting it again. */
  ingested: Map<string, Promise<IngestResult>>;
  ingest: (article: FetchedArticle) => Promise<IngestResult>;
}

interface Candidate {
  canonical: string;
  linkedUrl: string;
  title?: string | undefined;
  date?: string | undefined;
  feed?: FetchedArticle['feedItem'];
}

/** A feed's RFC 822 pubDate as a Beijing calendar date (a GMT midnight is 08:00 in Beijing). */
export function beijingDate(pubDate: string | undefined): string | undefined {
  if (!pubDate) return undefined;
  const t = Date.parse(pubDate);
  if (Number.isNaN(t)) return undefined;
  return new Date(t + 8 * 3_600_000).toISOString().slice(0, 10);
}

function emptyRun(source: SourceDecl, previous: SourceRun | undefined): SourceRun {
  return {
    state: 'ok',
    kind: source.kind,
    url: source.url,
    district: source.district,
    listsFetched: 0,
    itemsSeen: 0,
    itemsNew: 0,
    itemsChanged: 0,
    itemsUnchanged: 0,
    itemsIrrelevant: 0,
    urlVerified: source.verified,
    errors: [],
    durationMs: 0,
    lastCheckedAt: null,
    lastSuccessAt: previous?.lastSuccessAt ?? null,
  };
}

function describeFailure(o: HttpOutcome): string {
  if (o.kind === 'failure') return o.status !== undefined ? `${o.reason} (after ${o.attempts} attempts)` : o.reason;
  return `HTTP ${o.status}`;
}

export async function runSource(source: SourceDecl, fetcher: Fetcher, shared: RunShared, previous?: SourceRun): Promise<SourceRun> {
  const started = Date.now();
  const run = emptyRun(source, previous);
  const finish = (): SourceRun => {
    run.durationMs = Date.now() - started;
    run.lastCheckedAt = shared.now;
    if (run.state === 'ok') run.lastSuccessAt = shared.now;
    return run;
  };
  if (!source.url) {
    run.state = 'unconfigured';
    run.reason = source.unconfiguredReason ?? 'no list URL known';
    run.lastCheckedAt = shared.now;
    return run;
  }

  const seen = (shared.state.seen[source.id] ??= {});
  const pendingValidators: Record<string, Validators> = {};
  const candidates = new Map<string, Candidate>();
  const onLists = new Set<string>();
  let blocked: string | null = null;
  let listFailure: string | null = null;

  // 1. Lists: follow pagination until a page holds nothing worth fetching, or the page cap.
  const visited = new Set<string>();
  let pageUrl: string | null = source.url;
  for (let page = 0; pageUrl && page < shared.maxPages && !visited.has(pageUrl); page++) {
    visited.add(pageUrl);
    const o = await fetcher.get(pageUrl, shared.state.validators[pageUrl]);
    if (o.kind === 'failure') {
      listFailure = `list ${pageUrl}: ${describeFailure(o)}`;
      run.errors.push({ url: pageUrl, reason: describeFailure(o) });
      break;
    }
    if (o.status === 304) {
      // Unchanged since the last run: nothing new on it, and lists are newest first.
      run.listsFetched++;
      break;
    }
    const text = decodeHtml(o.body, o.headers['content-type']).text;
    const challenge = detectChallenge(o.status, text);
    if (challenge) {
      blocked = `${challenge.reason} on ${pageUrl}`;
      break;
    }
    if (o.status !== 200) {
      listFailure = `list ${pageUrl}: HTTP ${o.status}`;
      run.errors.push({ url: pageUrl, reason: `HTTP ${o.status}` });
      break;
    }
    let entries: Candidate[];
    let next: string | null = null;
    if (source.kind === 'rss') {
      try {
        entries = (await parseFeed(text, o.url)).map((e) => ({
          canonical: canonicalUrl(e.url),
          linkedUrl: e.url,
          title: e.title,
          date: beijingDate(e.pubDate),
          feed: { title: e.title, description: e.description, pubDate: e.pubDate },
        }));
      } catch (err) {
        listFailure = `feed ${pageUrl}: not a parsable feed (${(err as Error).message})`;
        run.errors.push({ url: pageUrl, reason: 'not a parsable RSS/Atom feed' });
        break;
      }
    } else {
      const parsed = parseListHtml(text, o.url);
      if (!parsed) {
        // Never read an unknown page as "no items": it is a failure to understand the page.
        listFailure = `list ${pageUrl}: no known list template on the page`;
        run.errors.push({ url: pageUrl, reason: 'no known list template (news_list, conList_ul, gov.cn, TRS) found' });
        break;
      }
      entries = parsed.items.map((i) => ({ canonical: canonicalUrl(i.url), linkedUrl: i.url, title: i.title, date: i.date }));
      next = parsed.next;
    }
    run.listsFetched++;
    if (o.headers['etag'] || o.headers['last-modified']) pendingValidators[pageUrl] = { etag: o.headers['etag'], lastModified: o.headers['last-modified'] };

    let worthFetching = 0;
    for (const e of entries) {
      if (onLists.has(e.canonical)) continue; // duplicate link (e.g. with a tracking query)
      onLists.add(e.canonical);
      const known = seen[e.canonical];
      const old = shared.since !== null && e.date !== undefined && e.date < shared.since;
      if (known && (known.last !== 'failed' || (known.failures ?? 1) >= MAX_ITEM_FAILURES)) {
        run.itemsUnchanged++;
        continue;
      }
      if (old) continue;
      worthFetching++;
      candidates.set(e.canonical, e);
    }
    // Judge the whole page, so an old item pinned on top of page 1 does not stop the crawl.
    if (worthFetching === 0 && entries.length > 0) break;
    pageUrl = next;
  }
  run.itemsSeen = onLists.size;

  if (blocked && run.listsFetched === 0) {
    // Blocked, not quiet: existing content stays untouched and the items of earlier runs too.
    run.state = 'blocked';
    run.reason = blocked;
    return finish();
  }

  // 2. Items that failed last time are retried even when the list did not show them again.
  for (const [canonical, item] of Object.entries(seen)) {
    if (item.last === 'failed' && (item.failures ?? 1) < MAX_ITEM_FAILURES && !candidates.has(canonical) && !onLists.has(canonical)) {
      candidates.set(canonical, { canonical, linkedUrl: item.linkedUrl, title: item.title, date: item.date });
    }
  }

  // 3. Articles.
  for (const c of candidates.values()) {
    if (await reuseIngestion(run, seen, c, shared)) continue;
    const o = await shared.fetchOnce(c.canonical, fetcher, shared.state.validators[c.canonical]);
    let body: Uint8Array | null = null;
    let contentType: string | null = null;
    let finalUrl = c.canonical;
    let pageError: string | null = null;
    if (o.kind === 'failure') pageError = describeFailure(o);
    else if (o.status === 304) {
      run.itemsUnchanged++;
      markSeen(seen, c, shared.now, { outcome: 'unchanged' });
      continue;
    } else {
      const challenge = detectChallenge(o.status, decodeHtml(o.body, o.headers['content-type']).text);
      if (challenge) {
        blocked ??= `${challenge.reason} on article ${c.canonical}`;
        pageError = challenge.reason;
      } else if (o.status !== 200) pageError = `HTTP ${o.status}`;
      else {
        body = o.body;
        contentType = o.headers['content-type'] ?? null;
        finalUrl = canonicalUrl(o.url);
      }
    }
    if (pageError) run.errors.push({ url: c.canonical, reason: pageError });
    // A feed item whose page is gone still carries a title and description: hand that over.
    const fromFeedOnly = body === null && c.feed?.description ? true : false;
    if (body === null && !fromFeedOnly) {
      markFailed(seen, c, shared.now);
      continue;
    }
    const article: FetchedArticle = {
      sourceId: source.id,
      district: source.district,
      url: finalUrl,
      linkedUrl: c.linkedUrl,
      body: body ?? new Uint8Array(),
      contentType,
      fetchedAt: shared.now,
      listItem: { title: c.title, date: c.date },
      ...(c.feed ? { feedItem: c.feed } : {}),
    };
    // Another source may have started on the same article while this one was fetching it. The
    // has() check and the set() below run without an await between them, so only one ingests.
    if (shared.ingested.has(c.canonical) && (await reuseIngestion(run, seen, c, shared))) continue;
    const pending = shared.ingest(article).catch((err: unknown): IngestResult => ({ outcome: 'error', reason: `ingest threw: ${(err as Error).message}` }));
    shared.ingested.set(c.canonical, pending);
    const result = await pending;
    if (result.outcome === 'error') {
      shared.ingested.delete(c.canonical);
      run.errors.push({ url: finalUrl, reason: `ingest: ${result.reason ?? 'error'}` });
      markFailed(seen, c, shared.now);
      continue;
    }
    countOutcome(run, result.outcome);
    markSeen(seen, c, shared.now, result);
    if (!pageError && o.kind === 'response' && (o.headers['etag'] || o.headers['last-modified'])) {
      shared.state.validators[c.canonical] = { etag: o.headers['etag'], lastModified: o.headers['last-modified'] };
    }
  }

  // List validators only after a clean walk: a 304 next time skips the page and what follows it.
  // (Items that failed are retried from seen.json, so they do not hold the validators back.)
  if (!blocked && !listFailure) Object.assign(shared.state.validators, pendingValidators);

  if (blocked) {
    run.state = 'blocked';
    run.reason = blocked;
  } else if (listFailure) {
    run.state = 'failing';
    run.reason = listFailure;
  }
  return finish();
}

function countOutcome(run: SourceRun, outcome: IngestResult['outcome']): void {
  if (outcome === 'new') run.itemsNew++;
  else if (outcome === 'changed') run.itemsChanged++;
  else if (outcome === 'irrelevant') run.itemsIrrelevant++;
  else if (outcome === 'unchanged') run.itemsUnchanged++;
}

function markSeen(seen: Record<string, SeenItem>, c: Candidate, now: string, result: IngestResult): void {
  const last = result.outcome === 'error' ? 'failed' : result.outcome;
  seen[c.canonical] = { firstSeenAt: seen[c.canonical]?.firstSeenAt ?? now, last, linkedUrl: c.linkedUrl, title: c.title, date: c.date, file: result.file };
}

function markFailed(seen: Record<string, SeenItem>, c: Candidate, now: string): void {
  const before = seen[c.canonical];
  seen[c.canonical] = { firstSeenAt: before?.firstSeenAt ?? now, last: 'failed', failures: (before?.last === 'failed' ? (before.failures ?? 1) : 0) + 1, linkedUrl: c.linkedUrl, title: c.title, date: c.date };
}

/** True when this run already ingested (or is ingesting) the article: count it, do not redo it. */
async function reuseIngestion(run: SourceRun, seen: Record<string, SeenItem>, c: Candidate, shared: RunShared): Promise<boolean> {
  const earlier = shared.ingested.get(c.canonical);
  if (!earlier) return false;
  const result = await earlier;
  if (result.outcome === 'error') return false;
  countOutcome(run, result.outcome === 'irrelevant' ? 'irrelevant' : 'unchanged');
  markSeen(seen, c, shared.now, result);
  return true;
}
