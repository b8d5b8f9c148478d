/**
 * Spreadsheets with SheetJS (@e965/xlsx): XLS (BIFF8, and BIFF5/BIFF2 with their code page, e.g.
 * 936 for GBK, read through the code page tables SheetJS ships), XLSX, and CSV in UTF-8 or
 * GB18030. Every sheet becomes rows of formatted cell text, then tables (grid.ts). Pure.
 */
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import iconv from 'iconv-lite';
import { gridToTables } from './grid.ts';
import type { AttachmentError, AttachmentFormat, ParsedAttachment, Table } from './types.ts';

XLSX.set_cptable(cptable);

/** CSV text: UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else GB18030 (a superset of GBK). */
function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), 'gb18030');
  }
}

function workbookOf(bytes: Uint8Array, format: 'xls' | 'xlsx' | 'csv'): XLSX.WorkBook {
  if (format === 'csv') return XLSX.read(decodeCsv(bytes), { type: 'string', raw: true, dense: true });
  // A BIFF5 file without a CODEPAGE record is most likely GBK on these sites.
  return XLSX.read(bytes, { type: 'array', codepage: 936, cellFormula: false, cellHTML: false, dense: true });
}

export function parseSheet(bytes: Uint8Array, format: Extract<AttachmentFormat, 'xls' | 'xlsx' | 'csv'>): ParsedAttachment | AttachmentError {
  let wb: XLSX.WorkBook;
  try {
    wb = workbookOf(bytes, format);
  } catch (err) {
    return { error: 'corrupt', reason: `not a readable ${format.toUpperCase()} file: ${(err as Error).message}` };
  }
  if (format !== 'csv' && (wb as { bookType?: string }).bookType === undefined && wb.SheetNames.length === 0) {
    return { error: 'corrupt', reason: `not a readable ${format.toUpperCase()} file: no sheets` };
  }
  const tables: Table[] = [];
  const lines: string[] = [];
  for (const name of wb.SheetNames) {
    const sheet = wb.Sheets[name];
    if (!sheet) continue;
    const grid = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: true });
    const g = gridToTables(grid);
    tables.push(...g.tables);
    lines.push(...g.lines);
  }
  if (!lines.length) return { error: 'empty', reason: `the ${format.toUpperCase()} file has no filled cells` };
  return { format, text: lines.join('\n'), tables };
}
