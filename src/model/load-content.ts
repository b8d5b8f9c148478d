/**
 * The content root read outside Astro (scripts such as `npm run review`): every record of the
 * collections a derivation needs, parsed with the same schemas as the site. Throws on a record
 * that does not validate, naming the file (`npm run check` reports them all).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import type { z } from 'zod';
import { COLLECTIONS, type CollectionName } from './schemas.ts';
import { entryId, parseRecord } from './validate.ts';

export interface Entry<N extends CollectionName> {
  id: string;
  data: z.infer<(typeof COLLECTIONS)[N]['schema']>;
}

export function loadCollection<N extends CollectionName>(root: string, name: N): Entry<N>[] {
  const { folder, pattern, schema } = COLLECTIONS[name];
  const dir = path.join(root, folder);
  if (!existsSync(dir)) return [];
  return globSync([...pattern], { cwd: dir })
    .sort()
    .map((f) => {
      const parsed = schema.safeParse(parseRecord(f, readFileSync(path.join(dir, f), 'utf8')));
      if (!parsed.success) throw new Error(`${path.join(dir, f)}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return { id: entryId(f), data: parsed.data as Entry<N>['data'] };
    });
}
