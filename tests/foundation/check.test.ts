import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyContentRoot, runScript } from '../helpers/site.ts';

const check = (root: string) => runScript('scripts/check-content.ts', [], { ROLLOUT_CONTENT_DIR: root });

describe('npm run check (content validation)', () => {
  it('passes on the bundled content', () => {
    const r = runScript('scripts/check-content.ts', []);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/33 cities/);
    expect(r.stdout).toMatch(/42 districts/);
  });

  // One broken record per collection kind: exit non-zero, name the file, the field, the reason.
  const broken: [string, string, (text: string) => string, RegExp][] = [
    ['edition', 'editions/2026.json', (t) => t.replace('"cities": 45', '"cities": "45"'), /editions\/2026\.json: cities: .+/],
    [
      'measure',
      'measures/paperless-trade.json',
      (t) => t.replace('"verification": "official"', '"verification": "rumour"'),
      /measures\/paperless-trade\.json: verification: .+/,
    ],
    ['city', 'cities/wuhan.json', (t) => t.replace('"participation": "confirmed"', '"participation": "maybe"'), /cities\/wuhan\.json: participation: .+/],
    ['district', 'districts/wuhan.json', (t) => t.replace('"host": "wuhan.customs.gov.cn"', '"host": "wuhan.example.com"'), /districts\/wuhan\.json: host: .+/],
    ['market', 'markets/vn.json', (t) => t.replace('"kind": "country"', '"kind": "planet"'), /markets\/vn\.json: kind: .+/],
    ['unparseable JSON', 'cities/kunming.json', (t) => t.slice(0, 40), /cities\/kunming\.json: \(file\): cannot be parsed/],
    [
      'vocabulary regex',
      'vocab/relevance.json',
      (t) => t.replace('"促进跨境贸易便利化专项行动"', '"(unclosed"'),
      /vocab\/relevance\.json: actionPatterns\.0: must be a valid regular expression/,
    ],
    [
      'vocabulary field',
      'vocab/measures.json',
      (t) => t.replace('"direction": "export"', '"direction": "sideways"'),
      /vocab\/measures\.json: measures\.[a-z-]+\.direction: .+/,
    ],
  ];
  it.each(broken)('reports a broken %s with file, field and reason', (_k, rel, mutate, pattern) => {
    const root = copyContentRoot();
    const file = path.join(root, rel);
    writeFileSync(file, mutate(readFileSync(file, 'utf8')));
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(pattern);
  });

  it('reports a bad announcement, a bad cell override and dangling references', () => {
    const root = copyContentRoot();
    mkdirSync(path.join(root, 'announcements', 'nanjing', '2026'), { recursive: true });
    writeFileSync(path.join(root, 'announcements', 'nanjing', '2026', 'x.md'), "---\ntitle: t\nurl: 'https://nanjing.customs.gov.cn/a.html'\n---\nbody\n");
    writeFileSync(
      path.join(root, 'cells', 'paperless-trade--atlantis.json'),
      JSON.stringify({
        measure: 'paperless-trade',
        city: 'atlantis',
        status: 'pilot',
        since: null,
        note: 'n',
        source: { url: 'https://x.gov.cn/' },
        reviewedAt: '2026-05-01T00:00:00Z',
      }),
    );
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/announcements\/nanjing\/2026\/x\.md: canonicalUrl: /);
    expect(r.stderr).toMatch(/announcements\/nanjing\/2026\/x\.md: signal: /);
    expect(r.stderr).toMatch(/cells\/paperless-trade--atlantis\.json: city: "atlantis" is not in the cities collection/);
  });

  it('reports a missing collection folder', () => {
    const root = copyContentRoot();
    rmSync(path.join(root, 'cells'), { recursive: true });
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cells: \(folder\): collection "cells" folder is missing/);
  });

  it('ignores files and folders starting with _', () => {
    const root = copyContentRoot();
    mkdirSync(path.join(root, 'cities', '_drafts'));
    writeFileSync(path.join(root, 'cities', '_drafts', 'x.json'), '{ not json');
    writeFileSync(path.join(root, 'cities', '_x.json'), '{ not json');
    expect(check(root).status).toBe(0);
  });
});
