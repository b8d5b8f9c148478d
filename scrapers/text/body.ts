/**
 * What extraction reads, taken from the same mdast tree the writer stores: free-text lines
 * (paragraphs, headings, list items; a line break starts a new line) and tables (header row +
 * rows of cell texts; a line break inside a cell stays as "\n"). Table rows also appear in
 * `fullText`, cells joined by " | ", in document order. Pure.
 */
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';

export interface Table {
  header: string[];
  rows: string[][];
}

/** The longest key of a key-value table (申请条件, 主要市场, 企业条件). */
const KEY_MAX = 8;

/**
 * A key-value table's rows, its first row included (主要市场 | 港澳台地区、日本; 申请条件 | 1.…；2.…):
 * two cells a row, a short key first. Null for any other table.
 */
export function keyValueRows(t: Table): [key: string, value: string][] | null {
  const rows = [t.header, ...t.rows];
  if (!rows.every((row) => row.length === 2 && (row[0] ?? '').trim().length <= KEY_MAX)) return null;
  return rows.map((row) => [(row[0] ?? '').trim(), row[1] ?? '']);
}

/** A key-value table of prose (来信内容 | 我公司…；答复内容 | 您好！…) as the lines it stands for: "key：value". */
export function keyValueLines(tables: Table[]): string[] {
  return tables.flatMap((t) => (keyValueRows(t) ?? []).map(([key, value]) => `${key.replace(/[：:]\s*$/u, '')}：${value.trim()}`));
}

export interface BodyText {
  /** Lines of free text (tables excluded). */
  lines: string[];
  /** Free text joined by "\n": offsets in explanations refer to this. */
  text: string;
  tables: Table[];
  /** Free text and table rows, in document order (what the writer stores and readers see). */
  fullText: string;
}

/** Text of phrasing content, with line breaks as "\n". */
function textOf(nodes: readonly PhrasingContent[]): string {
  let s = '';
  for (const n of nodes) {
    if (n.type === 'text') s += n.value;
    else if (n.type === 'break') s += '\n';
    else if ('children' in n) s += textOf(n.children as PhrasingContent[]);
  }
  return s;
}

const lineList = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * A table's header and data rows. A merged header cell (出口安排 over 出境口岸 | 目标市场) comes as
 * two header rows, the second repeating the first where no cell is split: the columns it splits
 * are named by both (出口安排·目标市场). A header repeated further down (a long table printed in
 * parts) is no data.
 */
function withHeader(rows: string[][]): Table {
  const top = rows[0] ?? [];
  let header = top;
  let data = rows.slice(1);
  const next = data[0];
  if (next && next.length === top.length) {
    const split = top.map((h, i) => !!next[i] && next[i] !== h);
    // A split column sits under a merged cell: its header repeats a neighbour's.
    const underMerged = split.every((s, i) => !s || top[i] === top[i - 1] || top[i] === top[i + 1]);
    if (split.some(Boolean) && underMerged && next.some((c, i) => !!c && c === top[i])) {
      header = top.map((h, i) => (split[i] ? `${h}·${next[i]}` : h));
      data = data.slice(1);
    }
  }
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((c, i) => c === b[i]);
  const repeats = [top, ...(header === top ? [] : [rows[1]!])];
  return { header, rows: data.filter((r) => !repeats.some((h) => same(r, h))) };
}

export function bodyOf(tree: Root): BodyText {
  const lines: string[] = [];
  const all: string[] = [];
  const tables: Table[] = [];
  const visit = (nodes: readonly (RootContent | Nodes)[]) => {
    for (const n of nodes) {
      if (n.type === 'paragraph' || n.type === 'heading') {
        const ls = lineList(textOf(n.children));
        lines.push(...ls);
        all.push(...ls);
      } else if (n.type === 'table') {
        const rows = n.children.map((r) => r.children.map((c) => lineList(textOf(c.children)).join('\n')));
        if (!rows.length) continue;
        tables.push(withHeader(rows));
        for (const r of rows)
          all.push(
            r
              .map((c) => c.replace(/\n/g, ' '))
              .join(' | ')
              .replace(/(\s*\|\s*)+$/, ''),
          );
      } else if ('children' in n) visit(n.children as Nodes[]);
    }
  };
  visit(tree.children);
  return { lines, text: lines.join('\n'), tables, fullText: all.filter(Boolean).join('\n') };
}

/** Whitespace-normalised one-line text (selectors' text in page chrome). */
export const clean = (s: string) =>
  s
    .replace(/[\u00a0\t\r]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
