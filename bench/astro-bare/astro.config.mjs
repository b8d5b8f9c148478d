// @ts-check
/**
 * Bare Astro as a second yardstick for `npm run bench`: the same synthetic announcements Eleventy
 * builds (bench/eleventy/), as plain pages from one Astro content collection and one page
 * template, with the site's Markdown processor and nothing else (no layout components, feeds,
 * search or other pages). It shows what Astro itself costs per page on this machine.
 * The input folder comes from ASTRO_BARE_INPUT, the output from ASTRO_BARE_OUT.
 */
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';

const outDir = process.env.ASTRO_BARE_OUT;
if (!outDir) throw new Error('ASTRO_BARE_OUT: where to write the pages');

export default defineConfig({
  site: 'https://example.invalid',
  trailingSlash: 'always',
  outDir,
  cacheDir: process.env.ASTRO_BARE_CACHE ?? './node_modules/.astro',
  build: { format: 'directory', concurrency: 1 },
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  prefetch: false,
  devToolbar: { enabled: false },
});
