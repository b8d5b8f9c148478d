/**
 * Word documents: DOCX with mammoth (its HTML, so tables keep their rows and cells; external
 * files are never followed), DOC (Word 97-2003) with word-extractor, whose text ends each table
 * cell with a tab, so rows of tab-separated cells become tables. Pure.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import mammoth from 'mammoth';
import WordExtractor from 'word-extractor';
import { gridToTables } from './grid.ts';
import type { AttachmentError, ParsedAttachment, Table } from './types.ts';

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);

/** Lines and tables of mammoth's HTML (tables: first row is the header). */
function readDocxHtml(html: string): { lines: string[]; tables: Table[] } {
  const tree: Root = fromHtml(html, { fragment: true });
  const lines: string[] = [];
  const tables: Table[] = [];
  const textOf = (ns: readonly ElementContent[]): string =>
    ns.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? (c.tagName === 'br' ? ' ' : textOf(c.children)) : '')).join('');
  const cellText = (el: Element) => textOf(el.children).replace(/\s+/g, ' ').trim();
  const visit = (nodes: readonly RootContent[]) => {
    for (const n of nodes) {
      if (n.type !== 'element') continue;
      if (n.tagName === 'table') {
        const rows: string[][] = [];
        const walkRows = (ns: readonly RootContent[]) => {
          for (const r of ns) {
            if (r.type !== 'element') continue;
            if (r.tagName === 'tr')
              rows.push(r.children.flatMap((c) => (c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th') ? [cellText(c)] : [])));
            else if (r.tagName !== 'table') walkRows(r.children);
          }
        };
        walkRows(n.children);
        const g = gridToTables(rows);
        tables.push(...g.tables);
        lines.push(...g.lines);
      } else if (BLOCKS.has(n.tagName)) {
        const t = cellText(n);
        if (t) lines.push(t);
      } else visit(n.children);
    }
  };
  visit(tree.children);
  return { lines, tables };
}

export async function parseDocx(bytes: Uint8Array): Promise<ParsedAttachment | AttachmentError> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { externalFileAccess: false, ignoreEmptyParagraphs: true })).value;
  } catch (err) {
    return { error: 'corrupt', reason: `not a readable DOCX file: ${(err as Error).message}` };
  }
  const { lines, tables } = readDocxHtml(html);
  if (!lines.length) return { error: 'empty', reason: 'the DOCX file holds no text' };
  return { format: 'docx', text: lines.join('\n'), tables };
}

/** word-extractor's body text -> rows: a table row is a line of tab-ended cells. */
function docBodyGrid(body: string): string[][] {
  return body.split(/\r?\n/).map((line) => (line.includes('\t') ? line.replace(/\t+$/, '').split('\t') : [line]));
}

export async function parseDoc(bytes: Uint8Array): Promise<ParsedAttachment | AttachmentError> {
  let body: string;
  try {
    body = (await new WordExtractor().extract(Buffer.from(bytes))).getBody();
  } catch (err) {
    return { error: 'corrupt', reason: `not a readable DOC file: ${(err as Error).message}` };
  }
  const { tables, lines } = gridToTables(docBodyGrid(body));
  if (!lines.length) return { error: 'empty', reason: 'the DOC file holds no text' };
  return { format: 'doc', text: lines.join('\n'), tables };
}
