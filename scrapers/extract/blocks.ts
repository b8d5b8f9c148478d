/**
 * The body as classification reads it: text lines (paragraphs, list items, headings) and
 * tables (header row + rows of cells). Table rows also appear as lines, cells joined by " | ",
 * so the plain text keeps them; rules that must know the column use `tables`.
 */
import type { CheerioAPI, Cheerio } from 'cheerio';
import type { AnyNode } from 'domhandler';

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

const BLOCK = 'p,div,br,li,h1,h2,h3,h4,h5,h6,tr,section,article,blockquote,dd,dt,ul,ol,hr,figure,figcaption';

export const clean = (s: string) => s.replace(/[\u00a0\t\r]+/g, ' ').replace(/ {2,}/g, ' ').trim();

function linesOf($: CheerioAPI, root: Cheerio<AnyNode>): string[] {
  const copy = root.clone();
  copy.find(BLOCK).each((_, el) => {
    $(el).prepend('\n');
    $(el).append('\n');
  });
  copy.find('td,th').each((_, el) => {
    $(el).append(' | ');
  });
  return copy
    .text()
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
  const fullText = linesOf($, root).join('\n');
  const withoutTables = root.clone();
  withoutTables.find('table').replaceWith('<p></p>');
  const lines = linesOf($, withoutTables);
  return { lines, text: lines.join('\n'), tables, fullText };
}
