/**
 * Sanitised article DOM -> an mdast tree holding only text, links, line breaks and structure
 * (headings, paragraphs, lists, GFM tables). Pure. Nothing in the source becomes an `html`,
 * `code`, JSX, ESM or expression node: every character of the page is a `text` value, and the
 * serializer (markdown.ts) escapes it.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { BlockContent, Heading, List, ListItem, Paragraph, PhrasingContent, Root, Table, TableCell, TableRow } from 'mdast';
import { sanitizeHtml } from './sanitize.ts';
import { collapseWhitespace, stripInvisible } from './text.ts';

/** Elements that start a new block; everything else is read as inline content. */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'blockquote', 'center',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'td', 'th', 'caption', 'pre', 'hr', 'figure', 'figcaption', 'address', 'fieldset',
  'details', 'summary', 'body', 'html', 'menu', 'hgroup', 'colgroup', 'col',
]);

const isElement = (n: AnyNode): n is Element => n.type === 'tag';

/** Text content of a subtree, with <br> as a newline (for <pre>). */
function textOf(node: AnyNode): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  if (!isElement(node)) return '';
  if (tag(node) === 'br') return '\n';
  return node.children.map(textOf).join('');
}
const tag = (n: Element) => n.name.toLowerCase();

function inline(nodes: readonly AnyNode[], inLink = false): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const n of nodes) {
    if (n.type === 'text') {
      out.push({ type: 'text', value: (n as unknown as { data: string }).data });
    } else if (isElement(n)) {
      const name = tag(n);
      if (name === 'br') {
        out.push({ type: 'break' });
      } else if (name === 'a' && n.attribs['href'] && !inLink) {
        out.push({ type: 'link', url: n.attribs['href'], children: inline(n.children, true) as never });
      } else {
        // A block inside inline context (a <div> in a heading or cell) still separates words.
        const pad = BLOCK.has(name);
        if (pad) out.push({ type: 'text', value: ' ' });
        out.push(...inline(n.children, inLink));
        if (pad) out.push({ type: 'text', value: ' ' });
      }
    }
  }
  return out;
}

/** Merge texts, normalise whitespace, trim around edges and breaks, drop empty nodes. */
function tidy(nodes: PhrasingContent[], breaks: 'keep' | 'space'): PhrasingContent[] {
  const flat: PhrasingContent[] = [];
  for (const n of nodes) {
    if (n.type === 'break' && breaks === 'space') flat.push({ type: 'text', value: ' ' });
    else if (n.type === 'link') {
      const children = tidy(n.children as PhrasingContent[], 'space');
      if (children.length) flat.push({ ...n, children: children as never });
    } else flat.push(n);
  }
  const merged: PhrasingContent[] = [];
  for (const n of flat) {
    const last = merged[merged.length - 1];
    if (n.type === 'text' && last?.type === 'text') last.value += n.value;
    else merged.push(n.type === 'text' ? { type: 'text', value: n.value } : n);
  }
  for (const n of merged) if (n.type === 'text') n.value = collapseWhitespace(stripInvisible(n.value));
  // Trim at the start, the end and around line breaks.
  for (let i = 0; i < merged.length; i++) {
    const n = merged[i];
    if (n?.type !== 'text') continue;
    const prev = merged[i - 1];
    const next = merged[i + 1];
    if (!prev || prev.type === 'break') n.value = n.value.replace(/^ /, '');
    if (!next || next.type === 'break') n.value = n.value.replace(/ $/, '');
  }
  const kept = merged.filter((n) => !(n.type === 'text' && n.value === ''));
  // No leading, trailing or doubled breaks.
  const out: PhrasingContent[] = [];
  for (const n of kept) {
    if (n.type === 'break' && (out.length === 0 || out[out.length - 1]?.type === 'break')) continue;
    out.push(n);
  }
  while (out[out.length - 1]?.type === 'break') out.pop();
  return out;
}

function paragraph(nodes: PhrasingContent[]): Paragraph | null {
  const children = tidy(nodes, 'keep');
  return children.length ? { type: 'paragraph', children } : null;
}

interface GridCell { nodes: AnyNode[] }

