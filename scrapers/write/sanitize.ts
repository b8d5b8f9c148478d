/**
 * Write-time sanitising of an article's DOM fragment. Pure: HTML string in, clean HTML out.
 *
 * Kept: text, structure (headings, paragraphs, lists, tables, line breaks) and http(s) links,
 * resolved against the page URL. Dropped with their content: script, style and other elements
 * that are code, embeds or chrome. Dropped: every attribute except a[href] (http/https only; an
 * anchor with another scheme keeps its text but loses the link) and table cell spans.
 * Text that merely looks like markup (an escaped `&lt;script&gt;` in a paragraph) is text: it is
 * never parsed as markup and survives.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { stripInvisible } from './text.ts';

/** Elements removed together with everything inside them. */
export const DROP_WITH_CONTENT = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'form', 'input', 'button', 'select', 'option', 'textarea', 'svg', 'math', 'canvas', 'video', 'audio',
  'source', 'track', 'img', 'picture', 'map', 'area', 'head', 'title', 'meta', 'link', 'base', 'param',
]);

/** Attributes kept, per element; everything else (on*, style, class, id, data-*) goes. */
const KEEP_ATTRS: Record<string, readonly string[]> = { a: ['href'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] };

/** An absolute http(s) URL for `href` resolved against `base`, or null for any other scheme. */
export function safeHref(href: string | undefined, base: string): string | null {
  if (!href) return null;
  // As browsers do before judging the scheme: trim C0 controls and spaces, drop tabs/newlines.
  const trimmed = href.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href;
}

function clean(node: AnyNode, base: string, $: cheerio.CheerioAPI): void {
  if (node.type === 'comment' || node.type === 'directive' || node.type === 'cdata') {
    $(node).remove();
    return;
  }
  if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
  const el = node as Element;
  const name = el.name.toLowerCase();
  if (DROP_WITH_CONTENT.has(name) || node.type === 'script' || node.type === 'style') {
    $(el).remove();
    return;
  }
  const keep = KEEP_ATTRS[name] ?? [];
  for (const attr of Object.keys(el.attribs)) {
    if (!keep.includes(attr.toLowerCase())) delete el.attribs[attr];
  }
  if (name === 'a') {
    const href = safeHref(el.attribs['href'], base);
    if (href) el.attribs['href'] = href;
    else delete el.attribs['href'];
  }
  for (const child of [...el.children]) clean(child, base, $);
}

/** Sanitise an HTML fragment; `base` is the page's canonical URL for resolving links. */
export function sanitizeHtml(html: string, base: string): string {
  // Controls and lone surrogates are never text, and lone surrogates crash the HTML parser.
  const $ = cheerio.load(stripInvisible(html), null, false);
  for (const node of [...$.root().contents()]) clean(node, base, $);
  return $.html();
}
