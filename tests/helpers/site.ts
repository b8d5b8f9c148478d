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
    child.stdout.on('data', (c: Buffer) => {
      output += c;
    });
    child.stderr.on('data', (c: Buffer) => {
      output += c;
    });
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
  for (const f of files)
    h.update(f)
      .update('\0')
      .update(readFileSync(path.join(dir, f)))
      .update('\0');
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

export interface ScriptRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr as they came. */
  output: string;
}

/**
 * `runScript` without blocking this process (a script talking to a server that lives here).
 * `preload`: a module for `node --import`; `killWhen`: SIGKILL the script as soon as its output
 * so far matches.
 */
export function runScriptAsync(
  script: string,
  args: string[],
  o: { env?: Record<string, string>; preload?: string; killWhen?: (output: string) => boolean } = {},
): Promise<ScriptRun> {
  return new Promise((resolve) => {
    const child = spawn(NODE, [...(o.preload ? ['--import', o.preload] : []), script, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...o.env },
      timeout: 150_000,
      killSignal: 'SIGKILL',
    });
    const run = { stdout: '', stderr: '', output: '' };
    const take = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      run[stream] += chunk;
      run.output += chunk;
      if (o.killWhen?.(run.output) && child.exitCode === null) child.kill('SIGKILL');
    };
    child.stdout.on('data', take('stdout'));
    child.stderr.on('data', take('stderr'));
    child.on('close', (status, signal) => resolve({ status, signal, ...run }));
  });
}
