/**
 * The live canary: one list page per customs host, fetched through the same code path as a
 * scrape (plain HTTP, the browser when challenged; the columns as a scrape finds them) and read
 * against its site family. Nothing is ingested and no seen items change: it only says, per host,
 * whether the challenge still passes and the template still reads, and how long it took.
 */
import type { CanaryReport } from '../../src/model/schemas.ts';
import { decodeHtml } from '../http/charset.ts';
import type { HttpOutcome } from '../http/client.ts';
import { detectChallenge } from '../http/waf.ts';
import { readListPage } from '../crawl/list-templates.ts';
import type { SourceDecl } from '../sources/declarations.ts';
import { discoverColumns, knownColumns } from './columns.ts';
import { challengeReason, describeFailure } from './list-walk.ts';
import { runFetcher, type FetchRunOptions } from './fetcher.ts';
import { pool } from './pool.ts';
import { textTable } from './text-table.ts';
import { loadState, stateDir } from './state.ts';
import { writeJsonAtomic } from '../write/store.ts';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export interface CanaryOptions extends FetchRunOptions {
  contentRoot: string;
  /** Write content/_state/canary.json (default true). */
  write?: boolean | undefined;
}

type HostResult = CanaryReport['hosts'][number];

const CUSTOMS_HOST = /(^|\.)customs\.gov\.cn$/;

/** One source per customs host: the first (by id) that has a list URL, else the first. */
export function canarySources(sources: SourceDecl[]): Map<string, SourceDecl> {
  const byHost = new Map<string, SourceDecl>();
  for (const s of [...sources].sort((a, b) => Number(!a.url) - Number(!b.url) || a.id.localeCompare(b.id))) {
    const host = s.url ? new URL(s.url).hostname : s.discover?.host;
    if (!host || !CUSTOMS_HOST.test(host) || s.kind !== 'html-list' || byHost.has(host)) continue;
    byHost.set(host, s);
  }
  return byHost;
}

function judge(o: HttpOutcome, url: string): Omit<HostResult, 'host' | 'source' | 'durationMs'> {
  const via = o.kind === 'response' ? (o.via ?? 'http') : undefined;
  if (o.kind === 'failure') return { url, state: o.failure === 'challenge' ? 'blocked' : 'failing', reason: describeFailure(o), items: 0 };
  const text = decodeHtml(o.body, o.headers['content-type']).text;
  const challenge = detectChallenge(o.status, text);
  if (challenge) return { url, state: 'blocked', reason: challengeReason(challenge.reason, o, url), items: 0, via };
  if (o.status !== 200) return { url, state: 'failing', reason: `HTTP ${o.status}`, items: 0, via };
  const read = readListPage(text, o.url, { firstPage: true });
  if (read.kind === 'list') return { url, state: 'passed', family: read.list.template, items: read.list.items.length, via };
  if (read.kind === 'template-changed')
    return { url, state: 'failing', family: read.family, reason: `template changed: ${url}: ${read.reason}`, items: 0, via };
  return { url, state: 'failing', reason: read.reason, items: 0, via };
}

export async function runCanary(o: CanaryOptions): Promise<CanaryReport> {
  const started = Date.now();
  const now = (o.now ?? new Date()).toISOString();
  const state = loadState(o.contentRoot);
  const fetcher = runFetcher(o);
  const hosts: HostResult[] = [];
  try {
    await pool([...canarySources(o.sources)], o.hostsInParallel ?? 4, async ([host, source]) => {
      const t0 = Date.now();
      const done = (r: Omit<HostResult, 'host' | 'source' | 'durationMs'>): void =>
        void hosts.push({ host, source: source.id, ...r, durationMs: Date.now() - t0 });
      const known = knownColumns(source, state.columns[source.id]);
      if (known?.[0]) return done(judge(await fetcher.get(known[0].url), known[0].url));
      const d = await discoverColumns(source, fetcher, now, state.columns[source.id]);
      if (d.kind !== 'found') return done({ url: null, state: d.kind === 'blocked' ? 'blocked' : 'failing', reason: d.reason, items: 0 });
      const first = d.found.columns[0]!;
      return done(judge(d.fetched.get(first.url) ?? (await fetcher.get(first.url)), first.url));
    });
  } finally {
    await fetcher.close();
  }
  hosts.sort((a, b) => a.host.localeCompare(b.host));
  const report: CanaryReport = { generatedAt: now, durationMs: Date.now() - started, hosts };
  if (o.write !== false) {
    mkdirSync(stateDir(o.contentRoot), { recursive: true });
    writeJsonAtomic(path.join(stateDir(o.contentRoot), 'canary.json'), report);
  }
  return report;
}

export function canaryTable(r: CanaryReport): string {
  const head = ['host', 'state', 'family', 'items', 'via', 'time', 'why'];
  const rows = r.hosts.map((h) => [h.host, h.state, h.family ?? '-', String(h.items), h.via ?? '-', `${(h.durationMs / 1000).toFixed(1)} s`, h.reason ?? '']);
  const tally = (st: string) => r.hosts.filter((h) => h.state === st).length;
  return [
    ...textTable(head, rows),
    '',
    `passed ${tally('passed')}, blocked ${tally('blocked')}, failing ${tally('failing')} (${(r.durationMs / 1000).toFixed(0)} s)`,
  ].join('\n');
}
