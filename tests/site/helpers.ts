/** Helpers for the site tests: the test content root, built HTML, and Pagefind searches in Node. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as cheerio from 'cheerio';
import { serveDir } from '../helpers/fixture-server.ts';
import { ROOT } from '../helpers/site.ts';
import { mergedBundles } from '../../bench/search-page.ts';

/** The site tests' content root: the seed catalogue plus synthetic announcements, changelog and report. */
export const SITE_FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'site');

export function ids(folder: string): string[] {
  return readdirSync(path.join(SITE_FIXTURE, folder))
    .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
    .map((f) => f.replace(/\.json$/, ''));
}

export function readJson<T = unknown>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export function html(outDir: string, rel: string): cheerio.CheerioAPI {
  const file = path.join(outDir, rel, rel.endsWith('.html') ? '' : 'index.html');
  if (!existsSync(file)) throw new Error(`not built: ${rel}`);
  return cheerio.load(readFileSync(file, 'utf8'));
}

export interface SearchHit {
  url: string;
  title: string;
}

interface PagefindModule {
  options: (o: object) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (bundlePath: string) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (q: string) => Promise<{ results: { data: () => Promise<{ url: string; meta: { title: string } }> }[] }>;
}

/**
 * The built Pagefind index the way the browser reads it: pagefind.js fetches its index over HTTP,
 * so the dist folder is served from 127.0.0.1. `lang` picks the per-language index, and the
 * announcements bundles of that language are merged in, as the search page does after its first
 * answer.
 */
let instances = 0;
async function withPagefind<T>(outDir: string, lang: string, use: (pf: PagefindModule) => Promise<T>): Promise<T> {
  const server = await serveDir(outDir);
  const g = globalThis as { document?: unknown };
  const before = g.document;
  // pagefind.js reads <html lang> to pick the index; outside a browser we supply just that.
  g.document = { currentScript: null, querySelector: () => ({ getAttribute: () => lang }) };
  try {
    const url = pathToFileURL(path.join(outDir, 'pagefind', 'pagefind.js'));
    url.search = `?lang=${lang}&n=${++instances}`; // a fresh module instance per call: one merges its bundles once
    const pf = (await import(/* @vite-ignore */ url.href)) as PagefindModule;
    await pf.options({ basePath: `${server.url}/pagefind/` });
    await pf.init();
    for (const bundle of mergedBundles(outDir, lang.toLowerCase().startsWith('zh') ? 'zh' : 'en')) await pf.mergeIndex(`${server.url}${bundle}`);
    return await use(pf);
  } finally {
    g.document = before;
    await server.close();
  }
}

/** The first ten hits of each query, catalogue and announcements together. */
export function pagefindSearch(outDir: string, lang: string, queries: string[]): Promise<Record<string, SearchHit[]>> {
  return withPagefind(outDir, lang, async (pf) => {
    const out: Record<string, SearchHit[]> = {};
    for (const q of queries) {
      const r = await pf.search(q);
      const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
      out[q] = data.map((d) => ({ url: new URL(d.url).pathname, title: d.meta.title }));
    }
    return out;
  });
}

/** Every filter of the index and its values, with pages per value. */
export function pagefindFilters(outDir: string, lang: string): Promise<Record<string, Record<string, number>>> {
  return withPagefind(outDir, lang, (pf) => pf.filters());
}
