/**
 * The Pagefind search index as an Astro integration: once Astro has written every page, Pagefind
 * (Node API) indexes the output folder into the bundles of src/lib/search-bundles.ts: the
 * catalogue, then the announcements per reading language, in shards. Each bundle gets its own
 * Pagefind process, closed before the next starts, so the memory peak is one bundle's, not the
 * site's. Any Pagefind error, a catalogue with no page, or an announcement page Pagefind did not
 * index fails the build. `npm run build` writes the same index with `writeSearchIndex` once the
 * Astro process has exited (scripts/build.ts); `astro build` writes it from this integration.
 *
 * What is indexed is decided by the pages themselves: Pagefind builds one index per `<html lang>`
 * (the English announcements bundles force theirs), reads `data-pagefind-body` / `-ignore` /
 * `-filter` / `-meta` / `-weight`, and announcement pages carry the word-split copy of their body
 * for the Chinese bundles (src/lib/search-text.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
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

/**
 * The most characters of page paths in one glob: Pagefind rejects a long one ("did not parse as a
 * valid glob": 4,000 paths of 60 characters fail, 2,000 pass), so a large bundle is added in
 * several globs.
 */
const GLOB_CHARS = 64_000;

/** `pathnames` in runs whose glob stays within GLOB_CHARS. */
function globRuns(pathnames: string[]): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let chars = 0;
  for (const p of pathnames) {
    if (run.length && chars + p.length > GLOB_CHARS) {
      runs.push(run);
      run = [];
      chars = 0;
    }
    run.push(p);
    chars += p.length + 'index.html,'.length + 1; // and a glob escape or two
  }
  if (run.length) runs.push(run);
  return runs;
}

/** A glob matching exactly these pages (Pagefind reads and parses them itself, in parallel). */
function pagesGlob(pathnames: string[]): string {
  const escapeGlob = (p: string) => p.replace(/[\\{}[\]*?,!]/g, '\\$&');
  return `{${pathnames.map((p) => `${escapeGlob(p)}index.html`).join(',')}}`;
}

/** Every announcement page in the output folder, sorted: a shard's pages are the same from one build to the next. */
export function announcementPages(outDir: string): string[] {
  const dir = path.join(outDir, 'announcements');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f === 'index.html' || f.endsWith(`${path.sep}index.html`))
    .map((f) => `announcements/${path.dirname(f) === '.' ? '' : `${path.dirname(f).split(path.sep).join('/')}/`}`)
    .sort();
}

/**
 * Writes every bundle of the site's search into `outDir`, one Pagefind process after another.
 * Returns what it did, in one line.
 */
export async function writeSearchIndex(outDir: string): Promise<string> {
  const t0 = performance.now();
  const announcements = announcementPages(outDir);
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
          add: async (index) => {
            let count = 0;
            for (const run of globRuns(shard))
              count += check(`indexing ${lang} announcements`, await index.addDirectory({ path: outDir, glob: pagesGlob(run) })).page_count;
            return count;
          },
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
  return `pagefind ${seconds(performance.now() - t0)} for ${indexed} pages (${each.join(', ')})`;
}

/**
 * Set by `npm run build` (scripts/build.ts), which renders in a child process and writes the
 * index once that process has exited: what the renderer keeps resident (over 1 GB at 5,000
 * announcements, native memory a collection does not return) then never adds to the indexer's.
 */
export const INDEX_AFTER_EXIT_ENV = 'ROLLOUT_INDEX_AFTER_EXIT';

export function searchIndex(): AstroIntegration {
  let started = 0;
  return {
    name: 'rollout:search-index',
    hooks: {
      'astro:build:start': () => {
        started = performance.now();
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        // The figures the benchmark reads (scripts/bench.ts): this line, and the `pagefind` one.
        const astro = `astro ${seconds(performance.now() - started)} for ${pages.length} pages`;
        if (process.env[INDEX_AFTER_EXIT_ENV]) {
          logger.info(`${astro}; the search index is written once this process has exited`);
          return;
        }
        collectGarbage();
        logger.info(`${astro}; ${await writeSearchIndex(fileURLToPath(dir))}`);
      },
    },
  };
}
