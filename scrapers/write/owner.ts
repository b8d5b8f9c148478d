/**
 * Name a record's owning source (scrapers/run/owner.ts decides which), and its canonical link when
 * any source links the page so (else `url` stays the first link seen, e.g. a feed's http:// one):
 * only `sourceId` and `url` change, logged in the change log like any change; a record that
 * already says so is left byte for byte.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChangeEntry } from '../../src/model/schemas.ts';
import { entryId, formatError, validateRecord } from '../../src/model/validate.ts';
import { appendChanges } from './changelog.ts';
import { composeFile, readFile as readAnnouncement } from './frontmatter.ts';
import { withLock, writeAtomic } from './store.ts';

export async function setOwner(
  contentRoot: string,
  rel: string,
  sourceId: string,
  o: { now: string; sourceUrl: string; linkedCanonically?: boolean | undefined; dryRun?: boolean | undefined },
): Promise<'changed' | 'unchanged' | 'error'> {
  const file = path.join(contentRoot, rel);
  return withLock(file, async () => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return 'error';
    }
    const { data, body } = readAnnouncement(text);
    const canonical = o.linkedCanonically && typeof data['canonicalUrl'] === 'string' ? data['canonicalUrl'] : null;
    const wanted: Record<string, unknown> = { sourceId, ...(canonical ? { url: canonical } : {}) };
    const fields = Object.keys(wanted).filter((f) => data[f] !== wanted[f]);
    if (fields.length === 0) return 'unchanged';
    const next = composeFile({ ...data, ...wanted }, body);
    if (validateRecord('announcements', rel, next).map(formatError).length) return 'error';
    if (!o.dryRun) {
      await writeAtomic(file, next);
      const record = `announcements/${entryId(rel.replace(/^announcements\//, ''))}`;
      const changes: ChangeEntry[] = fields.map((field) => ({ record, field, old: data[field] ?? null, new: wanted[field], detectedAt: o.now, sourceUrl: o.sourceUrl }));
      await appendChanges(contentRoot, changes);
    }
    return 'changed';
  });
}
