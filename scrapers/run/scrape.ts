/**
 * A whole scrape run: select sources, run them (a few hosts in parallel, one request at a time per
 * host), hand articles to ingest, keep the run state and report in <content root>/_state/.
 * Pages that answer the JavaScript challenge are fetched again by the browser, by default
 * (scrapers/http/fetch-strategy.ts).
 * Exit status: 0 every configured source ok; 2 partial (some blocked or failing); 1 fatal.
 */
import { mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { RunReport, SourceRun } from '../../src/model/schemas.ts';
import type { FetchedArticle, IngestArticle, IngestResult } from '../types.ts';
import type { HttpOutcome, RequestLogEntry } from '../http/client.ts';
import type { SourceDecl } from '../sources/declarations.ts';
import { runnable } from '../sources/registry.ts';
import { jsonFileText, writeFileAtomicSync } from '../write/store.ts';
import { runFetcher, type FetchRunOptions } from './fetcher.ts';
import { pool } from './pool.ts';
import { textTable } from './text-table.ts';
import { emptyRun, runSource, type RunShared } from './source-run.ts';
import { loadState, saveState } from './state.ts';
import { attachmentFetchOf, type AttachmentFetcher } from '../attachments/fetch.ts';
import type { RecheckStep } from '../recheck/schedule.ts';
import { markWithdrawn } from '../write/withdraw.ts';
import { setOwner } from '../write/owner.ts';
import { ownerOf } from './owner.ts';

export interface ScrapeOptions extends FetchRunOptions {
  contentRoot: string;
  /** The registry (all declarations); `only` selects which of them run. */
  sources: SourceDecl[];
  only?: string[] | undefined;
  since?: string | null | undefined;
  dryRun?: boolean | undefined;
  maxPages?: number | undefined;
  /** Defaults to scrapers/ingest.ts. */
  ingest?: IngestArticle | undefined;
  /** Also write every fetched article (metadata + raw bytes) here, for end-to-end checks. */
  rawDir?: string | null | undefined;
  /** When known articles are re-checked (default RECHECK_SCHEDULE, scrapers/recheck/schedule.ts). */
  recheck?: readonly RecheckStep[] | undefined;
  progress?: ((line: string) => void) | undefined;
}

export interface ScrapeResult {
  report: RunReport;
  exitCode: 0 | 1 | 2;
  requests: RequestLogEntry[];
  fatal?: string;
}

async function defaultIngest(): Promise<IngestArticle> {
  const mod = (await import('../ingest.ts')) as { ingestArticle: IngestArticle };
  return mod.ingestArticle;
}

function writeRaw(dir: string, article: FetchedArticle): void {
  mkdirSync(dir, { recursive: true });
  const name = createHash('sha256').update(article.url).digest('hex').slice(0, 16);
  const { body, ...meta } = article;
  writeFileAtomicSync(path.join(dir, `${name}.json`), jsonFileText({ ...meta, bodyBase64: Buffer.from(body).toString('base64') }));
}

function exitCodeFor(runs: SourceRun[]): 0 | 1 | 2 {
  const configured = runs.filter((r) => r.state !== 'unconfigured');
  if (configured.length === 0) return 1;
  return configured.every((r) => r.state === 'ok') ? 0 : 2;
}

export async function scrape(o: ScrapeOptions): Promise<ScrapeResult> {
  const started = Date.now();
  const now = (o.now ?? new Date()).toISOString();
  const progress = o.progress ?? (() => {});
  const fatal = (message: string): ScrapeResult => ({ report: { generatedAt: now, sources: {} }, exitCode: 1, requests: [], fatal: message });

  const unknown = (o.only ?? []).filter((id) => !o.sources.some((s) => s.id === id));
  if (unknown.length) return fatal(`unknown source id(s): ${unknown.join(', ')}`);
  const selected = o.only?.length ? o.sources.filter((s) => o.only!.includes(s.id)) : o.sources;
  if (!selected.some(runnable)) return fatal('no configured source selected: nothing can run');

  const state = loadState(o.contentRoot);
  const previous = state.report?.sources ?? {};
  const fetcher = runFetcher(o);

  const ingestFn = o.ingest ?? (await defaultIngest());
  // Linked files through the same polite client (allow-list, robots, size cap, timeouts, mirror);
  // attachments are not behind the challenge, so never through the browser.
  const fetchAttachment: AttachmentFetcher = async (url) => attachmentFetchOf(await fetcher.client.get(url));
  const fetchCache = new Map<string, Promise<HttpOutcome>>();
  const shared: RunShared = {
    state,
    now,
    since: o.since ?? null,
    maxPages: o.maxPages ?? 10,
    fetchOnce: (url, fetcher, validators) => {
      let p = fetchCache.get(url);
      if (!p) {
        p = fetcher.get(url, validators);
        fetchCache.set(url, p);
      }
      return p;
    },
    ingested: new Map<string, Promise<IngestResult>>(),
    ingest: async (article) => {
      if (o.rawDir) writeRaw(o.rawDir, article);
      return ingestFn(o.contentRoot, article, { dryRun: o.dryRun ?? false, now, fetchAttachment });
    },
    recheck: o.recheck,
    withdraw: (file, sourceUrl) => markWithdrawn(o.contentRoot, file, { now, sourceUrl, dryRun: o.dryRun }),
  };

  const runs: Record<string, SourceRun> = {};
  // Keep what the last report said about registered sources that did not run this time.
  for (const s of o.sources) if (previous[s.id] && !selected.includes(s)) runs[s.id] = previous[s.id]!;
  const report = (): RunReport => ({ generatedAt: now, durationMs: Date.now() - started, sources: { ...runs } });

  // Saves are chained so two sources finishing together never interleave writes.
  let saving: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    if (o.dryRun) return saving;
    const snapshot = report();
    saving = saving.then(() => saveState(o.contentRoot, { ...state, report: snapshot }));
    return saving;
  };

  // Group by host: a host's sources run one after another, hosts in parallel.
  const groups = new Map<string, SourceDecl[]>();
  for (const s of selected) {
    const key = s.url ? new URL(s.url).host : s.discover ? s.discover.host : `(unconfigured)`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  let done = 0;
  const total = selected.length;
  try {
    await pool([...groups.values()], o.hostsInParallel ?? 4, async (group) => {
      for (const source of group) {
        let run: SourceRun;
        try {
          run = await runSource(source, fetcher, shared, previous[source.id]);
        } catch (err) {
          // A bug fails this source, not the run.
          run = { ...emptyRun(source, previous[source.id]), state: 'failing', reason: `crashed: ${(err as Error).message}`, lastCheckedAt: now };
        }
        runs[source.id] = run;
        done++;
        progress(progressLine(done, total, source.id, run));
        await save();
      }
    });
  } finally {
    await fetcher.close();
  }
  if (!o.dryRun) await settleOwners(o, shared, progress);
  await save();
  const selectedRuns = selected.map((s) => runs[s.id]!);
  return { report: report(), exitCode: exitCodeFor(selectedRuns), requests: fetcher.client.log };
}

/**
 * Each record this run wrote or read again names its declared owner among every source that links
 * it (scrapers/run/owner.ts) and its canonical link if any links it so, whichever of them ran
 * first: so the same links give the same record.
 */
async function settleOwners(o: ScrapeOptions, shared: RunShared, progress: (line: string) => void): Promise<void> {
  for (const [canonical, pending] of shared.ingested) {
    const result = await pending;
    if (!result.file || (result.outcome !== 'new' && result.outcome !== 'changed' && result.outcome !== 'unchanged')) continue;
    const claimants = o.sources.filter((s) => shared.state.seen[s.id]?.[canonical] !== undefined);
    const owner = claimants.length > 1 ? ownerOf(claimants) : undefined;
    if (!owner) continue;
    const linkedCanonically = claimants.some((s) => shared.state.seen[s.id]![canonical]!.linkedUrl === canonical);
    const r = await setOwner(o.contentRoot, result.file, owner, { now: shared.now, sourceUrl: canonical, linkedCanonically }).catch(() => 'error' as const);
    if (r === 'error') progress(`owner of ${result.file} not set to ${owner}: the record could not be read or validated`);
  }
}

function progressLine(done: number, total: number, id: string, r: SourceRun): string {
  const counts =
    r.state === 'unconfigured'
      ? ''
      : ` lists ${r.listsFetched}, items ${r.itemsSeen} (new ${r.itemsNew}, changed ${r.itemsChanged}, unchanged ${r.itemsUnchanged}, irrelevant ${r.itemsIrrelevant}), errors ${r.errors.length}, ${(r.durationMs / 1000).toFixed(1)} s`;
  return `[${done}/${total}] ${id}: ${r.state}${counts}${r.reason ? ` — ${r.reason}` : ''}`;
}

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '-');

