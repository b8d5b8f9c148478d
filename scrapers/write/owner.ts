/**
 * Name a record's owning source (scrapers/run/owner.ts decides which), and its canonical link when
 * any source links the page so (else `url` stays the first link seen, e.g. a feed's http:// one):
 * only `sourceId` and `url` change, logged in the change log like any change; a record that
 * already says so is left byte for byte.
 */
import { amendAnnouncement } from './amend.ts';

export function setOwner(
  contentRoot: string,
  rel: string,
  sourceId: string,
  o: { now: string; sourceUrl: string; linkedCanonically?: boolean | undefined; dryRun?: boolean | undefined },
): Promise<'changed' | 'unchanged' | 'error'> {
  return amendAnnouncement(
    contentRoot,
    rel,
    (data) => {
      const canonical = o.linkedCanonically && typeof data['canonicalUrl'] === 'string' ? data['canonicalUrl'] : null;
      return { sourceId, ...(canonical ? { url: canonical } : {}) };
    },
    o,
  );
}
