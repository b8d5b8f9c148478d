import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractArticle, isExtractError } from '../../scrapers/extract/index.ts';
import { scorePage, SET_FIELDS, type Labels } from '../../scrapers/extract/score.ts';
import { vocab } from './helpers.ts';

// Invented pages with phrasings the shared fixtures do not use (see tests/fixtures/extract/README.md).
const FIX = path.resolve(process.cwd(), 'tests/fixtures/extract');
const expected: { pages: Record<string, Labels & { url: string }> } = JSON.parse(readFileSync(path.join(FIX, 'expected.json'), 'utf8'));

describe('held-out invented pages', () => {
  it.each(Object.entries(expected.pages))('%s', (file, gold) => {
    const r = extractArticle({ body: new Uint8Array(readFileSync(path.join(FIX, file))), url: gold.url }, vocab);
    if (isExtractError(r)) throw new Error(`${r.error}: ${r.reason}`);
    const s = scorePage(
      {
        ...r,
        cities: r.cities.map((c) => c.nameZh),
        measures: r.measures.map((m) => m.id),
        products: r.products.map((p) => p.nameZh),
        markets: r.markets.map((m) => m.id),
      },
      gold,
    );
    const problems = [
      ...Object.entries(s.exact)
        .filter(([, ok]) => !ok)
        .map(([f]) => `${f}: ${JSON.stringify((r as any)[f])}`),
      ...SET_FIELDS.flatMap((f) => [...s.sets[f].missing.map((x) => `${f} missing ${x}`), ...s.sets[f].extra.map((x) => `${f} extra ${x}`)]),
    ];
    expect(problems).toEqual([]);
  });
});
