/**
 * What the writer needs from extraction: the shape of a successful `extractArticle` result
 * (scrapers/extract/index.ts owns the real type). Declared here structurally so the writer can be
 * built and tested independently, and so a richer `Extracted` is accepted as-is.
 */
import type { Signal } from '../../src/model/status.ts';
import type { AttachmentData } from '../attachments/entry.ts';

export interface ExtractedArticle {
  title: string;
  publishedAt: string;
  relevant: boolean;
  /** City mentions; those with an adcode are written as `cityMentions`, the ids as `cities`. */
  cities: readonly { id: string | null; nameZh?: string | undefined; nameEn?: string | undefined; adcode?: string | undefined; via?: readonly string[] | undefined }[];
  measures: readonly { id: string | null; nameZh?: string | undefined }[];
  products: readonly { id: string | null; nameZh: string; display?: string | undefined; hs?: readonly string[] | string | undefined }[];
  markets: readonly { id: string }[];
  eligibility: readonly string[];
  signal: Signal;
  confidence: number;
  /** Sanitised (or not: the writer sanitises again) article DOM fragment. */
  bodyHtml: string;
  attachments?: readonly { name: string; url: string; type: string }[] | undefined;
  /** What was read from linked files, by absolute URL (scrapers/attachments/entry.ts). */
  attachmentData?: Readonly<Record<string, AttachmentData>> | undefined;
  candidates?: { cities?: readonly string[] | undefined; measures?: readonly string[] | undefined } | undefined;
  /** Read from a feed item or from a page that looked wrong: replaced when the full page answers. */
  provisional?: boolean | undefined;
  /** Extraction method/version, when the extractor names them. */
  method?: string | undefined;
  version?: string | undefined;
}
