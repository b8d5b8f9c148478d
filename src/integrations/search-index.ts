/**
 * The Pagefind search index as an Astro integration: once Astro has written every page, Pagefind
 * (Node API) indexes the output folder into the bundles of src/lib/search-bundles.ts: the
 * catalogue, then the announcements per reading language, in shards. Each bundle gets its own
 * Pagefind process, closed before the next starts, so the memory peak is one bundle's, not the
 * site's. Any Pagefind error, a catalogue with no page, or an announcement page that indexes to
 * nothing fails the build.
 *
 * What is indexed is decided by the pages themselves: Pagefind builds one index per `<html lang>`
 * (the English announcements bundles force theirs), reads `data-pagefind-body` / `-ignore` /
 * `-filter` / `-meta` / `-weight`, and announcement pages carry the word-split copy of their body
 * for the Chinese bundles (src/lib/search-text.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { AstroIntegration } from 'astro';
import { close, createIndex, type PagefindIndex, type PagefindServiceConfig } from 'pagefind';
import { LANGS } from '../i18n/ui.ts';
import { ANNOUNCEMENT_INDEX, CATALOGUE_BUNDLE, LANGUAGE_PAGES_GLOB, SHARD_PAGES, announcementsBundle, shardCount } from '../lib/search-bundles.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Throws with every message when a Pagefind response carries errors. */
function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length) throw new Error(`Pagefind ${step} failed: ${response.errors.join('; ')}`);
  return response;
}

/**
 * What Astro allocated while rendering is garbage once every page is written, but V8 collects it
 * lazily: without a full collection the build process keeps more of its rendering peak resident
 * while Pagefind runs beside it, and the two add up.
 */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

interface Bundle {
  name: string;
  url: string;
  config: PagefindServiceConfig;
  /** Adds the bundle's pages; returns how many Pagefind indexed. */
  add: (index: PagefindIndex) => Promise<number>;
  expected: number;
}

/** Index one bundle in its own Pagefind process; the process is gone when this returns. */
async function writeBundle(outDir: string, b: Bundle): Promise<number> {
  try {
    const { index } = check(`start (${b.name})`, await createIndex(b.config));
    if (!index) throw new Error('Pagefind did not start');
    const count = await b.add(index);
    if (count < b.expected) throw new Error(`Pagefind indexed ${count} of ${b.expected} ${b.name} pages in ${outDir}`);
    check(`writing ${b.name}`, await index.writeFiles({ outputPath: path.join(outDir, b.url) }));
    return count;
  } finally {
    await close();
  }
}

/** A glob matching exactly these pages (Pagefind reads and parses them itself, in parallel). */
function pagesGlob(pathnames: string[]): string {
  const escapeGlob = (p: string) => p.replace(/[\\{}[\]*?,!]/g, '\\$&');
  return `{${pathnames.map((p) => `${escapeGlob(p)}index.html`).join(',')}}`;
}

export function searchIndex(): AstroIntegration {
  let started = 0;
  return {
    name: 'rollout:search-index',
    hooks: {
      'astro:build:start': () => {
        started = performance.now();
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const astroMs = performance.now() - started;
        const pageCount = pages.length;
        // Sorted, so a shard's pages are the same from one build to the next.
        const announcements = pages
          .map((p) => p.pathname)
          .filter((p) => p.startsWith('announcements/'))
          .sort();
        collectGarbage();
        const t0 = performance.now();
        const outDir = fileURLToPath(dir);
        const bundles: Bundle[] = [
          {
            name: 'catalogue',
            url: CATALOGUE_BUNDLE,
            config: {},
            expected: 1,
            add: async (index) => check('indexing the catalogue', await index.addDirectory({ path: outDir, glob: LANGUAGE_PAGES_GLOB })).page_count,
          },
          // No announcement (an empty content root): no announcements bundle, and the search page merges none.
          ...LANGS.flatMap((lang) => {
            const size = SHARD_PAGES[lang];
            return Array.from({ length: shardCount(lang, announcements.length) }, (_, i): Bundle => {
              const shard = announcements.slice(i * size, (i + 1) * size);
              return {
                name: `announcements (${lang}, ${i + 1})`,
                url: announcementsBundle(lang, i),
                config: ANNOUNCEMENT_INDEX[lang],
                expected: shard.length,
                add: async (index) => check(`indexing ${lang} announcements`, await index.addDirectory({ path: outDir, glob: pagesGlob(shard) })).page_count,
              };
            });
          }),
        ];
        let indexed = 0;
        const each: string[] = [];
        for (const b of bundles) {
          const t = performance.now();
          const n = await writeBundle(outDir, b);
          indexed += n;
          each.push(`${b.name} ${n} in ${seconds(performance.now() - t)}`);
        }
        // One line with both figures: the benchmark reads it (scripts/bench.ts).
        logger.info(`astro ${seconds(astroMs)} for ${pageCount} pages; pagefind ${seconds(performance.now() - t0)} for ${indexed} pages (${each.join(', ')})`);
      },
    },
  };
}
