// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { searchIndex } from './src/integrations/search-index.ts';

const cacheDir = process.env.ROLLOUT_CACHE_DIR ?? './node_modules/.astro';

// The public URL of the deployed site; override for other deployments.
const site = process.env.ROLLOUT_SITE_URL ?? 'https://rollout-watch.github.io';

export default defineConfig({
  site,
  trailingSlash: 'always',
  integrations: [
    mdx(),
    // hreflang alternates of every /en/ and /zh/ page (each has its twin). Not the plugin's i18n
    // option: it pairs pages by scanning every URL for each page, quadratic at 40k pages.
    sitemap({
      serialize(item) {
        const url = new URL(item.url);
        const m = /^\/(en|zh)(\/.*)$/.exec(url.pathname);
        if (!m) return item;
        const twin = (/** @type {string} */ l) => new URL(`/${l}${m[2]}`, url).href;
        return {
          ...item,
          links: [
            { url: twin('en'), lang: 'en' },
            { url: twin('zh'), lang: 'zh-CN' },
          ],
        };
      },
    }),
    // Last, so it indexes the pages once every other integration has written its files.
    searchIndex(),
  ],
  i18n: {
    locales: ['en', { path: 'zh', codes: ['zh-CN', 'zh'] }],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  // One page at a time (Astro's default; 2 and 4 measured no faster here).
  build: { format: 'directory', concurrency: 1 },
  // Announcement bodies are quoted source text: no typographic rewriting of quotes or dashes.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  // Separate caches let tests and benchmarks build several content roots side by side: Astro's,
  // and Vite's, whose pre-bundled dependencies would otherwise be rewritten by two builds at once
  // in the node_modules every build's staging folder links to.
  cacheDir,
  vite: { cacheDir: `${cacheDir}/vite` },
  // The site never fetches: everything comes from the content root at build time.
  prefetch: false,
  devToolbar: { enabled: false },
});
