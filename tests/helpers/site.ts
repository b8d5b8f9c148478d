/** Test helpers: temporary content roots and real site builds. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The Node 24 binary the project pins (devDependency `node`). */
export const NODE = path.join(ROOT, 'node_modules', '.bin', 'node');
export const SHARED_FIXTURES = path.resolve(ROOT, '../shared/fixtures');

export function tempDir(prefix = 'rollout-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A copy of the real content root (or of `from`) in a temp folder, to modify freely. */
export function copyContentRoot(from = path.join(ROOT, 'content')): string {
  const dir = path.join(tempDir('rollout-content-'), 'content');
  cpSync(from, dir, { recursive: true });
  return dir;
}

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
  read: (rel: string) => string;
}

/** Run the real `npm run build` pipeline (Astro + Pagefind) against a content root. */
export function buildSite(contentDir: string, env: Record<string, string> = {}): BuildResult {
  const work = tempDir('rollout-build-');
  const outDir = path.join(work, 'dist');
  const r = spawnSync(NODE, ['scripts/build.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ROLLOUT_CONTENT_DIR: contentDir, ROLLOUT_OUT_DIR: outDir, ROLLOUT_CACHE_DIR: path.join(work, 'cache'), ...env },
    timeout: 300_000,
  });
  return {
    status: r.status,
    output: `${r.stdout}\n${r.stderr}`,
    outDir,
    read: (rel: string) => readFileSync(path.join(outDir, rel), 'utf8'),
  };
}

export function runScript(script: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(NODE, [script, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
}
