/**
 * Deterministic, atomic JSON files: keys sorted at every depth, 2-space indent, final newline,
 * written to a hidden temp file, fsynced and renamed, so a killed run leaves either the old or the
 * new file, never half of one. Temp files a kill left behind are swept by `sweepTempFiles`.
 */
import { closeSync, fsyncSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as Record<string, unknown>).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

const TEMP = /^\..+\.tmp-\d+$/;

export function writeFileAtomicSync(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  writeFileAtomicSync(file, stableJson(value));
}

/** Remove temp files of writes interrupted by a kill (ours are `.<name>.tmp-<pid>`). */
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
