/**
 * Extraction quality gates: every labelled set that is not blind (the shared fixtures, when
 * present, and each development batch) stays at or above its floor in
 * tests/fixtures/extract/floors.json, and no page of any such set crashes the extractor. Blind
 * batches are never scored here: their first score is taken once, by `npm run eval -- --record-first`.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { belowFloor, readFloors, scoreSet } from '../../scripts/eval.ts';
import { findSets } from '../../scrapers/extract/eval-sets.ts';

const SHARED = path.resolve(process.cwd(), '../shared/fixtures');
const sets = findSets(SHARED);
const floors = readFloors();
if (!sets.some((s) => s.kind === 'fixtures'))
  console.warn(`SKIPPED: extraction eval over ${SHARED} (not found: the shared fixtures live beside the work tree)`);
const gating = sets.filter((s) => s.kind !== 'blind');

describe('extraction quality on the labelled sets that gate', () => {
  it('has floors for every gating set', () => {
    for (const s of gating) expect(floors[s.name], `no floors for ${s.name}`).toBeDefined();
  });
  it.each(gating.map((s) => [s.name, s] as const))('%s: no crash and every field at or above its floor', (_, set) => {
    const r = scoreSet(set);
    expect(r.pages).toBeGreaterThan(0);
    expect(
      r.crashes,
      JSON.stringify(
        r.failures.filter((f) => f.diffs.some((d) => d.startsWith('CRASH'))),
        null,
        1,
      ),
    ).toBe(0);
    expect(belowFloor(r, floors), JSON.stringify(r.failures, null, 1)).toEqual([]);
  });
});