/** Per source: state, site family, columns read, last success, last change, items, and why it is not ok. */
export function summaryTable(report: RunReport): string {
  const rows = Object.entries(report.sources).sort(([a], [b]) => a.localeCompare(b));
  const head = [
    'source',
    'state',
    'family',
    'columns',
    'last ok',
    'last change',
    'lists',
    'seen',
    'new',
    'changed',
    'unchanged',
    'irrelevant',
    'errors',
    'why',
  ];
  const body = rows.map(([id, r]) => [
    id,
    r.state,
    r.family ?? '-',
    String(r.columns.length),
    day(r.lastSuccessAt),
    day(r.lastChangeAt),
    ...[r.listsFetched, r.itemsSeen, r.itemsNew, r.itemsChanged, r.itemsUnchanged, r.itemsIrrelevant, r.errors.length].map(String),
    r.state === 'ok' ? '' : (r.reason ?? ''),
  ]);
  // The counts are right-aligned.
  const right = new Set([3, 6, 7, 8, 9, 10, 11, 12]);
  const tally = (st: string) => rows.filter(([, r]) => r.state === st).length;
  return [
    ...textTable(head, body, { right, rule: true }),
    '',
    `ok ${tally('ok')}, blocked ${tally('blocked')}, failing ${tally('failing')}, unconfigured ${tally('unconfigured')}`,
  ].join('\n');
}
