/**
 * CSV exports cannot be turned against the reader: a hostile (invented) title or product that
 * starts with a formula character reaches the spreadsheet as text, in the static export
 * (csv-stringify) and in the matrix page's client-side download (lib/csv-safe.ts) alike.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { FORMULA_START, csvField, csvLines, neutraliseFormula } from '../../src/lib/csv-safe.ts';
import { relScrapedLinks, SCRAPED_REL } from '../../src/lib/links.ts';

// Invented hostile cells (never real data).
const HOSTILE = [
  '=HYPERLINK("http://evil.example/x","点击查看")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  "@SUM(1,1)*cmd|'/C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
  '＋1',
  '－1',
  '＠SUM(A1)',
];
const HARMLESS = ['合成测试公告', 'a=b', 'plain, with "quotes"\r\nand a line break', '', "'already quoted"];

describe('neutraliseFormula', () => {
  it.each(HOSTILE)('prefixes an apostrophe to %j', (v) => {
    expect(neutraliseFormula(v)).toBe(`'${v}`);
    expect(FORMULA_START.test(neutraliseFormula(v))).toBe(false);
  });
  it.each(HARMLESS)('leaves %j as it is', (v) => expect(neutraliseFormula(v)).toBe(v));
});

describe('static export (csv-stringify escape_formulas) and client download (csv-safe) agree', () => {
  const rows = [...HOSTILE, ...HARMLESS].map((v, i) => ({ id: `r${i}`, title: v }));
  const server = '\uFEFF' + stringify(rows, { header: true, columns: ['id', 'title'], record_delimiter: 'windows', escape_formulas: true });
  const client = csvLines([['id', 'title'], ...rows.map((r) => [r.id, r.title])]);

  it('no parsed cell starts with a formula character', () => {
    for (const csv of [server, client]) {
      const parsed = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
      expect(parsed).toHaveLength(rows.length);
      for (const r of parsed) expect(FORMULA_START.test(r.title!), r.title).toBe(false);
    }
  });

  it('the two writers give the same cells, and the text survives behind the apostrophe', () => {
    const a = parse(server, { bom: true, columns: true }) as Record<string, string>[];
    const b = parse(client, { bom: true, columns: true }) as Record<string, string>[];
    expect(b).toEqual(a);
    a.forEach((r, i) => expect(r.title).toBe(neutraliseFormula(rows[i]!.title)));
  });

  it('quotes fields holding quotes, commas and line breaks', () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
  });
});

describe('links from scraped text', () => {
  it('every anchor of rendered Markdown gets nofollow ugc noopener, replacing any rel', () => {
    const html = '<p>见<a href="https://x.customs.gov.cn/a.html">附件</a> 与 <a rel="opener" href="https://evil.example/">这里</a> &lt;a href="x"&gt;</p>';
    const out = relScrapedLinks(html);
    expect(out).toBe(
      `<p>见<a rel="${SCRAPED_REL}" href="https://x.customs.gov.cn/a.html">附件</a> 与 <a rel="${SCRAPED_REL}" href="https://evil.example/">这里</a> &lt;a href="x"&gt;</p>`,
    );
    expect(SCRAPED_REL.split(' ')).toEqual(expect.arrayContaining(['nofollow', 'ugc', 'noopener']));
  });
});
