/**
 * One source, one run: find the columns it reads (scrapers/run/columns.ts), walk their list
 * pages or its feed (scrapers/run/list-walk.ts), fetch each article worth fetching once and hand
 * it to ingest. Every outcome ends up in the source's report entry; nothing here throws for a
 * bad page. An article of a known site family without its declared body is a changed template.
 */
import type { SourceColumn, SourceRun } from '../../src/model/schemas.ts';
import type { FetchedArticle, IngestResult } from '../types.ts';
import { decodeHtml } from '../http/charset.ts';
import type { HttpOutcome, Validators } from '../http/client.ts';
import { detectChallenge } from '../http/waf.ts';
import { checkArticlePage } from '../crawl/article-check.ts';
import { canonicalUrl } from '../crawl/canonical.ts';
import type { SourceDecl } from '../sources/declarations.ts';
import { runnable } from '../sources/registry.ts';
import { goneFrom, visibleText } from '../recheck/withdrawal.ts';
import { beijingDate } from '../../src/model/beijing-date.ts';
import type { RecheckStep } from '../recheck/schedule.ts';
import { discoverColumns, knownColumns } from './columns.ts';
import { challengeReason, describeFailure, looksCutShort, walkColumn, type Candidate, type ColumnWalk, type Fetcher, type WalkContext } from './list-walk.ts';
import { needsFetch, nextTryAfterBadAttachment, nextTryAfterGone, type SeenItem, type StateFiles } from './state.ts';

export { looksCutShort } from './list-walk.ts';
export type { Fetcher } from './list-walk.ts';

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
  /** When known articles are requested again (default RECHECK_SCHEDULE). */
  recheck?: readonly RecheckStep[] | undefined;
  /** Mark a written record withdrawn (scrapers/write/withdraw.ts); without it, a gone page is a failure. */
  withdraw?: ((file: string, sourceUrl: string) => Promise<'withdrawn' | 'unchanged' | 'error'>) | undefined;
}

/** A source's run record before anything happened (its last success and change carried over). */
export function emptyRun(source: SourceDecl, previous: SourceRun | undefined): SourceRun {
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
    lastChangeAt: previous?.lastChangeAt ?? null,
    columns: [],
  };
}

/** Why the source is not ok, most telling first: blocked, then a changed template, then the rest. */
interface Trouble {
  blocked: string | null;
  templateChanged: string | null;
  failure: string | null;
}

export async function runSource(source: SourceDecl, fetcher: Fetcher, shared: RunShared, previous?: SourceRun): Promise<SourceRun> {
  const started = Date.now();
  const run = emptyRun(source, previous);
  const trouble: Trouble = { blocked: null, templateChanged: null, failure: null };
  const finish = (): SourceRun => {
    if (trouble.blocked) {
      run.state = 'blocked';
      run.reason = trouble.blocked;
    } else if (trouble.templateChanged) {
      run.state = 'failing';
      run.reason = trouble.templateChanged;
    } else if (trouble.failure) {
      run.state = 'failing';
      run.reason = trouble.failure;
    }
    run.durationMs = Date.now() - started;
    run.lastCheckedAt = shared.now;
    if (run.state === 'ok') run.lastSuccessAt = shared.now;
    if (run.itemsNew + run.itemsChanged > 0) run.lastChangeAt = shared.now;
    return run;
  };
  if (!runnable(source)) {
    run.state = 'unconfigured';
    run.reason = source.unconfiguredReason ?? 'no list URL known';
    run.lastCheckedAt = shared.now;
    return run;
  }

  const ctx: WalkContext = {
    kind: source.kind,
    fetcher,
    validators: shared.state.validators,
    since: shared.since,
    maxPages: shared.maxPages,
    seen: (shared.state.seen[source.id] ??= {}),
    run,
    candidates: new Map<string, Candidate>(),
    onLists: new Set<string>(),
    pendingValidators: {},
    now: shared.now,
    recheck: shared.recheck,
    resume: shared.state.resume,
  };

  // 1. Lists: each column, then (once) the columns found again when one stopped answering.
  const walks = await walkColumns(source, ctx, shared, trouble);
  for (const w of walks) {
    if (w.resume) shared.state.resume[w.url] = w.resume;
    else delete shared.state.resume[w.url];
  }
  run.itemsSeen = ctx.onLists.size;
  const families = [...new Set(walks.flatMap((w) => (w.family ? [w.family] : [])))];
  if (families.length) run.family = families.join(', ');
  if (walks.some((w) => w.via === 'browser')) run.via = 'browser';
  else if (walks.length) run.via = 'http';

  if (trouble.blocked && run.listsFetched === 0) {
    // Blocked, not quiet: existing content stays untouched and the items of earlier runs too.
    return finish();
  }

  // 2. Items that failed last time are retried, and known articles re-checked on their schedule,
  // even when the list did not show them again.
  for (const [canonical, item] of Object.entries(ctx.seen)) {
    if (needsFetch(item, shared.now, shared.recheck) && !ctx.candidates.has(canonical) && !ctx.onLists.has(canonical)) {
      ctx.candidates.set(canonical, { canonical, linkedUrl: item.linkedUrl, title: item.title, date: item.date });
    }
  }

  // 3. Articles.
  for (const c of ctx.candidates.values()) await fetchArticle(source, c, ctx, shared, trouble);

  // List validators only after a clean walk: a 304 next time skips the page and what follows it.
  // (Items that failed are retried from seen.json, so they do not hold the validators back.)
  if (!trouble.blocked && !trouble.failure && !trouble.templateChanged) Object.assign(shared.state.validators, ctx.pendingValidators);
  return finish();
}

