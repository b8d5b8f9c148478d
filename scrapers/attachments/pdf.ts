/**
 * PDF text with pdf.js (pdfjs-dist, legacy build for Node). CJK text in non-embedded CID fonts
 * (Adobe-GB1 with UniGB-UCS2-H and the like) needs the predefined CMaps: they are read from the
 * copies the package ships, never fetched. Text items are grouped into lines by baseline, a line
 * into cells where the gap between two items is wider than a character, and runs of multi-cell
 * lines into tables with columns aligned on the header's cells. A PDF whose pages hold no text is
 * a scan: `no-text-layer`. Pure apart from reading the shipped CMaps.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { gridToTables } from './grid.ts';
import type { AttachmentError, ParsedAttachment } from './types.ts';

const require = createRequire(import.meta.url);
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));
const CMAP_URL = `${path.join(PDFJS_DIR, 'cmaps')}${path.sep}`;
const FONT_URL = `${path.join(PDFJS_DIR, 'standard_fonts')}${path.sep}`;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
/** pdf.js in this thread: loading its worker module first makes it run without a Worker. */
const loadPdfJs = () =>
  (pdfjs ??= (async () => {
    // @ts-expect-error the worker module has no type declarations; it registers globalThis.pdfjsWorker
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })());

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** Lines of one page (top to bottom), each a list of cells with their left x. */
function linesOf(items: readonly Item[]): { x: number; text: string }[][] {
  const visible = items.filter((i) => i.str.trim() !== '');
  const rows: Item[][] = [];
  for (const it of [...visible].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows.find((r) => Math.abs(r[0]!.y - it.y) <= Math.max(2, it.size * 0.3));
    if (row) row.push(it);
    else rows.push([it]);
  }
  return rows.map((r) => {
    const sorted = r.sort((a, b) => a.x - b.x);
    const cells: { x: number; text: string; end: number }[] = [];
    for (const it of sorted) {
      const last = cells.at(-1);
      if (last && it.x - last.end < Math.max(3, it.size * 0.9)) {
        last.text += it.str;
        last.end = Math.max(last.end, it.x + it.width);
      } else cells.push({ x: it.x, text: it.str, end: it.x + it.width });
    }
    return cells.map((c) => ({ x: c.x, text: c.text.trim() }));
  });
}

/** Place each multi-cell line's cells in the columns of the nearest header above it. */
function alignColumns(lines: { x: number; text: string }[][]): string[][] {
  const out: string[][] = [];
  let anchors: number[] | null = null;
  for (const line of lines) {
    if (line.length < 2) {
      anchors = null;
      out.push(line.map((c) => c.text));
      continue;
    }
    if (!anchors || line.length > anchors.length) anchors = line.map((c) => c.x);
    const row = anchors.map(() => '');
    for (const c of line) {
      let col = 0;
      for (let k = 0; k < anchors.length; k++) if (anchors[k]! <= c.x + 2) col = k;
      row[col] = row[col] ? `${row[col]} ${c.text}` : c.text;
    }
    out.push(row);
  }
  return out;
}

export async function parsePdf(bytes: Uint8Array): Promise<ParsedAttachment | AttachmentError> {
  const lib = await loadPdfJs();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  const task = lib.getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given.
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: FONT_URL,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    doc = await task.promise;
  } catch (err) {
    const e = err as Error;
    if (e.name === 'PasswordException') return { error: 'encrypted', reason: 'the PDF is password-protected' };
    return { error: 'corrupt', reason: `not a readable PDF: ${e.message}` };
  }
  try {
    const grid: string[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [a, b, , , x, y] = it.transform as number[];
        items.push({ str: it.str, x: x!, y: y!, width: it.width, size: Math.hypot(a!, b!) || 10 });
      }
      grid.push(...alignColumns(linesOf(items)), []);
    }
    const { tables, lines } = gridToTables(grid);
    if (!lines.length) return { error: 'no-text-layer', reason: `the PDF's ${doc.numPages} page(s) hold no text (a scan needs OCR)` };
    return { format: 'pdf', text: lines.join('\n'), tables };
  } catch (err) {
    return { error: 'corrupt', reason: `the PDF could not be read: ${(err as Error).message}` };
  } finally {
    await doc.destroy();
  }
}
