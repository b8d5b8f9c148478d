// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';

// The public URL of the deployed site; override for other deployments.
const site = process.env.ROLLOUT_SITE_URL ?? 'https://rollout-watch.github.io';

export default defineConfig({
  site,
  trailingSlash: 'always',
  integrations: [
    mdx(),
    sitemap({
      i18n: { defaultLocale: 'en', locales: { en: 'en', zh: 'zh-CN' } },
    }),
  ],
  i18n: {
    locales: ['en', { path: 'zh', codes: ['zh-CN', 'zh'] }],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  build: { format: 'directory' },
  // Announcement bodies are quoted source text: no typographic rewriting of quotes or dashes.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  // Separate caches let tests and benchmarks build several content roots side by side.
  cacheDir: process.env.ROLLOUT_CACHE_DIR ?? './node_modules/.astro',
  // The site never fetches: everything comes from the content root at build time.
  prefetch: false,
  devToolbar: { enabled: false },
});
