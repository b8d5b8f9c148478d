/**
 * Serialise a text-only mdast tree to Markdown that stays text in BOTH Markdown and MDX, then
 * prove it by re-parsing with Sätteri (the Markdown/MDX compiler Astro 7 uses by default).
 *
 * Why this is needed: MDX runs `{expressions}`, JSX and line-leading `import`/`export` at build
 * time, and the standard serializer (mdast-util-to-markdown) leaves a paragraph starting with
 * `import` as ESM and `{...}` as an expression. Scraped bodies are stored as `.md` (see
 * docs/content-format.md), but the escaping is MDX-proof too, so a file renamed to `.mdx` or an
 * editorial copy can never run scraped text.
 *
 * Escaping rules (all inside `text` values, so structure built by us is untouched):
 * - every ASCII punctuation character except `, ; ? / % @` gets a backslash. This neutralises
 *   Markdown (`# * _ [ ] | > ~ ! -`), HTML and comments (`<`, `&`), MDX (`{ } <`), code spans
 *   (backticks), YAML fences (`---`) and Astro's smart punctuation (`"`, `'`, `--`, `...` keep
 *   their ASCII form when escaped);
 * - `import` / `export` are written with a character reference for their first letter
 *   (`&#x69;mport`): letters cannot be backslash-escaped, and ESM is only recognised as the
 *   literal word at the start of a line.
 */
import { toMarkdown, type Handle, type State } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { markdownToMdast, mdxToMdast } from 'satteri';
import type { Nodes, Root, Text } from 'mdast';
import { collapseWhitespace } from './text.ts';

const LEAVE = new Set([',', ';', '?', '/', '%', '@']);

/** Escape one text value so it parses back as exactly this text in Markdown and MDX. */
function escapeText(value: string): string {
  const escaped = value.replace(/[!-/:-@[-`{-~]/g, (ch) => (LEAVE.has(ch) ? ch : `\\${ch}`));
  return escaped.replace(/import/g, '&#x69;mport').replace(/export/g, '&#x65;xport');
}

const text: Handle = (node: Text) => escapeText(node.value);

/** mdast -> Markdown with our text escaping; GFM for tables. Deterministic. */
export function serializeMarkdown(tree: Root): string {
  if (tree.children.length === 0) return '';
  return toMarkdown(tree, {
    extensions: [gfmToMarkdown({ tablePipeAlign: false, tableCellPadding: true })],
    handlers: { text },
    bullet: '-',
    bulletOther: '*',
    listItemIndent: 'one',
    incrementListMarker: true,
    fences: true,
    rule: '*',
  });
}

/** Node types a stored announcement body may contain after re-parsing. */
const ALLOWED = new Set(['root', 'paragraph', 'text', 'heading', 'list', 'listItem', 'table', 'tableRow', 'tableCell', 'link', 'break']);

/** Schemes a re-parsed link may carry: ours are http(s); GFM autolink literals add mailto. */
const LINK_SCHEME = /^(?:https?:\/\/|mailto:)/i;

interface AnyNode {
  type: string;
  value?: unknown;
  url?: unknown;
  children?: AnyNode[];
}

function plain(node: AnyNode, out: string[]): void {
  if (typeof node.value === 'string' && node.type === 'text') out.push(node.value);
  if (node.type === 'break') out.push(' ');
  for (const c of node.children ?? []) plain(c, out);
  if (node.type !== 'text' && node.type !== 'link' && node.type !== 'break' && node.type !== 'root') out.push(' ');
}

/** The text content of a tree, whitespace-collapsed: what a reader sees. */
export function plainText(tree: AnyNode | Nodes): string {
  const out: string[] = [];
  plain(tree as AnyNode, out);
  return collapseWhitespace(out.join('')).trim();
}

function forbidden(node: AnyNode, where: string, problems: string[]): void {
  if (!ALLOWED.has(node.type)) problems.push(`${where}: ${node.type} node`);
  if (node.type === 'link' && !(typeof node.url === 'string' && LINK_SCHEME.test(node.url))) {
    problems.push(`${where}: link to ${String(node.url)}`);
  }
  for (const c of node.children ?? []) forbidden(c, where, problems);
}

export interface InertReport {
  ok: boolean;
  problems: string[];
}

/**
 * Re-parse `markdown` as Markdown and as MDX with Sätteri; it is inert when both trees contain
 * only text structure (no ESM, expression, JSX, raw HTML, code, image or frontmatter node) and
 * both read back as `expectedText` (when given).
 */
export function checkInert(markdown: string, expectedText?: string): InertReport {
  const problems: string[] = [];
  const trees: [string, () => unknown][] = [
    ['markdown', () => markdownToMdast(markdown, { features: { gfm: true, frontmatter: true }, position: false })],
    ['mdx', () => mdxToMdast(markdown, { features: { gfm: true, frontmatter: true }, position: false })],
  ];
  for (const [name, parse] of trees) {
    let tree: AnyNode;
    try {
      tree = parse() as AnyNode;
    } catch (err) {
      problems.push(`${name}: does not parse: ${(err as Error).message.split('\n')[0]}`);
      continue;
    }
    forbidden(tree, name, problems);
    if (expectedText !== undefined) {
      const got = plainText(tree);
      if (got !== expectedText) problems.push(`${name}: text differs after re-parsing`);
    }
  }
  return { ok: problems.length === 0, problems };
}

export type { State };
