/** What a built search page merges into its query (src/pages/[lang]/search/index.astro). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The announcements bundles `/<lang>/search/` merges after the catalogue, read from the page itself. */
export function mergedBundles(dist: string, lang: 'en' | 'zh'): string[] {
  const page = readFileSync(path.join(dist, lang, 'search', 'index.html'), 'utf8');
  const m = /<form id="search-form"[^>]*\sdata-bundles="([^"]*)"/.exec(page);
  if (!m) throw new Error(`/${lang}/search/: no data-bundles on #search-form`);
  return JSON.parse(
    m[1]!
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  ) as string[];
}
