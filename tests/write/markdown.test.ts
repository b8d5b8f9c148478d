import { markdownToHtml, mdxToMdast } from 'satteri';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { htmlToMdast } from '../../scrapers/text/to-mdast.ts';
import { checkInert, plainText, serializeMarkdown } from '../../scrapers/write/markdown.ts';

const BASE = 'https://www.customs.gov.cn/customs/2026-04/28/article_1.html';
const md = (html: string) => serializeMarkdown(htmlToMdast(html, BASE));
/** Render as Astro 7 renders .md by default (Sätteri, GFM, smart punctuation). */
const render = (markdown: string) => markdownToHtml(markdown, { features: { gfm: true, smartPunctuation: true } }).html;
const textOf = (html: string) => cheerio.load(html, null, false).root().text().replace(/\s+/g, ' ').trim();
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const HOSTILE = [
  '{process.exit(1)}',
  '<script>alert(1)</script>',
  '<Foo bar="1" />',
  "import fs from 'fs'",
  'export const x = 1',
  '---',
  'title: x',
  '```js\nrun()\n```',
  '`inline` ``double``',
  '<!-- comment -->',
  '&amp; &lt;b&gt; &#x41;',
  '"quotes" -- dashes ... \'single\'',
  '# heading? * star _under_ [link](javascript:alert(1)) ![img](x.png) | pipe ~~strike~~',
  '1. not a list',
  '> not a quote',
  '\u202Ebidi override\u202C \u2066isolate\u2069 \u200Frtl mark',
  '【通知】“引号”——破折号…《文件》，。；',
  'a\\b\\\\c',
  '$math$ $$display$$',
  '[^1] footnote',
];

describe('scraped text becomes inert Markdown', () => {
  it.each(HOSTILE)('%j stays literal text in Markdown and MDX, and renders as itself', (s) => {
    const markdown = md(`<p>${esc(s)}</p>`);
    const tree = htmlToMdast(`<p>${esc(s)}</p>`, BASE);
    expect(checkInert(markdown, plainText(tree))).toEqual({ ok: true, problems: [] });
    const html = render(markdown);
    expect(textOf(html)).toBe(s.replace(/\s+/g, ' ').trim());
    expect(html).not.toMatch(/<(?!\/?(?:p|a)\b)[a-z]/i);
    // MDX sees only a paragraph of text.
    const mdx = mdxToMdast(markdown) as unknown as { children: { type: string; children?: { type: string }[] }[] };
    expect(mdx.children.map((c) => c.type)).toEqual(['paragraph']);
  });

  it('neutralises import/export at the start of every line, including after a line break', () => {
    const markdown = md('<p>a<br>import x from "y"<br>export default 1</p>');
    expect(markdown).not.toMatch(/^(?:import|export)\b/m);
    expect(checkInert(markdown).ok).toBe(true);
  });

  it('keeps headings, paragraphs, lists and tables', () => {
    const markdown = md(
      '<h2>一、总体要求</h2><p>正文</p><ol><li>第一</li><li>第二</li></ol><ul><li>甲</li></ul>' +
        '<table><thead><tr><th>产品</th><th>HS编码</th></tr></thead><tbody><tr><td>绿茶</td><td>0902</td></tr><tr><td>红茶</td><td>0902</td></tr></tbody></table>',
    );
    const html = render(markdown);
    expect(html).toContain('<h2>一、总体要求</h2>');
    expect(html).toContain('<p>正文</p>');
    expect(html).toMatch(/<ol>\s*<li>第一<\/li>\s*<li>第二<\/li>\s*<\/ol>/);
    expect(html).toMatch(/<ul>\s*<li>甲<\/li>\s*<\/ul>/);
    expect(html).toMatch(/<th>产品<\/th>\s*<th>HS编码<\/th>/);
    expect(html).toMatch(/<td>红茶<\/td>\s*<td>0902<\/td>/);
  });

  it('repeats a merged cell (colspan, rowspan) in every grid position it covers, and unwraps one-column layout tables', () => {
    const markdown = md(
      '<table><tr><td colspan="2">合并</td></tr><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td></tr></table>' +
        '<table><tr><td><p>布局表格里的段落</p></td></tr></table>',
    );
    expect(markdown).toContain('| 合并 | 合并 |');
    expect(markdown).toContain('| a | b |');
    expect(markdown).toContain('| a | c |');
    expect(markdown).toContain('\n布局表格里的段落\n');
  });

  it('writes links absolute and http(s) only; other links keep their text', () => {
    const markdown = md('<p><a href="/customs/x.html">本站</a> <a href="javascript:alert(1)">脚本</a> <a href="vbscript:x">v</a></p>');
    expect(markdown).toContain('[本站](https://www.customs.gov.cn/customs/x.html)');
    expect(markdown).not.toMatch(/script:/);
    expect(textOf(render(markdown))).toBe('本站 脚本 v');
  });

  it('keeps the text that follows a stray closing tag in malformed HTML', () => {
    const markdown = md('<div><p>前文</div></div><p>后文<span>继续</p></span>结尾');
    expect(textOf(render(markdown))).toBe('前文 后文继续 结尾');
  });

  it('flags anything that is not text structure', () => {
    expect(checkInert('<b>x</b>\n').ok).toBe(false);
    expect(checkInert('import x from "y"\n').ok).toBe(false);
    expect(checkInert('{1+1}\n').ok).toBe(false);
    expect(checkInert('```\ncode\n```\n').ok).toBe(false);
    expect(checkInert('text\n', 'other').problems.join()).toMatch(/text differs/);
  });
});
