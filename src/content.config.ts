import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import {
  COLLECTIONS,
  announcement,
  cellOverride,
  reviewedEvidence,
  changeDay,
  city,
  district,
  edition,
  market,
  measure,
  product,
  type CollectionName,
} from './model/schemas.ts';
import { contentRoot } from './model/content-root.ts';

const root = contentRoot();

/** The glob loader of one collection, under the content root. */
function loaderFor(name: CollectionName, options: { retainBody?: boolean } = {}) {
  const { folder, pattern } = COLLECTIONS[name];
  const base = path.join(root, folder);
  // Astro only warns about a missing base folder; for us it is a broken checkout, so fail.
  if (!existsSync(base)) {
    throw new Error(`Content folder missing: ${base} (collection "${name}"). Every collection needs its folder, even when empty (keep a _README.md in it).`);
  }
  return glob({ pattern: [...pattern], base, ...options });
}

export const collections = {
  editions: defineCollection({ loader: loaderFor('editions'), schema: edition }),
  measures: defineCollection({ loader: loaderFor('measures'), schema: measure }),
  cities: defineCollection({ loader: loaderFor('cities'), schema: city }),
  districts: defineCollection({ loader: loaderFor('districts'), schema: district }),
  products: defineCollection({ loader: loaderFor('products'), schema: product }),
  markets: defineCollection({ loader: loaderFor('markets'), schema: market }),
  // Pages render the pre-rendered HTML (render(entry)); nothing reads the raw Markdown body, so
  // the data store need not keep a second copy of every announcement text.
  announcements: defineCollection({ loader: loaderFor('announcements', { retainBody: false }), schema: announcement }),
  cells: defineCollection({ loader: loaderFor('cells'), schema: cellOverride }),
  evidence: defineCollection({ loader: loaderFor('evidence'), schema: reviewedEvidence }),
  changelog: defineCollection({ loader: loaderFor('changelog'), schema: changeDay }),
};
