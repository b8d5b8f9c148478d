/**
 * Sanitised article HTML -> an mdast tree holding only text, links, line breaks and structure
 * (headings, paragraphs, lists, GFM tables). Pure. hast-util-to-mdast does the conversion; the
 * pass after it folds whatever else it yields (emphasis, code, quotes) into text, so every
 * character of the page ends up in a `text` value that the serializer escapes.
 */
import type { BlockContent, Nodes, Paragraph, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import type { Element, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import { collapseWhitespace, stripInvisible } from '../write/text.ts';
import { rowsOf, sanitizeHast } from './sanitize.ts';
import { isHttpUrl } from './url.ts';

type Parent = { children: Nodes[] };

/** Phrasing content with every non-text inline (emphasis, inline code, images) folded into text. */
function phrasing(nodes: readonly Nodes[], inLink = false): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const n of nodes) {
    if (n.type === 'text') out.push({ type: 'text', value: n.value });
    else if (n.type === 'inlineCode') out.push({ type: 'text', value: n.value });
    else if (n.type === 'break') out.push({ type: 'break' });
    else if (n.type === 'link' && !inLink && isHttpUrl(n.url)) out.push({ type: 'link', url: n.url, children: phrasing(n.children, true) as never });
    else if ('children' in n) {
      if (n.type === 'paragraph' || n.type === 'heading') out.push({ type: 'text', value: ' ' });
      out.push(...phrasing((n as Parent).children, inLink));
      if (n.type === 'paragraph' || n.type === 'heading') out.push({ type: 'text', value: ' ' });
    } else if ('value' in n && typeof n.value === 'string' && n.type !== 'html') out.push({ type: 'text', value: n.value });
  }
  return out;
}

/** Merge texts, normalise whitespace, trim at the edges and around breaks, drop empty nodes. */
function tidy(nodes: PhrasingContent[], breaks: 'keep' | 'space'): PhrasingContent[] {
  const merged: PhrasingContent[] = [];
  for (const raw of nodes) {
    let n = raw;
    if (n.type === 'break' && breaks === 'space') n = { type: 'text', value: ' ' };
    if (n.type === 'link') {
      // Whitespace at a link's edges separates words: keep it, outside the link.
      const inner = n.children as PhrasingContent[];
      const first = inner[0];
      const lastChild = inner[inner.length - 1];
      const before = first?.type === 'text' && /^\s/.test(first.value);
      const after = lastChild?.type === 'text' && /\s$/.test(lastChild.value);
      const children = tidy(inner, 'space');
      if (before || !children.length) merged.push({ type: 'text', value: ' ' });
      if (!children.length) continue;
      n = { ...n, children: children as never };
      if (after) {
        merged.push(n, { type: 'text', value: ' ' });
        continue;
      }
    }
    const last = merged[merged.length - 1];
    if (n.type === 'text' && last?.type === 'text') last.value += n.value;
    else merged.push(n.type === 'text' ? { type: 'text', value: n.value } : n);
  }
  for (const n of merged) if (n.type === 'text') n.value = collapseWhitespace(stripInvisible(n.value));
  merged.forEach((n, i) => {
    if (n.type !== 'text') return;
    const prev = merged[i - 1];
    const next = merged[i + 1];
    if (!prev || prev.type === 'break') n.value = n.value.replace(/^ /, '');
    if (!next || next.type === 'break') n.value = n.value.replace(/ $/, '');
  });
  const out: PhrasingContent[] = [];
  for (const n of merged) {
    if (n.type === 'text' && n.value === '') continue;
    if (n.type === 'break' && (out.length === 0 || out[out.length - 1]?.type === 'break')) continue;
    out.push(n);
  }
  while (out[out.length - 1]?.type === 'break') out.pop();
  return out;
}

function paragraph(nodes: PhrasingContent[]): Paragraph[] {
  const children = tidy(nodes, 'keep');
  return children.length ? [{ type: 'paragraph', children }] : [];
}

function table(t: Table): BlockContent[] {
  let rows: TableRow[] = t.children.map((row) => ({
    type: 'tableRow',
    children: row.children.map((cell) => ({ type: 'tableCell', children: tidy(phrasing(cell.children), 'keep') })),
  }));
  rows = rows.filter((r) => r.children.some((c) => c.children.length > 0));
  if (!rows.length) return [];
  const width = Math.max(...rows.map((r) => r.children.length));
  for (const r of rows) while (r.children.length < width) r.children.push({ type: 'tableCell', children: [] });
  return [{ type: 'table', align: Array.from({ length: width }, () => null), children: rows }];
}

