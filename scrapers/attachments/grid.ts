/**
 * Rows of cells (a sheet, a PDF page's aligned lines, a Word document's tab-separated rows) ->
 * tables and text. A table is a run of rows with at least two filled cells: its first row is the
 * header. A row with one filled cell (a merged title, a footnote) is text. Pure.
 */
import type { Table } from './types.ts';

const cleanCell = (c: unknown) =>
  String(c ?? '')
    .replace(/[\u00a0\u3000\t\r]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();

const filled = (row: string[]) => row.filter((c) => c !== '').length;

/** Drop columns that are empty in every row of a table (trailing or spacer columns). */
function dropEmptyColumns(rows: string[][]): string[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const keep = Array.from({ length: width }, (_, i) => rows.some((r) => (r[i] ?? '') !== ''));
  return rows.map((r) => keep.flatMap((k, i) => (k ? [r[i] ?? ''] : [])));
}

export interface GridText {
  tables: Table[];
  /** Every non-empty row in order, cells joined by " | " (as article table rows are). */
  lines: string[];
}

export function gridToTables(grid: readonly (readonly unknown[])[]): GridText {
  const rows = grid.map((r) => r.map(cleanCell));
  const tables: Table[] = [];
  const lines: string[] = [];
  let block: string[][] = [];
  const flush = () => {
    if (block.length >= 2) {
      const [header, ...body] = dropEmptyColumns(block);
      tables.push({ header: header!, rows: body });
    }
    block = [];
  };
  for (const row of rows) {
    const n = filled(row);
    if (n === 0) {
      flush();
      continue;
    }
    lines.push(row.filter((c) => c !== '').join(' | '));
    if (n >= 2) block.push(row);
    else flush();
  }
  flush();
  return { tables, lines };
}
