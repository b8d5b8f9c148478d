/**
 * Mark a known announcement withdrawn: `withdrawnAt` is the Beijing date the page was first seen
 * gone (404/410 or a withdrawal notice). The record is kept with everything else unchanged; a
 * record already withdrawn keeps its first date. Logged in the change log like any change.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beijingDate } from '../../src/model/beijing-date.ts';
import type { ChangeEntry } from '../../src/model/schemas.ts';
import { entryId, formatError, validateRecord } from '../../src/model/validate.ts';
import { appendChanges } from './changelog.ts';
import { composeFile, readFile as readAnnouncement } from './frontmatter.ts';
import { withLock, writeAtomic } from './store.ts';

export async function markWithdrawn(contentRoot: string, rel: string, o: { now: string; sourceUrl: string; dryRun?: boolean | undefined }): Promise<'withdrawn' | 'unchanged' | 'error'> {
  const file = path.join(contentRoot, rel);
  return withLock(file, async () => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return 'error';
    }
    const { data, body } = readAnnouncement(text);
    if (typeof data['withdrawnAt'] === 'string') return 'unchanged';
    const date = beijingDate(o.now);
    const next = composeFile({ ...data, withdrawnAt: date }, body);
    if (validateRecord('announcements', rel, next).map(formatError).length) return 'error';
    if (!o.dryRun) {
      await writeAtomic(file, next);
      const change: ChangeEntry = { record: `announcements/${entryId(rel.replace(/^announcements\//, ''))}`, field: 'withdrawnAt', old: null, new: date, detectedAt: o.now, sourceUrl: o.sourceUrl };
      await appendChanges(contentRoot, [change]);
    }
    return 'withdrawn';
  });
}