/** Walk the source's columns; find them (again) on the home page when needed. */
async function walkColumns(source: SourceDecl, ctx: WalkContext, shared: RunShared, trouble: Trouble): Promise<ColumnWalk[]> {
  const walks: ColumnWalk[] = [];
  const record = (column: SourceColumn, w: ColumnWalk) => {
    walks.push(w);
    ctx.run.columns.push({ ...column, ...(w.family ? { family: w.family } : {}) });
    if (w.blocked) trouble.blocked ??= w.blocked;
    if (w.templateChanged) trouble.templateChanged ??= w.templateChanged;
    if (w.failure) trouble.failure ??= w.failure;
  };
  const earlier = shared.state.columns[source.id];
  let columns = knownColumns(source, earlier);
  let discovered = false;
  const discover = async (why: string | null): Promise<SourceColumn[] | null> => {
    discovered = true;
    const d = await discoverColumns(source, ctx.fetcher, shared.now, earlier);
    if (d.kind === 'found') {
      shared.state.columns[source.id] = d.found;
      ctx.prefetched = d.fetched;
      return d.found.columns;
    }
    const reason = why ? `${d.reason} (after ${why})` : d.reason;
    if (d.kind === 'blocked') trouble.blocked ??= reason;
    else trouble.failure = reason;
    return null;
  };
  if (!columns) columns = await discover(null);
  if (!columns) return walks;
  for (const column of columns) record(column, await walkColumn(column.url, ctx));

  // A guessed or discovered column that stopped answering: find the columns again, once.
  const gone = walks.filter((w) => w.gone);
  const rediscoverable = source.discover && !discovered && gone.length > 0 && columns.every((c) => c.how !== 'declared');
  if (rediscoverable) {
    const why = gone.map((w) => `${w.url} answered ${w.gone}`).join('; ');
    const again = await discover(why);
    if (again) {
      // The columns that answer now replace the gone ones; the failure of the gone ones is history.
      trouble.failure = null;
      for (const column of again.filter((c) => !walks.some((w) => w.url === c.url))) record(column, await walkColumn(column.url, ctx));
    }
  }
  return walks;
}