function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (el: Element) => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      const name = tag(c);
      if (name === 'tr') rows.push(c);
      else if (name === 'thead' || name === 'tbody' || name === 'tfoot') visit(c);
    }
  };
  visit(table);
  return rows;
}

const span = (el: Element, attr: string) => {
  const n = Number.parseInt(el.attribs[attr] ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 50) : 1;
};

/** Lay a table's cells on a grid, honouring colspan/rowspan (spanned slots stay empty). */
function grid(table: Element): GridCell[][] {
  const rows = tableRows(table);
  const out: GridCell[][] = rows.map(() => []);
  rows.forEach((tr, r) => {
    let col = 0;
    for (const c of tr.children) {
      if (!isElement(c) || (tag(c) !== 'td' && tag(c) !== 'th')) continue;
      const row = out[r] ?? [];
      while (row[col]) col++;
      const cs = span(c, 'colspan');
      const rs = span(c, 'rowspan');
      for (let dr = 0; dr < rs && r + dr < out.length; dr++) {
        for (let dc = 0; dc < cs; dc++) {
          const target = out[r + dr];
          if (target) target[col + dc] = { nodes: dr === 0 && dc === 0 ? c.children : [] };
        }
      }
      col += cs;
    }
  });
  return out;
}

function convertTable(table: Element): BlockContent[] {
  const cells = grid(table);
  const width = Math.max(0, ...cells.map((r) => r.length));
  if (width <= 1) {
    // A layout table (one column): its cells are containers, not data.
    return cells.flatMap((row) => row.flatMap((cell) => (cell ? blocks(cell.nodes) : [])));
  }
  const rows: TableRow[] = cells
    .map((row) => {
      const rowCells: TableCell[] = [];
      for (let i = 0; i < width; i++) {
        rowCells.push({ type: 'tableCell', children: tidy(inline(row[i]?.nodes ?? []), 'space') });
      }
      return { type: 'tableRow' as const, children: rowCells };
    })
    .filter((row) => row.children.some((c) => c.children.length > 0));
  if (rows.length === 0) return [];
  const t: Table = { type: 'table', align: Array.from({ length: width }, () => null), children: rows };
  return [t];
}

/** Convert a run of sibling DOM nodes to block content. */
function blocks(nodes: readonly AnyNode[]): BlockContent[] {
  const out: BlockContent[] = [];
  let run: PhrasingContent[] = [];
  const flush = () => {
    const p = paragraph(run);
    if (p) out.push(p);
    run = [];
  };
  for (const n of nodes) {
    if (!isElement(n) || !BLOCK.has(tag(n))) {
      run.push(...inline([n]));
      continue;
    }
    flush();
    const name = tag(n);
    if (/^h[1-6]$/.test(name)) {
      const children = tidy(inline(n.children), 'space');
      if (children.length) out.push({ type: 'heading', depth: Number(name[1]) as Heading['depth'], children });
    } else if (name === 'ul' || name === 'ol') {
      const items: ListItem[] = [];
      for (const li of n.children) {
        const content = isElement(li) && tag(li) === 'li' ? blocks(li.children) : blocks([li]);
        if (content.length) items.push({ type: 'listItem', spread: false, children: content });
      }
      if (items.length) {
        const list: List = { type: 'list', ordered: name === 'ol', spread: false, children: items };
        if (name === 'ol') list.start = 1;
        out.push(list);
      }
    } else if (name === 'table') {
      out.push(...convertTable(n));
    } else if (name === 'pre') {
      // Preformatted text: one line per source line, never a code block.
      const text = textOf(n);
      const lines: PhrasingContent[] = [];
      for (const line of text.split(/\r?\n/)) lines.push({ type: 'text', value: line }, { type: 'break' });
      const p = paragraph(lines);
      if (p) out.push(p);
    } else if (name !== 'hr' && name !== 'col' && name !== 'colgroup') {
      out.push(...blocks(n.children));
    }
  }
  flush();
  return out;
}

/** Sanitise `html` (links resolved against `baseUrl`) and convert it to an mdast root. */
export function htmlToMdast(html: string, baseUrl: string): Root {
  const $ = cheerio.load(sanitizeHtml(html, baseUrl), null, false);
  return { type: 'root', children: blocks($.root().contents().toArray()) };
}
