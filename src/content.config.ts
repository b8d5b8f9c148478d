import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { COLLECTIONS, type CollectionName } from './model/schemas.ts';
import { contentRoot } from './model/content-root.ts';

const root = contentRoot();

function collection<N extends CollectionName>(name: N) {
  const { folder, pattern, schema } = COLLECTIONS[name];
  const base = path.join(root, folder);
  // Astro only warns about a missing base folder; for us it is a broken checkout, so fail.
  if (!existsSync(base)) {
    throw new Error(
      `Content folder missing: ${base} (collection "${name}"). Every collection needs its folder, even when empty (keep a _README.md in it).`,
    );
  }
  return defineCollection({ loader: glob({ pattern: [...pattern], base }), schema: schema as (typeof COLLECTIONS)[N]['schema'] });
}

export const collections = {
  editions: collection('editions'),
  measures: collection('measures'),
  cities: collection('cities'),
  districts: collection('districts'),
  products: collection('products'),
  markets: collection('markets'),
  announcements: collection('announcements'),
  cells: collection('cells'),
  changelog: collection('changelog'),
};