async function fetchArticle(source: SourceDecl, c: Candidate, ctx: WalkContext, shared: RunShared, trouble: Trouble): Promise<void> {
  const { run, seen } = ctx;
  if (await reuseIngestion(run, seen, c, shared)) return;
  // A provisional reading, a failed attachment, or an item this source never read (another source
  // may have stored the validators) asks for the whole page, not a 304.
  const mine = seen[c.canonical];
  // (A re-check while an attachment backs off asks with validators: a 304 fetches no attachment.)
  const waiting = mine?.nextTryAt !== undefined && mine.nextTryAt > shared.now;
  // A withdrawn page asks for the whole page too: a 304 would say it is back but give nothing to read.
  const conditional = mine !== undefined && mine.last !== 'failed' && !mine.withdrawnAt && (!mine.retry || waiting);
  // A record this source wrote: a page now gone or replaced by a withdrawal notice withdraws it.
  const written = mine?.file && mine.last !== 'failed' && mine.last !== 'irrelevant' ? mine : undefined;
  const o = await shared.fetchOnce(c.canonical, ctx.fetcher, conditional ? shared.state.validators[c.canonical] : undefined);
  let gone = false;
  let challenged = false;
  let cutShort = false;
  let body: Uint8Array | null = null;
  let contentType: string | null = null;
  let finalUrl = c.canonical;
  let pageError: string | null = null;
  if (o.kind === 'failure') {
    pageError = describeFailure(o);
    if (o.failure === 'challenge') {
      trouble.blocked ??= `${o.reason} (article ${c.canonical})`;
      challenged = true;
    }
    if (o.failure === 'refused') gone = true;
  } else if (o.status === 304) {
    run.itemsUnchanged++;
    markSeen(seen, c, shared.now, { outcome: 'unchanged' });
    // Nothing was read: a pending retry and its backoff stand.
    if (mine?.retry) seen[c.canonical] = { ...seen[c.canonical]!, retry: mine.retry, attachmentFailures: mine.attachmentFailures, nextTryAt: mine.nextTryAt };
    return;
  } else {
    contentType = o.headers['content-type'] ?? null;
    const text = decodeHtml(o.body, contentType).text;
    const challenge = detectChallenge(o.status, text);
    if (challenge) {
      trouble.blocked ??= challengeReason(challenge.reason, o, `article ${c.canonical}`);
      pageError = challenge.reason;
      challenged = true;
    } else if (written && (await withdrawIfGone(c, written, o.status, /html/i.test(contentType ?? 'text/html') ? text : '', run, seen, shared))) {
      return;
    } else if (o.status !== 200) {
      pageError = `HTTP ${o.status}`;
      gone = o.status === 404 || o.status === 410;
    } else {
      finalUrl = canonicalUrl(o.url);
      const check = /html/i.test(contentType ?? 'text/html') ? checkArticlePage(text, finalUrl) : { kind: 'ok' as const };
      if (check.kind === 'template-changed') {
        // Not handed to extraction: a generic reading would hide that the site changed.
        pageError = `template changed: ${check.reason}`;
        trouble.templateChanged ??= `template changed: ${finalUrl}: ${check.reason}`;
      } else {
        body = o.body;
        cutShort = looksCutShort(text);
      }
    }
  }
  if (pageError) run.errors.push({ url: c.canonical, reason: pageError });
  // A feed item whose page is gone still carries a title and description: hand that over.
  const fromFeedOnly = body === null && !pageError?.startsWith('template changed') && c.feed?.description ? true : false;
  if (body === null && !fromFeedOnly) {
    markFailed(seen, c, shared.now, { gone, challenged });
    return;
  }
  const article: FetchedArticle = {
    sourceId: source.id,
    district: source.district,
    url: finalUrl,
    linkedUrl: c.linkedUrl,
    body: body ?? new Uint8Array(),
    contentType: body ? contentType : null,
    fetchedAt: shared.now,
    listItem: { title: c.title, date: c.date },
    ...(c.feed ? { feedItem: c.feed } : {}),
    ...(o.kind === 'response' ? { headers: o.headers } : {}),
    ...(cutShort ? { provisional: true } : {}),
  };
  // Another source may have started on the same article while this one was fetching it. The
  // has() check and the set() below run without an await between them, so only one ingests.
  if (shared.ingested.has(c.canonical) && (await reuseIngestion(run, seen, c, shared))) return;
  const pending = shared.ingest(article).catch((err: unknown): IngestResult => ({ outcome: 'error', reason: `ingest threw: ${(err as Error).message}` }));
  shared.ingested.set(c.canonical, pending);
  const result = await pending;
  if (result.outcome === 'error') {
    shared.ingested.delete(c.canonical);
    run.errors.push({ url: finalUrl, reason: `ingest: ${result.reason ?? 'error'}` });
    markFailed(seen, c, shared.now, { gone: false, challenged: false });
    return;
  }
  countOutcome(run, result.outcome);
  markSeen(seen, c, shared.now, result, body !== null && !cutShort);
  const bad = new Set(result.badAttachments ?? []);
  for (const u of result.pendingAttachments ?? []) {
    run.errors.push({
      url: u,
      reason: bad.has(u) ? 'attachment corrupt or an HTML page: tried again after a pause' : 'attachment not fetched (transient): tried again next run',
    });
  }
  const retry = body === null || cutShort ? 'provisional' : result.pendingAttachments?.length ? 'attachments' : undefined;
  if (retry && result.outcome !== 'irrelevant') {
    // Only bad files left (none transient): back off, counting runs in a row that answered so.
    const onlyBad = retry === 'attachments' && result.pendingAttachments!.every((u) => bad.has(u));
    const attachmentFailures = onlyBad ? (mine?.attachmentFailures ?? 0) + 1 : 0;
    seen[c.canonical] = {
      ...seen[c.canonical]!,
      retry,
      ...(onlyBad ? { attachmentFailures, nextTryAt: nextTryAfterBadAttachment(attachmentFailures, shared.now) } : {}),
    };
  }
  if (!pageError && o.kind === 'response' && (o.headers['etag'] || o.headers['last-modified'])) {
    shared.state.validators[c.canonical] = { etag: o.headers['etag'], lastModified: o.headers['last-modified'] };
  }
}

