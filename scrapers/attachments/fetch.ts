/**
 * Reading the files an article links: each readable link (by extension) is fetched through the
 * run's polite client (handed in as a function) and read; every outcome, good or bad, becomes the
 * attachment's entry, so a missing, oversize, corrupt or unreadable file is reported per
 * attachment and never fails the article. Transient failures are `pending`: the run tries again.
 */
import type { HttpOutcome } from '../http/client.ts';
import { challengeOf } from '../http/waf.ts';
import type { FactsVocabulary } from './facts.ts';
import { attachmentProblem, isReadableLink, readAttachment, type AttachmentData } from './entry.ts';

export type AttachmentFetch =
  | { kind: 'file'; bytes: Uint8Array; contentType: string | null }
  /** Not available to this reader (an import without that file): the link is listed, not read. */
  | { kind: 'skip' }
  | { kind: 'problem'; status: 'missing' | 'oversize' | 'refused' | 'failed' | 'blocked'; reason: string };

export type AttachmentFetcher = (url: string) => Promise<AttachmentFetch>;

/** At most this many files per article (a notice with dozens of links is read in part). */
const MAX_ATTACHMENTS = 10;

/** The client's outcome for a file as an attachment fetch. */
export function attachmentFetchOf(o: HttpOutcome): AttachmentFetch {
  if (o.kind === 'failure') {
    if (o.failure === 'oversize') return { kind: 'problem', status: 'oversize', reason: o.reason };
    if (o.failure === 'refused' || o.failure === 'robots' || o.failure === 'redirects') return { kind: 'problem', status: 'refused', reason: o.reason };
    if (o.failure === 'challenge') return { kind: 'problem', status: 'blocked', reason: o.reason };
    return { kind: 'problem', status: 'failed', reason: o.status !== undefined ? `${o.reason} (after ${o.attempts} attempts)` : o.reason };
  }
  const challenge = challengeOf(o);
  if (challenge) return { kind: 'problem', status: 'blocked', reason: challenge };
  if (o.status === 404 || o.status === 410) return { kind: 'problem', status: 'missing', reason: `HTTP ${o.status}` };
  if (o.status !== 200) return { kind: 'problem', status: 'failed', reason: `HTTP ${o.status}` };
  return { kind: 'file', bytes: o.body, contentType: o.headers['content-type'] ?? null };
}

/**
 * Worth another try on a later run: a transient failure, a challenge, a file cut short in
 * transfer (corrupt) or an HTML page where a document was linked (an error or maintenance page).
 */
const isPending = (d: AttachmentData) => d.status === 'failed' || d.status === 'blocked' || isBadFile(d);

/** A corrupt file or an HTML page where a document was linked: the same answer may well come again, so the run backs off. */
const isBadFile = (d: AttachmentData) => d.status === 'corrupt' || (d.status === 'unsupported' && /HTML/.test(d.reason ?? ''));

export async function readAttachments(
  links: readonly { name: string; url: string }[],
  fetch: AttachmentFetcher,
  vocab: FactsVocabulary,
): Promise<{ data: Record<string, AttachmentData>; pending: string[]; bad: string[] }> {
  const data: Record<string, AttachmentData> = {};
  const pending: string[] = [];
  const bad: string[] = [];
  const readable = links.filter((l) => isReadableLink(l.url)).slice(0, MAX_ATTACHMENTS);
  const tried = new Set<string>();
  for (const link of readable) {
    if (tried.has(link.url)) continue;
    tried.add(link.url);
    let got: AttachmentFetch;
    try {
      got = await fetch(link.url);
    } catch (err) {
      got = { kind: 'problem', status: 'failed', reason: `fetch threw: ${(err as Error).message}` };
    }
    if (got.kind === 'skip') continue;
    const entry =
      got.kind === 'file'
        ? await readAttachment(got.bytes, { name: link.name, contentType: got.contentType }, vocab)
        : attachmentProblem(got.status, got.reason);
    data[link.url] = entry;
    if (isPending(entry)) pending.push(link.url);
    if (isBadFile(entry)) bad.push(link.url);
  }
  return { data, pending, bad };
}
