/**
 * One fetched article -> extract -> validate -> write (or count as irrelevant).
 * Implements `IngestArticle` (scrapers/types.ts); the crawler calls it once per article page.
 */
import type { FetchedArticle, IngestArticle, IngestResult } from './types.ts';

export const ingestArticle: IngestArticle = async (contentRoot, article, options): Promise<IngestResult> => {
  void contentRoot; void article; void options;
  return { outcome: 'error', reason: 'ingest not wired yet' };
};

export type { FetchedArticle };
