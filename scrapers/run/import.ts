/**
 * Import by hand: a page (and its attachments) that a maintainer saved from a browser, for a
 * source the scraper cannot get through. The saved bytes go through the same checks and the
 * same ingest (extract, validate, write) as a fetched page; the announcement records that it
 * came from a saved copy. Only URLs on the allow-list (hosts of registered sources) are taken.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import type { FetchedArticle, ImportProvenance, IngestArticle, IngestResult } from '../types.ts';
import { checkUrl } from '../http/allowlist.ts';
import { decodeHtml } from '../http/charset.ts';
import { detectChallenge } from '../http/waf.ts';
import { checkArticlePage } from '../crawl/article-check.ts';
import { canonicalUrl } from '../crawl/canonical.ts';
import type { SourceDecl } from '../sources/declarations.ts';
import { registryHosts } from '../sources/registry.ts';
import { loadState } from './state.ts';
import type { AttachmentFetcher } from '../attachments/fetch.ts';

const IMPORT_NOTE = 'imported from a copy saved in a browser, not fetched by the scraper';

export interface ImportOptions {
  contentRoot: string;
  /** The page's address, as the browser showed it. */
  url: string;
  /** The saved page, then its attachments. */
  files: string[];
  sources: SourceDecl[];
  /** The source to file it under; by default the one that saw it, else the first on its host. */
  sourceId?: string | undefined;
  /** When the saved file's own charset declaration is wrong. */
  charset?: string | undefined;
  now: string;
  dryRun?: boolean | undefined;
  ingest: IngestArticle;
}

export interface ImportResult {
  url: string;
  sourceId: string;
  result: IngestResult;
  provenance: ImportProvenance;
}

export class ImportError extends Error {}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The source an article belongs to: named, the one whose seen items hold it, or the first on its host. */
function sourceFor(url: string, sources: SourceDecl[], seen: Record<string, Record<string, unknown>>, sourceId?: string): SourceDecl {
  if (sourceId) {
    const s = sources.find((x) => x.id === sourceId);
    if (!s) throw new ImportError(`unknown source id ${sourceId}`);
    return s;
  }
  const byState = Object.entries(seen).find(([, items]) => url in items)?.[0];
  const known = byState ? sources.find((s) => s.id === byState) : undefined;
  if (known) return known;
  const host = new URL(url).hostname;
  const onHost = sources.filter((s) => (s.url && new URL(s.url).hostname === host) || s.discover?.host === host).sort((a, b) => a.id.localeCompare(b.id));
  if (!onHost[0]) throw new ImportError(`no registered source on ${host}`);
  return onHost[0];
}

/** Attachment links of the saved page, by file name. */
function attachmentLinks(html: string, pageUrl: string): Map<string, string> {
  const $ = cheerio.load(html);
  const out = new Map<string, string>();
  $('a[href]').each((_, a) => {
    try {
      const u = new URL($(a).attr('href') ?? '', pageUrl);
      const name = decodeURIComponent(u.pathname.split('/').pop() ?? '');
      if (name && /\.[a-z0-9]{2,5}$/i.test(name) && !out.has(name)) out.set(name, u.href);
    } catch {
      // Not a link we can read.
    }
  });
  return out;
}

export async function importSaved(o: ImportOptions): Promise<ImportResult> {
  let url: string;
  try {
    url = canonicalUrl(o.url);
  } catch {
    throw new ImportError(`not a URL: ${o.url}`);
  }
  const allowed = checkUrl(url, registryHosts(o.sources));
  if (!allowed.ok) throw new ImportError(`${allowed.reason}: only pages of registered sources can be imported`);
  const [page, ...attachmentFiles] = o.files;
  if (!page) throw new ImportError('no saved page given');
  const body = new Uint8Array(readFileSync(page));
  const contentType = o.charset ? `text/html; charset=${o.charset}` : null;
  const html = decodeHtml(body, contentType).text;
  if (detectChallenge(200, html))
    throw new ImportError(`${page} is the JavaScript challenge page, not the article: open the page in a browser until the article shows, then save it again`);
  const check = checkArticlePage(html, url);
  if (check.kind === 'template-changed') throw new ImportError(`${page}: template changed: ${check.reason} (is it the page of ${url}?)`);

  const source = sourceFor(url, o.sources, loadState(o.contentRoot).seen, o.sourceId);
  const links = attachmentLinks(html, url);
  const provenance: ImportProvenance = {
    via: 'import',
    note: IMPORT_NOTE,
    file: path.basename(page),
    sha256: sha256(body),
    importedAt: o.now,
    attachments: attachmentFiles.map((f) => ({ file: path.basename(f), sha256: sha256(readFileSync(f)), url: links.get(path.basename(f)) ?? null })),
  };
  const article: FetchedArticle = {
    sourceId: source.id,
    district: source.district,
    url,
    linkedUrl: url,
    body,
    contentType,
    fetchedAt: o.now,
    listItem: {},
    provenance,
  };
  // The saved attachments are read as the scraper reads fetched ones; other links stay unread.
  const savedByUrl = new Map(
    attachmentFiles.flatMap((f) => {
      const u = links.get(path.basename(f));
      return u ? [[u, f] as const] : [];
    }),
  );
  const fetchAttachment: AttachmentFetcher = async (u) => {
    const f = savedByUrl.get(u);
    return f ? { kind: 'file', bytes: new Uint8Array(readFileSync(f)), contentType: null } : { kind: 'skip' };
  };
  const result = await o.ingest(o.contentRoot, article, { dryRun: o.dryRun ?? false, now: o.now, fetchAttachment });
  return { url, sourceId: source.id, result, provenance };
}
