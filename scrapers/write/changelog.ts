/**
 * The change log: content/changelog/<YYYY-MM-DD>.json, one file per Beijing day, schema
 * `changeDay`. Deterministic (entries sorted, keys sorted, duplicates dropped) and atomic.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beijingDate } from '../../src/model/beijing-date.ts';
import { changeDay, type ChangeEntry } from '../../src/model/schemas.ts';
import { jsonFileText, stableJson, withLock, writeAtomic } from './store.ts';

const order = (a: ChangeEntry, b: ChangeEntry) =>
  a.detectedAt.localeCompare(b.detectedAt) || a.record.localeCompare(b.record) || a.field.localeCompare(b.field) || stableJson(a).localeCompare(stableJson(b));

/** Merge entries into a day's list: sorted, without exact duplicates. Pure. */
function mergeEntries(existing: readonly ChangeEntry[], added: readonly ChangeEntry[]): ChangeEntry[] {
  const byKey = new Map<string, ChangeEntry>();
  for (const e of [...existing, ...added]) byKey.set(stableJson(e), e);
  return [...byKey.values()].sort(order);
}

const changelogPath = (date: string) => `changelog/${date}.json`;

/** Append entries to the day files they belong to (by Beijing date of detectedAt). */
export async function appendChanges(contentRoot: string, entries: readonly ChangeEntry[]): Promise<string[]> {
  const byDay = new Map<string, ChangeEntry[]>();
  for (const e of entries) {
    const day = beijingDate(e.detectedAt);
    const list = byDay.get(day);
    if (list) list.push(e);
    else byDay.set(day, [e]);
  }
  const written: string[] = [];
  for (const [day, added] of [...byDay].sort(([a], [b]) => a.localeCompare(b))) {
    const rel = changelogPath(day);
    const file = path.join(contentRoot, rel);
    await withLock(file, async () => {
      let existing: ChangeEntry[] = [];
      try {
        const parsed = changeDay.safeParse(JSON.parse(await readFile(file, 'utf8')));
        if (!parsed.success) throw new Error(`${rel}: not a valid change-log day: ${parsed.error.issues[0]?.message ?? ''}`);
        existing = parsed.data.changes;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      const text = jsonFileText({ date: day, changes: mergeEntries(existing, added) });
      await writeAtomic(file, text);
    });
    written.push(rel);
  }
  return written;
}
