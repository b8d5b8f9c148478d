/**
 * Sanitising an article's HTML fragment (hast): what stays is text, structure (headings,
 * paragraphs, lists, tables, line breaks) and http(s) links made absolute against the page URL.
 * Code, embeds and form controls go with their content; every other element is unwrapped to its
 * children; every attribute except a[href] and table cell spans goes. Text that merely looks like
 * markup (an escaped `&lt;script&gt;`) is text and survives. Pure.
 */
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { stripInvisible } from '../write/text.ts';
import { safeHref } from './url.ts';

/** Elements removed together with everything inside them. */
const DROP_WITH_CONTENT = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'source',
  'track',
  'img',
  'picture',
  'map',
  'area',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'param',
];

/** Structure kept; block containers stay so their texts do not run together. */
const KEEP = [
  'p',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'a',
  'pre',
  'blockquote',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'center',
  'address',
  'figure',
  'figcaption',
  'details',
  'summary',
  'fieldset',
  'hr',
];

const SCHEMA: Schema = {
  tagNames: KEEP,
  strip: DROP_WITH_CONTENT,
  attributes: { a: ['href'], td: ['colSpan', 'rowSpan'], th: ['colSpan', 'rowSpan'] },
  protocols: { href: ['http', 'https'] },
  ancestors: {},
  required: {},
  clobber: [],
  allowComments: false,
  allowDoctypes: false,
};

const isElement = (n: Nodes): n is Element => n.type === 'element';

/** Columns a row spans (colspan counted). */
function cellCount(tr: Element): number {
  let n = 0;
  for (const c of tr.children) if (isElement(c) && (c.tagName === 'td' || c.tagName === 'th')) n += Math.max(1, Number(c.properties['colSpan'] ?? 1) || 1);
  return n;
}

/** A table's rows, through thead, tbody and tfoot. */
export function rowsOf(table: Element): Element[] {
  const out: Element[] = [];
  for (const c of table.children) {
    if (!isElement(c)) continue;
    if (c.tagName === 'tr') out.push(c);
    else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') out.push(...rowsOf(c));
  }
  return out;
}

/** Links absolute (others unlinked), and one-column layout tables turned into plain blocks. */
function prepare(node: Root | Element, base: string): void {
  const kids: Nodes[] = node.children;
  node.children = kids.flatMap((child): Nodes[] => {
    if (!isElement(child)) return [child];
    if (child.tagName === 'a') {
      const href = safeHref(typeof child.properties['href'] === 'string' ? child.properties['href'] : null, base);
      if (href) child.properties['href'] = href;
      else delete child.properties['href'];
    }
    prepare(child, base);
    if (child.tagName === 'table') {
      const rows = rowsOf(child);
      if (Math.max(0, ...rows.map(cellCount)) <= 1) {
        // A layout table: its cells are containers, not data.
        return rows.flatMap((tr) =>
          tr.children.filter(isElement).map((cell): Element => ({ type: 'element', tagName: 'div', properties: {}, children: cell.children })),
        );
      }
    }
    return [child];
  }) as Element[];
}

/** Parse, resolve links against `base` and sanitise an HTML fragment. */
export function sanitizeHast(html: string, base: string): Root {
  // Controls and lone surrogates are never text (and lone surrogates break HTML serialisers).
  const tree = fromHtml(stripInvisible(html), { fragment: true });
  prepare(tree, base);
  return sanitize(tree, SCHEMA) as Root;
}

/** Sanitise an HTML fragment to an HTML string. */
export function sanitizeHtml(html: string, base: string): string {
  return toHtml(sanitizeHast(html, base));
}
