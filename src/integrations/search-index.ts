/**
 * The Pagefind search index as an Astro integration: once Astro has written every page, Pagefind
 * (Node API) indexes the output folder and writes `<outDir>/pagefind/`. Any Pagefind error, or an
 * index with no page, fails the build.
 *
 * What is indexed is decided by the pages themselves: Pagefind builds one index per `<html lang>`,
 * reads `data-pagefind-body` / `-ignore` / `-filter` / `-meta` / `-weight`, and announcement pages
 * carry the word-split copy of their body for the zh index (src/lib/search-text.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Throws with every message when a Pagefind response carries errors. */
function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length) throw new Error(`Pagefind ${step} failed: ${response.errors.join('; ')}`);
  return response;
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
        const t0 = performance.now();
        const outDir = fileURLToPath(dir);
        try {
          const { index } = check('start', await createIndex({}));
          if (!index) throw new Error('Pagefind did not start');
          const { page_count } = check('indexing', await index.addDirectory({ path: outDir }));
          if (!page_count) throw new Error(`Pagefind indexed 0 pages in ${outDir}`);
          check('writing the index', await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') }));
          // One line with both figures: the benchmark reads it (scripts/bench.ts).
          logger.info(`astro ${seconds(astroMs)} for ${pages.length} pages; pagefind ${seconds(performance.now() - t0)} for ${page_count} pages`);
        } finally {
          await close();
        }
      },
    },
  };
}
