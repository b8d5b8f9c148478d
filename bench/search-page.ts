/** What a built search page merges into its query (src/pages/[lang]/search/index.astro). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The announcements bundles `/<lang>/search/` merges, read from the page itself. */
export function mergedBundles(dist: string, lang: 'en' | 'zh'): string[] {
  const page = readFileSync(path.join(dist, lang, 'search', 'index.html'), 'utf8');
  const m = /mergeIndex = (\[.*?\]);/.exec(page);
  if (!m) throw new Error(`/${lang}/search/: no mergeIndex list`);
  return (JSON.parse(m[1]!) as { bundlePath: string }[]).map((b) => b.bundlePath);
}
