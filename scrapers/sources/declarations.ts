/** What a source is: a declaration, never code. Adding a district or a feed is adding one of these. */
import { z } from 'zod';

const sourceKind = z.enum(['html-list', 'rss']);

/** The minimal interchange form (`--sources FILE`, ../shared/fixtures/sources.json). */
const minimalSource = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  kind: sourceKind,
  url: z.string().url(),
  district: z.string().nullable(),
  /** Optional: fetch this source with the browser strategy. */
  browser: z.boolean().optional(),
});

export const sourcesFile = z.object({ sources: z.array(minimalSource).min(1) }).passthrough();

export interface SourceDecl {
  id: string;
  kind: 'html-list' | 'rss';
  /** First list page or feed URL (https); null when the source is not configured. */
  url: string | null;
  district: string | null;
  publisher?: string | undefined;
  /** False when the URL is an unchecked guess (c.2019 column ids). */
  verified: boolean;
  browser?: boolean | undefined;
  /**
   * A district site whose columns are found on its home page: when `url` is null, or when the
   * declared (guessed) column stops answering.
   */
  discover?: { host: string; pathPrefix: string } | undefined;
  /** Why the source cannot run (url null and nothing to discover). */
  unconfiguredReason?: string | undefined;
  note?: string | undefined;
}