/** Block content with only the node types a stored body may hold. */
function blocks(nodes: readonly (RootContent | Nodes)[]): BlockContent[] {
  const out: BlockContent[] = [];
  let run: PhrasingContent[] = [];
  const flush = () => {
    out.push(...paragraph(run));
    run = [];
  };
  for (const n of nodes) {
    switch (n.type) {
      case 'paragraph':
        flush();
        out.push(...paragraph(phrasing(n.children)));
        break;
      case 'heading': {
        flush();
        const children = tidy(phrasing(n.children), 'space');
        if (children.length) out.push({ type: 'heading', depth: n.depth, children });
        break;
      }
      case 'list': {
        flush();
        const items = n.children.flatMap((li) => {
          const content = blocks(li.children);
          return content.length ? [{ type: 'listItem' as const, spread: false, children: content }] : [];
        });
        if (items.length) out.push({ type: 'list', ordered: !!n.ordered, spread: false, ...(n.ordered ? { start: 1 } : {}), children: items });
        break;
      }
      case 'table':
        flush();
        out.push(...table(n));
        break;
      case 'code': {
        // Preformatted text: one line per source line, never a code block.
        flush();
        const lines: PhrasingContent[] = n.value.split(/\r?\n/).flatMap((value) => [{ type: 'text' as const, value }, { type: 'break' as const }]);
        out.push(...paragraph(lines));
        break;
      }
      case 'thematicBreak':
      case 'html':
      case 'image':
      case 'imageReference':
      case 'definition':
        break;
      default:
        if ('children' in n && !isPhrasingParent(n)) {
          flush();
          out.push(...blocks((n as Parent).children));
        } else run.push(...phrasing([n]));
    }
  }
  flush();
  return out;
}

const PHRASING_PARENTS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);
const isPhrasingParent = (n: Nodes) => PHRASING_PARENTS.has(n.type);

/** hast-util-to-mdast's output folded to the node types a stored body may hold. */
export function normalizeMdast(mdast: Root): Root {
  // hast-util-to-mdast adds an empty header row to tables without <th>: the first row is the header.
  const fixTables = (n: Nodes) => {
    if (n.type === 'table' && n.children.length > 1 && n.children[0]!.children.every((c) => c.children.length === 0)) n.children.shift();
    if ('children' in n) for (const c of (n as Parent).children) fixTables(c);
  };
  fixTables(mdast);
  return { type: 'root', children: blocks(mdast.children) };
}

const isCell = (n: HastNodes): n is Element => n.type === 'element' && (n.tagName === 'td' || n.tagName === 'th');

/**
 * A merged cell (colspan, rowspan) repeated in every grid position it covers: a Markdown table has
 * no merged cells, and a value spanning rows (one exit port for two products) belongs to each row.
 */
function expandSpans(node: HastRoot | Element): void {
  for (const child of node.children) if (child.type === 'element') expandSpans(child);
  if (node.type !== 'element' || node.tagName !== 'table') return;
  const rows = rowsOf(node);
  // Cells still to come from a rowspan above: column -> [cell, rows left].
  const pending = new Map<number, [Element, number]>();
  const span = (cell: Element, key: string) => Math.min(50, Math.max(1, Number(cell.properties[key] ?? 1) || 1));
  for (const tr of rows) {
    const own = tr.children.filter(isCell);
    const out: Element[] = [];
    let col = 0;
    const fillPending = () => {
      for (let p = pending.get(col); p; p = pending.get(col)) {
        out.push(structuredClone(p[0]));
        if (p[1] <= 1) pending.delete(col);
        else pending.set(col, [p[0], p[1] - 1]);
        col++;
      }
    };
    for (const cell of own) {
      fillPending();
      const cols = span(cell, 'colSpan');
      const rowsDown = span(cell, 'rowSpan');
      const plain: Element = { ...cell, properties: { ...cell.properties } };
      delete plain.properties['colSpan'];
      delete plain.properties['rowSpan'];
      for (let k = 0; k < cols; k++) {
        out.push(k ? structuredClone(plain) : plain);
        if (rowsDown > 1) pending.set(col, [plain, rowsDown - 1]);
        col++;
      }
    }
    fillPending();
    tr.children = out;
  }
}

/** A sanitised hast tree -> the text-only mdast root the writer stores, merged cells repeated (the tree is not changed). */
export function hastToMdast(hast: HastRoot): Root {
  const grid = structuredClone(hast);
  expandSpans(grid);
  return normalizeMdast(toMdast(grid) as Root);
}

/** Sanitise `html` (links resolved against `baseUrl`) and convert it to a text-only mdast root. */
export function htmlToMdast(html: string, baseUrl: string): Root {
  return hastToMdast(sanitizeHast(html, baseUrl));
}
