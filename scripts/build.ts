/**
 * `npm run build`: the Astro build, then the Pagefind index (src/integrations/search-index.ts).
 * Exit 1 when either fails.
 *
 * Astro renders in a child process (scripts/astro-build.ts) and the index is written here once that
 * process has exited, so the memory the renderer keeps to the end (over 1 GB at 5,000
 * announcements) never adds to the indexer's. `astro build` run directly writes the index from the
 * same integration, in its own process.
 *
 * ROLLOUT_CONTENT_DIR picks the content root, ROLLOUT_OUT_DIR the output folder (default dist/),
 * ROLLOUT_CACHE_DIR Astro's cache. The build runs from its own copy of the site source
 * (scripts/site-staging.ts), so builds of different content roots can run at once; the copy is
 * removed when the build ends or is interrupted, and swept by a later build if the process was
 * killed outright.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_DIR_ENV, contentRoot } from '../src/model/content-root.ts';
import { INDEX_AFTER_EXIT_ENV, writeSearchIndex } from '../src/integrations/search-index.ts';
import { stageSite, sweepStaleStages } from './site-staging.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const outDir = path.resolve(process.env.ROLLOUT_OUT_DIR ?? path.join(ROOT, 'dist'));
// Resolved before leaving the working folder: a relative ROLLOUT_CONTENT_DIR is relative to it.
const content = contentRoot(process.cwd());
const cacheDir = path.resolve(ROOT, process.env.ROLLOUT_CACHE_DIR ?? 'node_modules/.astro');

sweepStaleStages();
const staged = stageSite(ROOT);
const cleanup = () => rmSync(staged, { recursive: true, force: true });
let renderer: ChildProcess | null = null;
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.on(signal, () => {
    // The renderer works inside the staging folder: it is gone before the folder is.
    const done = () => {
      cleanup();
      process.exit(code);
    };
    if (renderer && renderer.exitCode === null && renderer.signalCode === null) {
      renderer.once('exit', done);
      renderer.kill('SIGTERM');
    } else done();
  });
}
console.log(`building from ${staged}`);

const rendered = await new Promise<boolean>((resolve) => {
  renderer = spawn(process.execPath, [path.join(ROOT, 'scripts', 'astro-build.ts')], {
    cwd: staged,
    env: { ...process.env, [CONTENT_DIR_ENV]: content, ROLLOUT_OUT_DIR: outDir, ROLLOUT_CACHE_DIR: cacheDir, [INDEX_AFTER_EXIT_ENV]: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  renderer.on('error', (err) => {
    console.error(`build failed: ${err.message}`);
    resolve(false);
  });
  renderer.on('exit', (code) => resolve(code === 0));
});
cleanup();
let status = rendered ? 0 : 1;
if (rendered) {
  try {
    console.log(`[search-index] ${await writeSearchIndex(outDir)}`);
  } catch (err) {
    console.error(`build failed: ${(err as Error).message}`);
    status = 1;
  }
}
process.exit(status);
