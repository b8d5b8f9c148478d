/**
 * The body as classification reads it: text lines (paragraphs, list items, headings) and
 * tables (header row + rows of cells). Table rows also appear as lines, cells joined by " | ",
 * so the plain text keeps them; rules that must know the column use `tables`.
 */
import type { CheerioAPI, Cheerio } from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';

export interface Table {
  header: string[];
  rows: string[][];
}

export interface BodyText {
  /** Lines of free text (tables excluded). */
  lines: string[];
  /** Free text joined by "\n": offsets in explanations refer to this. */
  text: string;
  tables: Table[];
  /** Free text and table rows, in document order (what the writer and readers see). */
  fullText: string;
}

const BLOCK = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'section', 'article', 'blockquote', 'dd', 'dt', 'ul', 'ol', 'hr', 'figure', 'figcaption', 'table', 'tbody', 'thead']);

export const clean = (s: string) => s.replace(/[\u00a0\t\r]+/g, ' ').replace(/ {2,}/g, ' ').trim();

/** Text with a line break at every block boundary and " | " after table cells (a DOM walk: no re-parsing). */
function linesOf(nodes: AnyNode[], skipTables: boolean): string[] {
  const parts: string[] = [];
  const walk = (n: AnyNode) => {
    if (n.type === 'text') {
      parts.push((n as Text).data.replace(/\n/g, ' '));
      return;
    }
    if (n.type !== 'tag' && n.type !== 'script' && n.type !== 'style') return;
    const el = n as Element;
    const name = el.tagName.toLowerCase();
    if (skipTables && name === 'table') {
      parts.push('\n');
      return;
    }
    const block = BLOCK.has(name);
    if (block) parts.push('\n');
    for (const c of el.children) walk(c);
    if (name === 'td' || name === 'th') parts.push(' | ');
    if (block) parts.push('\n');
  };
  for (const n of nodes) walk(n);
  return parts
    .join('')
    .split('\n')
    .map((l) => clean(l).replace(/(\s*\|\s*)+$/, ''))
    .filter((l) => l.length > 0);
}

export function bodyText($: CheerioAPI, root: Cheerio<AnyNode>): BodyText {
  const tables: Table[] = [];
  root.find('table').each((_, t) => {
    const rows: string[][] = [];
    $(t)
      .find('tr')
      .each((_, tr) => {
        const cells = $(tr)
          .children('td,th')
          .map((_, c) => clean($(c).text()))
          .get();
        if (cells.some((c) => c.length > 0)) rows.push(cells);
      });
    if (rows.length) tables.push({ header: rows[0] ?? [], rows: rows.slice(1) });
  });
  const nodes = root.toArray().flatMap((r) => ('children' in r ? (r.children as AnyNode[]) : []));
  const fullText = linesOf(nodes, false).join('\n');
  const lines = linesOf(nodes, true);
  return { lines, text: lines.join('\n'), tables, fullText };
}
