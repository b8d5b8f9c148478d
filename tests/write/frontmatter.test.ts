import { parseFrontmatter as astroParseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { describe, expect, it } from 'vitest';
import { composeFile, dumpYaml, readFile } from '../../scrapers/write/frontmatter.ts';

const HOSTILE_TITLE = '---\ntitle: x\n--- {process.exit(1)} <script>alert(1)</script> `x` \'q\' "q" #c &a *b [c] \u202E';

describe('frontmatter with js-yaml 4 dump()', () => {
  const data = {
    title: HOSTILE_TITLE,
    publishedAt: '2026-05-08',
    firstSeenAt: '2026-05-09T01:02:03Z',
    eligibility: ['- 列表?', ': 冒号', '? 问号', '!tag', '&anchor', '*alias', '|', '>'],
    hs: ['0902', '010110'],
    boolish: 'yes',
    nul: 'null',
    num: '1e3',
  };

  it('reads back exactly as Astro reads it: dates and number-like strings stay strings', () => {
    const file = composeFile(data, 'body\n');
    const astro = astroParseFrontmatter(file);
    expect(astro.frontmatter).toEqual(data);
    expect(typeof (astro.frontmatter as Record<string, unknown>)['publishedAt']).toBe('string');
    expect(astro.content.trim()).toBe('body');
    expect(readFile(file)).toEqual({ data, body: 'body\n' });
  });

  it('is deterministic: sorted keys, one line per value, whatever the key order', () => {
    const reversed = Object.fromEntries(Object.entries(data).reverse());
    expect(dumpYaml(reversed)).toBe(dumpYaml(data));
    const keys = dumpYaml(data)
      .split('\n')
      .filter((l) => /^\S/.test(l))
      .map((l) => l.split(':')[0]);
    expect(keys).toEqual([...keys].sort());
  });

  it('never lets a value start a line with a block delimiter', () => {
    const front = dumpYaml({ title: HOSTILE_TITLE, more: '+++\n---' });
    expect(front).not.toMatch(/^(?:---|\+\+\+)/m);
  });

  it('drops undefined members instead of writing them', () => {
    expect(composeFile({ a: 1, b: undefined }, '')).toBe('---\na: 1\n---\n');
  });
});
