/**
 * The columns a source reads this run: its declared list URL; for a district without one, the
 * columns found earlier on its home page (run state); else, or when one of them stops
 * answering, the columns found now. Finding: fetch the home page, take the navigation links
 * named like an announcement or news column, keep those that read as a list of a known site
 * family. The pages fetched while finding are handed on, so no page is fetched twice.
 */
import type { SourceColumn } from '../../src/model/schemas.ts';
import { decodeHtml } from '../http/charset.ts';
import type { HttpOutcome } from '../http/client.ts';
import { detectChallenge } from '../http/waf.ts';
import { columnCandidates } from '../crawl/columns.ts';
import { readListPage } from '../crawl/list-templates.ts';
import { HOME_PAGES, MAX_CANDIDATE_FETCHES } from '../sites/discovery.ts';
import type { SourceDecl } from '../sources/declarations.ts';
import { challengeReason, describeFailure, type Fetcher } from './list-walk.ts';
import type { DiscoveredColumns } from './state.ts';

export type Discovery =
  | { kind: 'found'; found: DiscoveredColumns; fetched: Map<string, HttpOutcome> }
  | { kind: 'blocked'; reason: string }
  | { kind: 'failed'; reason: string };

function homePages(d: NonNullable<SourceDecl['discover']>): string[] {
  return HOME_PAGES.map((p) => `https://${d.host}${p.replace('{prefix}', d.pathPrefix)}`);
}

/** The columns a source starts from, without fetching anything; null when they must be found. */
export function knownColumns(source: SourceDecl, found: DiscoveredColumns | undefined): SourceColumn[] | null {
  if (source.url) return [{ url: source.url, how: source.verified ? 'declared' : 'guessed' }];
  if (found && found.columns.length > 0) return found.columns;
  return null;
}

export async function discoverColumns(source: SourceDecl, fetcher: Fetcher, now: string, earlier?: DiscoveredColumns): Promise<Discovery> {
  const d = source.discover;
  if (!d) return { kind: 'failed', reason: 'no home page declared' };
  const tried: string[] = [];
  for (const home of homePages(d)) {
    const o = await fetcher.get(home);
    if (o.kind === 'failure') {
      if (o.failure === 'challenge') return { kind: 'blocked', reason: `column discovery: ${o.reason}` };
      tried.push(`${home}: ${describeFailure(o)}`);
      continue;
    }
    const text = decodeHtml(o.body, o.headers['content-type']).text;
    const challenge = detectChallenge(o.status, text);
    if (challenge) return { kind: 'blocked', reason: `column discovery: ${challengeReason(challenge.reason, o, home)}` };
    if (o.status !== 200) {
      tried.push(`${home}: HTTP ${o.status}`);
      continue;
    }
    const candidates = columnCandidates(text, o.url);
    if (candidates.length === 0) return { kind: 'failed', reason: `column discovery: no link to a column (通知公告, 新闻动态 …) on the home page ${home}` };
    const fetched = new Map<string, HttpOutcome>();
    const kept: SourceColumn[] = [];
    const rejected: string[] = [];
    const groupsDone = new Set<string>();
    let fetches = 0;
    for (const c of candidates) {
      if (groupsDone.has(c.group)) continue;
      if (fetches >= MAX_CANDIDATE_FETCHES) break;
      fetches++;
      const lo = await fetcher.get(c.url);
      let why: string | null = null;
      if (lo.kind === 'failure') why = describeFailure(lo);
      else {
        const lt = decodeHtml(lo.body, lo.headers['content-type']).text;
        const ch = detectChallenge(lo.status, lt);
        if (ch) return { kind: 'blocked', reason: `column discovery: ${challengeReason(ch.reason, lo, c.url)}` };
        if (lo.status !== 200) why = `HTTP ${lo.status}`;
        else {
          const read = readListPage(lt, lo.url, { firstPage: true });
          if (read.kind === 'list') {
            fetched.set(c.url, lo);
            groupsDone.add(c.group);
            const before = earlier?.columns.find((x) => x.url === c.url);
            kept.push({ url: c.url, how: 'discovered', linkText: c.linkText, home, foundAt: before?.foundAt ?? now, family: read.list.template });
            continue;
          }
          why = read.reason;
        }
      }
      rejected.push(`${c.url} (${c.linkText}): ${why}`);
    }
    if (kept.length === 0)
      return { kind: 'failed', reason: `column discovery: no column linked from ${home} reads as a list of a known site family: ${rejected.join('; ')}` };
    return { kind: 'found', found: { home, discoveredAt: now, columns: kept }, fetched };
  }
  return { kind: 'failed', reason: `column discovery: no home page answered (${tried.join('; ')})` };
}
