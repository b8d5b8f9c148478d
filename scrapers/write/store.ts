/**
 * Files the pipeline writes: stable JSON (keys sorted at every depth, so the same data is the
 * same bytes), atomic writes (a hidden temp file beside the target, fsynced, then renamed, so a
 * killed run leaves the old file or the new one, never half of one; `sweepTempFiles` removes the
 * temp files a kill left behind) and a per-file lock so concurrent writers in one process never
 * lose an update.
 */
import { closeSync, fsyncSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** JSON with object keys sorted at every level (undefined members dropped): same data, same bytes. */
export function stableJson(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

/** A JSON file's text: stable JSON, 2-space indent, final newline. */
export function jsonFileText(value: unknown): string {
  return `${stableJson(value, 2)}\n`;
}

const TEMP = /^\..+\.tmp-\d+$/;
let written = 0;
/** `.<name>.<n>.tmp-<pid>`: hidden, unique within the process, and recognisable by `sweepTempFiles`. */
const tempFor = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.${++written}.tmp-${process.pid}`);

/** Write `data` to `file` atomically (the folder must exist). */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempFor(file);
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** `writeFileAtomic`, synchronously. */
export function writeFileAtomicSync(file: string, data: string | Uint8Array): void {
  const tmp = tempFor(file);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Write `text` to `file` atomically, creating folders; returns false when the bytes are already there. */
export async function writeAtomic(file: string, text: string): Promise<boolean> {
  try {
    if ((await readFile(file, 'utf8')) === text) return false;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, text);
  return true;
}

/** Write `value` as a stable JSON file, atomically (the folder must exist). */
export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomicSync(file, jsonFileText(value));
}

/** Remove temp files of writes interrupted by a kill. */
export function sweepTempFiles(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) if (TEMP.test(n)) rmSync(path.join(dir, n), { force: true });
}

/** Read a JSON file; `fallback` when it does not exist. A corrupt file is an error, not a reset. */
export function readJson<T>(file: string, fallback: T): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw err;
  }
  return JSON.parse(text) as T;
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