function countOutcome(run: SourceRun, outcome: IngestResult['outcome']): void {
  if (outcome === 'new') run.itemsNew++;
  else if (outcome === 'changed') run.itemsChanged++;
  else if (outcome === 'irrelevant') run.itemsIrrelevant++;
  else if (outcome === 'unchanged') run.itemsUnchanged++;
}

/** `answered`: the page itself answered with its article, so an earlier withdrawal is lifted. */
function markSeen(seen: Record<string, SeenItem>, c: Candidate, now: string, result: IngestResult, answered = false): void {
  const last = result.outcome === 'error' ? 'failed' : result.outcome;
  const before = seen[c.canonical];
  seen[c.canonical] = {
    firstSeenAt: before?.firstSeenAt ?? now,
    last,
    ...(before ? { checkedAt: now } : {}),
    ...(before?.withdrawnAt && !answered ? { withdrawnAt: before.withdrawnAt } : {}),
    linkedUrl: c.linkedUrl,
    title: c.title,
    date: c.date,
    file: result.file ?? before?.file,
  };
}

/**
 * A written record whose page now answers 404/410 or a withdrawal notice: marked withdrawn (kept,
 * logged in the change log, counted as a change; the first date seen gone stays) and re-checked
 * on the withdrawn schedule. False when the page is
 * not gone. `html` is the decoded page when it is HTML, else ''.
 */
async function withdrawIfGone(
  c: Candidate,
  written: SeenItem,
  status: number,
  html: string,
  run: SourceRun,
  seen: Record<string, SeenItem>,
  shared: RunShared,
): Promise<boolean> {
  if (!shared.withdraw || !written.file) return false;
  const g = goneFrom(status, status === 200 && html ? visibleText(html) : '');
  if (!g.gone) return false;
  const r = await shared.withdraw(written.file, c.canonical);
  if (r === 'error') {
    run.errors.push({ url: c.canonical, reason: `withdrawn (${g.reason}), but the record could not be marked: tried again next run` });
    return true;
  }
  if (r === 'withdrawn') run.itemsChanged++;
  else run.itemsUnchanged++;
  seen[c.canonical] = {
    ...written,
    checkedAt: shared.now,
    withdrawnAt: written.withdrawnAt ?? beijingDate(shared.now),
    retry: undefined,
    nextTryAt: undefined,
  };
  return true;
}

/**
 * A failed item is tried again: on the next run after a transient failure; after a growing pause
 * when the page is gone; a challenge answer is the source's `blocked` state, not the item's
 * failure. An item written before keeps its file (and its record stays as it is).
 */
function markFailed(seen: Record<string, SeenItem>, c: Candidate, now: string, why: { gone: boolean; challenged: boolean }): void {
  const before = seen[c.canonical];
  const prior = before?.last === 'failed' ? (before.failures ?? 1) : 0;
  const failures = why.challenged ? prior : prior + 1;
  if (before && before.last !== 'failed' && before.file) {
    // A written article whose re-fetch failed: keep it as written, try the retry again next run.
    seen[c.canonical] = { ...before };
    return;
  }
  seen[c.canonical] = {
    firstSeenAt: before?.firstSeenAt ?? now,
    last: 'failed',
    ...(failures ? { failures } : {}),
    ...(why.gone ? { nextTryAt: nextTryAfterGone(failures, now) } : {}),
    linkedUrl: c.linkedUrl,
    title: c.title,
    date: c.date,
  };
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
