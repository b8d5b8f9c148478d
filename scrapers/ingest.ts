/**
 * One fetched article -> extract -> validate -> write (or count as irrelevant).
 * Implements `IngestArticle` (scrapers/types.ts); the crawler calls it once per article page.
 *
 * Extraction is scrapers/extract/index.ts (`extractArticle`), loaded on first use so the writer
 * works and is testable on its own; `createIngest` takes any extractor of the same contract.
 */
import type { IngestArticle, IngestResult } from './types.ts';
import type { ExtractInput } from './extract/types.ts';
import type { ExtractedArticle } from './write/extracted.ts';
import { writeAnnouncement } from './write/write-announcement.ts';
import { archiveArticle, archiveDir } from './archive/store.ts';
import { readAttachments } from './attachments/fetch.ts';

/** What an extractor reads: the one input type of scrapers/extract. */
export type { ExtractInput };

/**
 * An extractor: an `ExtractedArticle`, or an object saying why the page could not be read
 * (`{error, reason}`). `contentRoot` is where its vocabularies live.
 */
export type Extractor = (input: ExtractInput, contentRoot: string) => unknown;

function extractionError(result: unknown): string | null {
  if (!result || typeof result !== 'object') return 'extractor returned nothing';
  const r = result as Record<string, unknown>;
  if (r['ok'] === false || typeof r['error'] === 'string' || (r['error'] && typeof r['error'] === 'object')) {
    const e = r['error'];
    const msg = typeof e === 'string' ? e : e && typeof e === 'object' ? String((e as Record<string, unknown>)['message'] ?? JSON.stringify(e)) : '';
    const reason = typeof r['reason'] === 'string' ? r['reason'] : '';
    return `extraction failed: ${[msg, reason].filter(Boolean).join(': ') || 'unknown error'}`;
  }
  if (typeof r['bodyHtml'] !== 'string' || typeof r['publishedAt'] !== 'string') return 'extraction result lacks bodyHtml or publishedAt';
  return null;
}

export function createIngest(getExtractor: () => Promise<Extractor>): IngestArticle {
  return async (contentRoot, article, options): Promise<IngestResult> => {
    let extracted: unknown;
    try {
      const extract = await getExtractor();
      extracted = await extract(
        { body: article.body, url: article.url, contentType: article.contentType, feedItem: article.feedItem, listDate: article.listItem.date },
        contentRoot,
      );
    } catch (err) {
      return { outcome: 'error', reason: `${article.url}: extraction threw: ${(err as Error).message}` };
    }
    const problem = extractionError(extracted);
    if (problem) return { outcome: 'error', reason: `${article.url}: ${problem}` };
    // No page bytes (a feed item's text) or a page the run judged wrong: replaced when the page answers.
    const provisional = article.provisional === true || article.body.length === 0;
    let ex: ExtractedArticle = { ...(extracted as ExtractedArticle), ...(provisional ? { provisional: true } : {}) };
    let pending: string[] = [];
    let bad: string[] = [];
    try {
      if (!options.dryRun && options.archive !== false) await archiveArticle(archiveDir(contentRoot), article, article.headers);
    } catch (err) {
      return { outcome: 'error', reason: `${article.url}: archive write failed: ${(err as Error).message}` };
    }
    if (options.fetchAttachment && ex.relevant && ex.attachments?.length) {
      const { loadVocabulary } = await import('./extract/vocab.ts');
      const read = await readAttachments(ex.attachments, options.fetchAttachment, loadVocabulary(contentRoot));
      ex = { ...ex, attachmentData: read.data };
      pending = read.pending;
      bad = read.bad;
    }
    try {
      const result = await writeAnnouncement(
        contentRoot,
        {
          sourceId: article.sourceId,
          district: article.district,
          url: article.url,
          linkedUrl: article.linkedUrl,
          listTitle: article.listItem.title,
          provenance: article.provenance,
        },
        ex,
        { now: options.now, dryRun: options.dryRun, pageAnswered: !provisional && !article.provenance },
      );
      return {
        outcome: result.outcome,
        file: result.file,
        reason: result.reason,
        ...(pending.length ? { pendingAttachments: pending } : {}),
        ...(bad.length ? { badAttachments: bad } : {}),
      };
    } catch (err) {
      return { outcome: 'error', reason: `${article.url}: write failed: ${(err as Error).message}` };
    }
  };
}

let defaultExtractor: Promise<Extractor> | null = null;
/** The project's extractor (scrapers/extract), with its method and version for the record. */
export const loadExtractArticle = (): Promise<Extractor> => {
  defaultExtractor ??= import('./extract/index.ts').then((m) => {
    const version = m.EXTRACTOR_VERSION;
    return ((input: ExtractInput, root: string) => {
      const r = m.extractArticle(input, m.loadVocabulary(root));
      // The writer records which extractor produced the tags (extraction.method/version).
      return 'error' in r ? r : { ...r, method: 'rules', version };
    }) satisfies Extractor;
  });
  return defaultExtractor;
};

/** The pipeline's ingest: the project's extractor, then the writer. */
export const ingestArticle: IngestArticle = createIngest(loadExtractArticle);
