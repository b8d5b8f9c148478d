/**
 * File I/O for the writer: atomic writes (temp file + rename, via write-file-atomic), a per-file
 * lock so concurrent ingests in one process never lose an update, and stable JSON.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** Write `text` to `file` atomically, creating folders; returns false when the bytes are already there. */
export async function writeAtomic(file: string, text: string): Promise<boolean> {
  try {
    if ((await readFile(file, 'utf8')) === text) return false;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, text, { encoding: 'utf8' });
  return true;
}

const locks = new Map<string, Promise<unknown>>();

/** Run `fn` while holding the in-process lock for `key` (a file path). */
export async function withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const settled = run.catch(() => undefined);
  locks.set(key, settled);
  try {
    return await run;
  } finally {
    if (locks.get(key) === settled) locks.delete(key);
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** JSON with object keys sorted at every level: same data, same bytes. */
export function stableJson(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent);
}
