/**
 * Name a record's owning source (scrapers/run/owner.ts decides which): only `sourceId` changes,
 * logged in the change log like any change; a record that already names it is left byte for byte.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChangeEntry } from '../../src/model/schemas.ts';
import { entryId, formatError, validateRecord } from '../../src/model/validate.ts';
import { appendChanges } from './changelog.ts';
import { composeFile, readFile as readAnnouncement } from './frontmatter.ts';
import { withLock, writeAtomic } from './store.ts';

export async function setOwner(contentRoot: string, rel: string, sourceId: string, o: { now: string; sourceUrl: string; dryRun?: boolean | undefined }): Promise<'changed' | 'unchanged' | 'error'> {
  const file = path.join(contentRoot, rel);
  return withLock(file, async () => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return 'error';
    }
    const { data, body } = readAnnouncement(text);
    if (data['sourceId'] === sourceId) return 'unchanged';
    const next = composeFile({ ...data, sourceId }, body);
    if (validateRecord('announcements', rel, next).map(formatError).length) return 'error';
    if (!o.dryRun) {
      await writeAtomic(file, next);
      const change: ChangeEntry = { record: `announcements/${entryId(rel.replace(/^announcements\//, ''))}`, field: 'sourceId', old: data['sourceId'] ?? null, new: sourceId, detectedAt: o.now, sourceUrl: o.sourceUrl };
      await appendChanges(contentRoot, [change]);
    }
    return 'changed';
  });
}
