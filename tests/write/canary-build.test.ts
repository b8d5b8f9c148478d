/**
 * The hostile canary: an invented article whose every line looks like code, markup or YAML is
 * written by the real writer (as .md, and a copy as .mdx) into a temporary content root, then the
 * REAL site is built over it (scripts/build.ts: astro build + pagefind). The build must succeed,
 * and the announcement pages must show every line as literal text with no injected element.
 */
import * as cheerio from 'cheerio';
import { SCRAPED_REL } from '../../src/lib/links.ts';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeAnnouncement } from '../../scrapers/write/write-announcement.ts';
import { buildSite, copyContentRoot, ROOT, type BuildResult } from '../helpers/site.ts';
import { city, extracted } from './_extracted.ts';

const BODY = readFileSync(path.join(ROOT, 'tests/fixtures/write/hostile-article.html'), 'utf8');
const TITLE = "---\ntitle: x\n--- {process.exit(1)} <script>alert(1)</script> `x` import y from 'z'";
const url = (n: number) => `https://kunming.customs.gov.cn/kunming_customs/611308/611311/611312/${n}/index.html`;

const LITERAL = [
  '一、{process.exit(1)} 标题',
  '<script>alert(1)</script>',
  '<Foo bar="1" />',
  "import fs from 'fs'",
  'export const x = 1',
  '---',
  'title: x',
  '`backticks` ```fence```',
  '<!-- not a comment --> &amp; &#x41;',
  'bidi: \u202Etxet desrever\u202C \u2066isolate\u2069',
  '{`${process.env.HOME}`} {/* mdx comment */}',
  '“全角引号”【方括号】——破折号……',
  '{list.item}',
  '<Bar />',
  '产品 {name}',
  '<td>|pipe|',
  'javascript link text',
  'safe link',
];
const GONE = ['real script', "alert('img')", 'display:none', 'evil.example', "alert('link')", "alert('onclick')", "alert('h2')"];
const ALLOWED = new Set(['p', 'h2', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'br']);

describe('hostile canary through a real site build', () => {
  let build: BuildResult;
  const pages: Record<string, string> = {};

  beforeAll(async () => {
    const root = copyContentRoot();
    const now = '2026-05-09T01:00:00Z';
    for (const [n, ext] of [
      [9000001, 'md'],
      [9000002, 'mdx'],
    ] as const) {
      const r = await writeAnnouncement(
        root,
        { sourceId: 'kunming-notices', district: 'kunming', url: url(n), linkedUrl: url(n) },
        extracted({ title: TITLE, bodyHtml: BODY, cities: [city()] }),
        { now },
      );
      expect(r.outcome, r.reason).toBe('new');
      if (ext === 'mdx') renameSync(path.join(root, r.file!), path.join(root, r.file!.replace(/\.md$/, '.mdx')));
    }
    build = buildSite(root);
    for (const n of [9000001, 9000002]) {
      const rel = `announcements/kunming/2026/${n}/index.html`;
      if (existsSync(path.join(build.outDir, rel))) pages[n] = build.read(rel);
    }
  }, 300_000);

  it('builds', () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
    expect(Object.keys(pages)).toEqual(['9000001', '9000002']);
  });

  it.each(['9000001', '9000002'])('announcement %s (.md, then .mdx) shows every hostile line as literal text', (n) => {
    const $ = cheerio.load(pages[n] ?? '');
    const original = $('.original');
    expect(original.length).toBe(1);
    const paragraphs = original
      .find('h2, p, li, th, td')
      .toArray()
      .map((e) => $(e).text().replace(/\s+/g, ' ').trim());
    const all = paragraphs.join('\n');
    for (const line of LITERAL) expect(all).toContain(line);
    // Structure survives the site's Markdown processor (GFM on): the source table is a table.
    expect(original.find('table td').length).toBeGreaterThan(0);
    expect($('h1').first().text()).toBe("--- title: x --- {process.exit(1)} <script>alert(1)</script> `x` import y from 'z'");
  });

  it.each(['9000001', '9000002'])('announcement %s contains no injected element, attribute or script', (n) => {
    const html = pages[n] ?? '';
    const $ = cheerio.load(html);
    const original = $('.original');
    original.find('*').each((_, el) => {
      if (el.type !== 'tag') return;
      expect(ALLOWED.has(el.name), `<${el.name}>`).toBe(true);
      for (const [k, v] of Object.entries(el.attribs)) {
        // Links from scraped text carry the site's rel for them (src/lib/links.ts), nothing else.
        const ok =
          el.name === 'a' && k === 'href' ? /^https?:\/\//.test(v) : el.name === 'a' && k === 'rel' ? v === SCRAPED_REL : el.name === 'h2' && k === 'id';
        expect(ok, `${el.name}[${k}=${v}]`).toBe(true);
      }
    });
    expect(original.find('a[href="https://kunming.customs.gov.cn/customs/safe.html"]').text()).toBe('safe link');
    for (const gone of GONE) expect(html).not.toContain(gone);
    const shown = `${$('h1').first().html()}\n${original.html()}`;
    expect(shown).not.toMatch(/<foo|<bar|<script|<img|<iframe|<style|\son[a-z]+=|javascript:/i);
    const m = html.match(/<(?:foo|bar)\b|\son(?:click|error|mouseover)=|javascript:alert/i);
    expect(m?.[0] ?? null).toBeNull();
    // No script in the page carries canary text (the site's own scripts are fine).
    $('script').each((_, s) => expect($(s).text()).not.toMatch(/alert|process\.exit/));
  });
});
