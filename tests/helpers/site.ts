/** Test helpers: temporary content roots and real site builds. */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { shared } from './shared.ts';

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

const buildEnv = (contentDir: string, work: string, env: Record<string, string> = {}) => ({
  ...process.env,
  ROLLOUT_CONTENT_DIR: contentDir,
  ROLLOUT_OUT_DIR: path.join(work, 'dist'),
  ROLLOUT_CACHE_DIR: path.join(work, 'cache'),
  ...env,
});

const result = (status: number | null, output: string, outDir: string): BuildResult => ({
  status,
  output,
  outDir,
  read: (rel: string) => readFileSync(path.join(outDir, rel), 'utf8'),
});

/** Run the real `npm run build` pipeline (Astro + Pagefind) against a content root. */
export function buildSite(contentDir: string, env: Record<string, string> = {}): BuildResult {
  const work = tempDir('rollout-build-');
  const r = spawnSync(NODE, ['scripts/build.ts'], { cwd: ROOT, encoding: 'utf8', env: buildEnv(contentDir, work, env), timeout: 300_000 });
  return result(r.status, `${r.stdout}\n${r.stderr}`, path.join(work, 'dist'));
}

/** `buildSite` without blocking the worker, into `work`. */
export function buildSiteAsync(contentDir: string, work: string): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, ['scripts/build.ts'], { cwd: ROOT, env: buildEnv(contentDir, work), timeout: 300_000 });
    let output = '';
    child.stdout.on('data', (c: Buffer) => { output += c; });
    child.stderr.on('data', (c: Buffer) => { output += c; });
    child.on('error', reject);
    child.on('close', (status) => resolve(result(status, output, path.join(work, 'dist'))));
  });
}

/** A digest of every file under `dir` (names and bytes): the same content root, the same key. */
function treeDigest(dir: string): string {
  const h = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
  for (const f of files) h.update(f).update('\0').update(readFileSync(path.join(dir, f))).update('\0');
  return h.digest('hex').slice(0, 16);
}

/**
 * The real build of a content root, made once per test run and shared by every suite that asks
 * for the same content (by digest), whichever worker runs it. Treat its output as read-only.
 */
export async function sharedBuild(contentDir: string): Promise<BuildResult> {
  const { status, output, outDir } = await shared(`site-${treeDigest(contentDir)}`, (work) => buildSiteAsync(contentDir, work));
  return result(status, output, outDir);
}

export function runScript(script: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(NODE, [script, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
}
