/**
 * What the writer takes: the fields of an extraction result (`Extracted`, scrapers/extract/types.ts)
 * that it reads, and what the run adds to them.
 */
import type { AttachmentData } from '../attachments/entry.ts';
import type { Extracted } from '../extract/types.ts';

export type ExtractedArticle = Pick<
  Extracted,
  'title' | 'publishedAt' | 'relevant' | 'cities' | 'measures' | 'products' | 'markets' | 'eligibility' | 'signal' | 'confidence' | 'bodyHtml'
> &
  Partial<Pick<Extracted, 'attachments' | 'candidates'>> & {
    /** What was read from linked files, by absolute URL (scrapers/attachments/entry.ts). */
    attachmentData?: Readonly<Record<string, AttachmentData>> | undefined;
    /** Read from a feed item or from a page that looked wrong: replaced when the full page answers. */
    provisional?: boolean | undefined;
    /** Extraction method/version, when the extractor names them. */
    method?: string | undefined;
    version?: string | undefined;
  };
