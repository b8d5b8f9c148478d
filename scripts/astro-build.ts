/**
 * The Astro build of a staged site, as a child of `npm run build` (scripts/build.ts), which sets
 * its working folder and environment. It ends when its parent does: a build killed outright
 * leaves no renderer behind.
 */
import { build } from 'astro';

process.on('disconnect', () => process.exit(1));
try {
  // Astro writes its prerender bundle under <cwd>/.astro/.prerender when the output is elsewhere.
  const { ROLLOUT_OUT_DIR: outDir, ROLLOUT_CACHE_DIR: cacheDir } = process.env;
  if (!outDir || !cacheDir) throw new Error('ROLLOUT_OUT_DIR and ROLLOUT_CACHE_DIR must be set (scripts/build.ts sets them)');
  await build({ root: process.cwd(), outDir, cacheDir });
  process.exit(0);
} catch (err) {
  console.error(`build failed: ${(err as Error).message}`);
  process.exit(1);
}
