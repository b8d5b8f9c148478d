import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runEval, TARGET_F1 } from '../../scripts/eval.ts';

const SHARED = path.resolve(process.cwd(), '../shared/fixtures');
const hasShared = existsSync(path.join(SHARED, 'expected.json'));
if (!hasShared) console.warn(`[extract eval] skipped: ${SHARED} not found (the shared fixtures live beside the work tree)`);

describe.skipIf(!hasShared)('extraction quality on ../shared/fixtures', () => {
  const r = hasShared ? runEval(SHARED) : null;
  it('scores every labelled article page and feed-only item', () => {
    expect(r!.pages).toBeGreaterThanOrEqual(20);
  });
  it('gets every `relevant` right', () => {
    expect(r!.fields.find((f) => f.field === 'relevant')!.value).toBe(1);
  });
  it.each(['cities', 'measures', 'products', 'markets', 'eligibility'])(`%s F1 >= ${TARGET_F1}`, (field) => {
    const f = r!.fields.find((x) => x.field === field)!;
    expect(f.f1, JSON.stringify(r!.failures, null, 1)).toBeGreaterThanOrEqual(TARGET_F1);
  });
  it.each(['title', 'publishedAt', 'signal'])('%s exact on every page', (field) => {
    expect(r!.fields.find((x) => x.field === field)!.value, JSON.stringify(r!.failures, null, 1)).toBe(1);
  });
});
