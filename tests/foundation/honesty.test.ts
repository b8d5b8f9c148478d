import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { ROOT, SHARED_FIXTURES } from '../helpers/site.ts';

const contentFiles = globSync(['**/*.{json,md,mdx}', '!_state/**', '!**/_*'], { cwd: path.join(ROOT, 'content') });
const read = (f: string) => readFileSync(path.join(ROOT, 'content', f), 'utf8');

describe('honest data in content/', () => {
  it('holds no synthetic records', () => {
    for (const f of contentFiles) expect(read(f), f).not.toMatch(/"synthetic":\s*true|^synthetic:\s*true/m);
  });

  it('every catalogue record has a source, or says why none was found', () => {
    for (const f of contentFiles.filter((x) => /^(editions|measures|cities|districts|markets|products)\//.test(x))) {
      const r = JSON.parse(read(f));
      const hasSource = (r.sources?.length ?? 0) > 0 || (r.requirements ?? []).every((q: { source?: unknown }) => q.source);
      expect(hasSource || (r.verification === 'inferred' && r.note), f).toBeTruthy();
    }
  });

  it('reviewed evidence records are facts and links in our own words: sources read a stated way, no quoted text', () => {
    const records = contentFiles.filter((x) => x.startsWith('evidence/'));
    expect(records.length).toBeGreaterThan(0);
    for (const f of records) {
      const r = JSON.parse(read(f));
      expect(r.sources.length, f).toBeGreaterThan(0);
      for (const s of r.sources) expect(['official', 'official-via-mirror', 'trade-press'], f).toContain(s.verification);
      // Quotation marks would mean copied text.
      for (const text of [r.summary.en, r.summary.zh, r.note ?? '']) expect(text, f).not.toMatch(/[“”「」『』"]/);
    }
  });

  it('never copies an invented fixture URL into content/ (needs ../shared/fixtures)', (ctx) => {
    const expected = path.join(SHARED_FIXTURES, 'expected.json');
    if (!existsSync(expected)) {
      console.warn('SKIPPED: ../shared/fixtures is absent in this clone; the fixture-leak check runs in CI');
      ctx.skip();
      return;
    }
    const urls = [...new Set(readFileSync(expected, 'utf8').match(/https?:\/\/[^"\s]+/g) ?? [])];
    const all = contentFiles.map(read).join('\n');
    for (const u of urls) expect(all.includes(u), u).toBe(false);
  });
});
