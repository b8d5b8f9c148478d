/**
 * Change some fields of a written announcement in place, under the file's lock: the record is
 * validated before it is written and each changed field is logged in the change log, like any
 * change; a record that needs no change is left byte for byte.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChangeEntry } from '../../src/model/schemas.ts';
import { entryId, formatError, validateRecord } from '../../src/model/validate.ts';
import { appendChanges } from './changelog.ts';
import { composeFile, readFile as readAnnouncement } from './frontmatter.ts';
import type { RecordData } from './record.ts';
import { withLock, writeAtomic } from './store.ts';

/**
 * `changes` says, from the record as it is, the fields to set (only those that differ count), or
 * null for none. 'error' when the file cannot be read or the changed record would be invalid.
 */
export async function amendAnnouncement(
  contentRoot: string,
  rel: string,
  changes: (data: RecordData) => RecordData | null,
  o: { now: string; sourceUrl: string; dryRun?: boolean | undefined },
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
    const wanted = changes(data) ?? {};
    const fields = Object.keys(wanted).filter((f) => data[f] !== wanted[f]);
    if (fields.length === 0) return 'unchanged';
    const next = composeFile({ ...data, ...wanted }, body);
    if (validateRecord('announcements', rel, next).map(formatError).length) return 'error';
    if (!o.dryRun) {
      await writeAtomic(file, next);
      const record = `announcements/${entryId(rel.replace(/^announcements\//, ''))}`;
      const logged: ChangeEntry[] = fields.map((field) => ({
        record,
        field,
        old: data[field] ?? null,
        new: wanted[field],
        detectedAt: o.now,
        sourceUrl: o.sourceUrl,
      }));
      await appendChanges(contentRoot, logged);
    }
    return 'changed';
  });
}
