/** The extraction result the writer (scrapers/ingest.ts) and the CLI consume. */
import type { z } from 'zod';
import type { Signal } from '../../src/model/status.ts';
import type { SiteFamily } from '../sites/families.ts';
import type { CityMention, announcementProduct } from '../../src/model/schemas.ts';

export interface FeedItemInput {
  title?: string | undefined;
  description?: string | undefined;
  pubDate?: string | undefined;
}

export interface ExtractInput {
  body: Uint8Array;
  url: string;
  contentType?: string | null | undefined;
  feedItem?: FeedItemInput | undefined;
  /** The list page's date for this item (YYYY-MM-DD), when the article was reached from a list. */
  listDate?: string | undefined;
}

export interface MeasureRef {
  id: string;
  nameZh: string;
}
/** A product as announcements store it: core noun, the page's form as display, lexicon id and HS codes. */
export type ProductRef = z.infer<typeof announcementProduct>;
export interface MarketRef {
  id: string;
}
export interface Attachment {
  name: string;
  url: string;
  type: string;
}

/** Why one label was given: the vocabulary entry (keyword/rule) and where it was found. */
export interface Explanation {
  field: 'relevant' | 'cities' | 'measures' | 'products' | 'markets' | 'eligibility' | 'signal' | 'title' | 'publishedAt' | 'template' | 'tables';
  value: string;
  rule: string;
  keyword?: string;
  /** Character offset in the body text (-1: title or metadata). */
  position: number;
  excerpt?: string;
}

/** A site family's article template (scrapers/sites/families.ts), a feed item, or the generic fallback. */
export type Template = SiteFamily['extractTemplate'] | 'feed' | 'generic';

export interface Extracted {
  title: string;
  publishedAt: string;
  relevant: boolean;
  /** Every city named as a place where a measure runs, catalogue (id) or not (id null). */
  cities: CityMention[];
  measures: MeasureRef[];
  products: ProductRef[];
  markets: MarketRef[];
  eligibility: string[];
  signal: Signal;
  confidence: number;
  template: Template;
  /** Sanitised article fragment: chrome, scripts, styles, event attributes and non-http(s) links removed; links absolute. */
  bodyHtml: string;
  /** Plain text of the body, one block per line (what classification read). */
  bodyText: string;
  attachments: Attachment[];
  candidates: { measures: string[] };
  explain: Explanation[];
}

export interface ExtractError {
  error: string;
  url: string;
  reason: string;
}

export const isExtractError = (r: Extracted | ExtractError): r is ExtractError => 'error' in r;
