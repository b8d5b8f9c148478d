/**
 * Property: >= 10,000 generated hostile strings (MDX, JSX, ESM, YAML, HTML, control and bidi
 * characters, CJK punctuation), each placed as text in an article DOM (paragraph, heading, list
 * item, table cell, link text or <pre>), go through the writer and a real compile with Sätteri,
 * the processor Astro 7 uses: as .md (markdownToHtml with Astro's default GFM + smart
 * punctuation) and as .mdx (mdxToJs + evaluate). Nothing executes, no element but text structure
 * appears, and the rendered text equals the input text (whitespace-normalised).
 */
import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { evaluate, markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { renderBody } from '../../scrapers/write/write-announcement.ts';
import { cleanLine } from '../../scrapers/write/text.ts';

const BASE = 'https://www.customs.gov.cn/customs/2026-04/28/article_1.html';
const RUNS = 10_000;

const FRAGMENTS = [
  '{',
  '}',
  '{globalThis.__pwned = 1}',
  '{/* c */}',
  '<',
  '>',
  '</',
  '/>',
  '<Foo bar="1" />',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '&amp;',
  '&lt;',
  '&#x41;',
  '&#0;',
  '&nbsp;',
  '&copy',
  'import ',
  'export ',
  "import fs from 'fs'\n",
  'export const x = 1\n',
  'export default function () {}',
  'import.meta',
  '---',
  '---\n',
  '+++',
  'title: x',
  '\n',
  '\r\n',
  '\t',
  '    ',
  ': ',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '1) ',
  '# ',
  '> ',
  '|',
  '||',
  '`',
  '```',
  '~~~',
  '~',
  '$',
  '$$',
  '\\',
  '\\\\',
  '[',
  ']',
  '(',
  ')',
  '](javascript:alert(1))',
  '![',
  '^',
  '_',
  '*',
  '**',
  '"',
  "'",
  '--',
  '...',
  '=',
  '==',
  '!',
  '?',
  '@',
  'a@b.cn',
  'https://x.cn/a?b=1',
  'www.x.cn',
  'javascript:',
  ':::',
  '[^1]',
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u200b',
  '\u200d',
  '\u202a',
  '\u202b',
  '\u202d',
  '\u202e',
  '\u202c',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
  '\ud800',
  '\udfff',
  '😀',
  '\u3000',
  '，',
  '。',
  '、',
  '；',
  '：',
  '？',
  '！',
  '“',
  '”',
  '‘',
  '’',
  '《',
  '》',
  '【',
  '】',
  '（',
  '）',
  '——',
  '…',
  '·',
  '跨境贸易便利化',
  '海关',
  'a',
  '1',
  ' ',
];

const hostile = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 14 }).map((a) => a.join('')) },
  {
    weight: 2,
    arbitrary: fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 5 })), { maxLength: 10 }).map((a) => a.join('')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
);

type Context = 'p' | 'h2' | 'li' | 'td' | 'a' | 'pre';
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The article DOM with `s` as text in `ctx`, and the text a reader should see. */
function page(s: string, ctx: Context): { html: string; expected: string } {
  const t = escapeHtml(s);
  const clean = cleanLine(s);
  switch (ctx) {
    case 'p':
      return { html: `<p>${t}</p>`, expected: clean };
    case 'h2':
      return { html: `<h2>${t}</h2>`, expected: clean };
    case 'li':
      return { html: `<ul><li>${t}</li><li>末项</li></ul>`, expected: `${clean} 末项` };
    case 'td':
      return { html: `<table><tr><th>列一</th><th>列二</th></tr><tr><td>${t}</td><td>尾</td></tr></table>`, expected: `列一 列二 ${clean} 尾` };
    case 'a':
      return { html: `<p>前 <a href="https://www.customs.gov.cn/x.html">${t}</a> 后</p>`, expected: `前 ${clean} 后` };
    case 'pre':
      return { html: `<pre>${t}</pre>`, expected: clean };
  }
}
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
const ALLOWED_TAGS = new Set([...BLOCK_TAGS, 'a', 'br']);
const SAFE_HREF = /^(?:https?:\/\/|mailto:)/;

