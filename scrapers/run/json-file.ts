/**
 * Deterministic, atomic JSON files: keys sorted at every depth, 2-space indent, final newline,
 * written to a temp file and renamed (write-file-atomic), so a killed run leaves either the old
 * or the new file, never half of one.
 */
import { readFileSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';

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

export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, stableJson(value), { encoding: 'utf8' });
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
