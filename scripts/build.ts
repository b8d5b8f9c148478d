/**
 * `npm run build`: the Astro build; its search-index integration (src/integrations/search-index.ts)
 * writes the Pagefind index. Exit 1 when either fails.
 *
 * ROLLOUT_CONTENT_DIR picks the content root, ROLLOUT_OUT_DIR the output folder (default dist/),
 * ROLLOUT_CACHE_DIR Astro's cache. The build runs from its own copy of the site source
 * (scripts/site-staging.ts), so builds of different content roots can run at once; the copy is
 * removed when the build ends or is interrupted, and swept by a later build if the process was
 * killed outright.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'astro';
import { CONTENT_DIR_ENV, contentRoot } from '../src/model/content-root.ts';
import { stageSite, sweepStaleStages } from './site-staging.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const outDir = path.resolve(process.env.ROLLOUT_OUT_DIR ?? path.join(ROOT, 'dist'));
// Resolved before leaving the working folder: a relative ROLLOUT_CONTENT_DIR is relative to it.
process.env[CONTENT_DIR_ENV] = contentRoot(process.cwd());
const cacheDir = path.resolve(ROOT, process.env.ROLLOUT_CACHE_DIR ?? 'node_modules/.astro');

sweepStaleStages();
const staged = stageSite(ROOT);
const cleanup = () => rmSync(staged, { recursive: true, force: true });
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.on(signal, () => {
    cleanup();
    process.exit(code);
  });
}
console.log(`building from ${staged}`);

let status = 0;
try {
  // Astro writes its prerender bundle under <cwd>/.astro/.prerender when the output is elsewhere.
  process.chdir(staged);
  await build({ root: staged, outDir, cacheDir });
} catch (err) {
  console.error(`build failed: ${(err as Error).message}`);
  status = 1;
} finally {
  process.chdir(ROOT);
  cleanup();
}
process.exit(status);