/** Problems in rendered HTML: any element or attribute outside text structure. */
function htmlProblems(html: string): string[] {
  const $ = cheerio.load(html, null, false);
  const problems: string[] = [];
  $('*').each((_, el) => {
    if (el.type !== 'tag') return;
    if (!ALLOWED_TAGS.has(el.name)) problems.push(`<${el.name}>`);
    for (const [k, v] of Object.entries(el.attribs)) {
      const ok = (el.name === 'a' && k === 'href' && SAFE_HREF.test(v)) || (/^h[1-6]$/.test(el.name) && k === 'id');
      if (!ok) problems.push(`${el.name}[${k}=${v}]`);
    }
  });
  return problems;
}

function htmlText(html: string): string {
  const $ = cheerio.load(html, null, false);
  $('br').replaceWith(' ');
  $([...BLOCK_TAGS].join(',')).append(' ');
  return norm($.root().text());
}

// A JSX runtime that builds a plain tree: evaluating the MDX module shows what it would render.
interface El {
  type: unknown;
  props: { children?: unknown };
}
const jsx = (type: unknown, props: unknown): El => ({ type, props: props as El['props'] });
const Fragment = Symbol('Fragment');
function mdxText(node: unknown, types: Set<unknown>): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map((n) => mdxText(n, types)).join('');
  if (node && typeof node === 'object' && 'props' in node) {
    const el = node as El;
    types.add(el.type);
    const inner = mdxText(el.props.children, types);
    return typeof el.type === 'string' && BLOCK_TAGS.has(el.type) ? `${inner} ` : el.type === 'br' ? ' ' : inner;
  }
  return '';
}

describe(`fuzz: ${RUNS} hostile strings through the writer and Sätteri (MD and MDX)`, () => {
  it('nothing executes, only text structure is rendered, and the text is the input text', () => {
    let checked = 0;
    fc.assert(
      fc.property(hostile, fc.constantFrom<Context>('p', 'h2', 'li', 'td', 'a', 'pre'), (s, ctx) => {
        const { html, expected } = page(s, ctx);
        const body = renderBody(html, BASE);
        expect(body.problems).toEqual([]);
        expect(norm(body.text)).toBe(norm(expected));

        // .md as Astro renders it.
        const out = markdownToHtml(body.markdown, { features: { gfm: true, smartPunctuation: true } }).html;
        expect(htmlProblems(out)).toEqual([]);
        expect(htmlText(out)).toBe(norm(expected));

        // .mdx: compiled module imports only the JSX runtime and exports only the component.
        const code = mdxToJs(body.markdown).code;
        for (const line of code.match(/^\s*import\b.*$/gm) ?? []) expect(line).toMatch(/^import \{[\w\s,]+\} from "react\/jsx-runtime";$/);
        expect(code.match(/^\s*export\b.*$/gm) ?? []).toEqual(['export default MDXContent;']);
        const mod = evaluate(body.markdown, { jsx, jsxs: jsx, Fragment }) as { default: (p: object) => unknown };
        const types = new Set<unknown>();
        const text = norm(mdxText(mod.default({}), types));
        for (const t of types) expect(t === Fragment || (typeof t === 'string' && ALLOWED_TAGS.has(t)), String(t)).toBe(true);
        expect(text).toBe(norm(expected));
        expect((globalThis as Record<string, unknown>)['__pwned']).toBeUndefined();
        checked++;
      }),
      { numRuns: RUNS, seed: Number(process.env['FUZZ_SEED'] ?? 20260516) },
    );
    expect(checked).toBe(RUNS);
    // 10,000 real compiles: minutes on a loaded 2-core machine, so a generous limit (not a timing check).
  }, 300_000);
});
