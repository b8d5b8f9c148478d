/**
 * The hand-over between the fetching half (scrapers/http, scrapers/sources, scrapers/crawl) and
 * the extraction/writing half (scrapers/extract, scrapers/write). Keep it small and stable.
 */
import type { AttachmentFetcher } from './attachments/fetch.ts';

/** One article page the crawler fetched, as the extraction/writing step receives it. */
export interface FetchedArticle {
  sourceId: string;
  /** District id of the source, or null for national sources. */
  district: string | null;
  /** Canonical https URL (tracking query stripped, final URL after a same-site redirect). */
  url: string;
  /** The URL as the list or feed linked it. */
  linkedUrl: string;
  /** Raw bytes of the page and its Content-Type header: extraction decodes them itself. */
  body: Uint8Array;
  contentType: string | null;
  /** Response headers (lower-case names), when the fetcher kept them: the archive keeps those that describe the bytes. */
  headers?: Record<string, string> | undefined;
  fetchedAt: string;
  /** What the list or feed said of the item. */
  listItem: { title?: string | undefined; date?: string | undefined };
  /** The page looked wrong (cut short, a maintenance page) or is missing: what is written is provisional. */
  provisional?: boolean | undefined;
  /** Present when the item came from a feed (its description may be the full text). */
  feedItem?: { title?: string | undefined; description?: string | undefined; pubDate?: string | undefined } | undefined;
  /** Present when the page is a saved copy given by hand (`npm run import`), not a fetch. */
  provenance?: ImportProvenance | undefined;
}

/** Where an imported page came from (the announcement's `provenance`). */
export interface ImportProvenance {
  via: 'import';
  note: string;
  file: string;
  sha256: string;
  importedAt: string;
  attachments: { file: string; sha256: string; url: string | null }[];
}

type IngestOutcome = 'new' | 'changed' | 'unchanged' | 'irrelevant' | 'error';

export interface IngestResult {
  outcome: IngestOutcome;
  /** Path of the written announcement file, relative to the content root, when one was written or kept. */
  file?: string | undefined;
  reason?: string | undefined;
  /** Attachments whose fetch failed for a transient reason: the item is worth another run. */
  pendingAttachments?: string[] | undefined;
  /** Those of `pendingAttachments` that answered a corrupt file or an HTML page: tried again after a pause. */
  badAttachments?: string[] | undefined;
}

/** Implemented in scrapers/ingest.ts: extract, classify, validate and write one article. */
export type IngestArticle = (contentRoot: string, article: FetchedArticle, options: IngestOptions) => Promise<IngestResult>;

interface IngestOptions {
  dryRun: boolean;
  now: string;
  /** Fetches a linked file through the run's client; without it attachments are listed, not read. */
  fetchAttachment?: AttachmentFetcher | undefined;
  /** Keep what extraction read in <content>/_archive (default true). */
  archive?: boolean | undefined;
}
