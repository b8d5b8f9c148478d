import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../scrapers/text/sanitize.ts';
import { safeHref } from '../../scrapers/text/url.ts';

const BASE = 'https://www.customs.gov.cn/customs/2026-04/28/article_1.html';

describe('write-time sanitising of the article DOM', () => {
  it('drops script and style elements with their content', () => {
    const out = sanitizeHtml('<p>a</p><script>alert(1)</script><style>p{color:red}</style><noscript>n</noscript><p>b</p>', BASE);
    expect(out).not.toMatch(/script|style|alert|color|noscript/);
    expect(out).toContain('<p>a</p>');
    expect(out).toContain('<p>b</p>');
  });

  it('drops event attributes, styles, classes and ids', () => {
    const out = sanitizeHtml('<p onclick="evil()" style="x" class="c" id="i">t<img src=x onerror=alert(1)></p>', BASE);
    expect(out).toBe('<p>t</p>');
  });

  it('keeps http(s) links made absolute, unlinks every other scheme but keeps its text', () => {
    const out = sanitizeHtml(
      '<a href="/customs/a.html">rel</a> <a href="//www.gov.cn/b">proto</a> <a href="../c.htm">up</a> <a href="javascript:alert(1)">js</a> <a href=" java\tscript:x">js2</a> <a href="data:text/html,x">data</a> <a href="mailto:a@b.cn">mail</a>',
      BASE,
    );
    expect(out).toContain('<a href="https://www.customs.gov.cn/customs/a.html">rel</a>');
    expect(out).toContain('<a href="https://www.gov.cn/b">proto</a>');
    expect(out).toContain('<a href="https://www.customs.gov.cn/customs/2026-04/c.htm">up</a>');
    expect(out).not.toMatch(/javascript|data:|mailto/);
    for (const t of ['js', 'js2', 'data', 'mail']) expect(out).toContain(`<a>${t}</a>`);
  });

  it('keeps text that merely looks like markup as text', () => {
    const out = sanitizeHtml('<p>&lt;script&gt;alert(1)&lt;/script&gt; {process.exit(1)}</p>', BASE);
    const $ = cheerio.load(out, null, false);
    expect($('script').length).toBe(0);
    expect($('p').text()).toBe('<script>alert(1)</script> {process.exit(1)}');
  });

  it('removes comments and keeps table spans only', () => {
    const out = sanitizeHtml('<!-- x --><table border="1"><tr><td colspan="2" width="3">a</td></tr></table>', BASE);
    expect(out).not.toContain('<!--');
    expect(out).toContain('<td colspan="2">a</td>');
  });

  it('resolves hrefs only to http and https', () => {
    expect(safeHref('ftp://x/y', BASE)).toBeNull();
    expect(safeHref('#top', BASE)).toBeNull();
    expect(safeHref('HTTP://Example.com/a b', BASE)).toBe('http://example.com/a%20b');
  });
});
