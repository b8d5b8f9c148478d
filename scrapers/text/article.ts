/**
 * The one text path: an article's HTML fragment -> sanitised HTML, the text-only mdast tree the
 * writer stores, and the lines and tables extraction reads from that same tree. Pure.
 */
import type { Nodes, Root } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { bodyOf, type BodyText } from './body.ts';
import { sanitizeHast } from './sanitize.ts';
import { hastToMdast } from './to-mdast.ts';

export interface ArticleText {
  /** Sanitised HTML fragment (links absolute, http(s) only). */
  html: string;
  mdast: Root;
  body: BodyText;
  /** The body's links, in document order. */
  links: { url: string; text: string }[];
}

function linksOf(node: Nodes, out: { url: string; text: string }[]): void {
  if (node.type === 'link') {
    const text = (node.children as Nodes[]).map((c) => ('value' in c ? String(c.value) : '')).join('');
    out.push({ url: node.url, text });
    return;
  }
  if ('children' in node) for (const c of node.children as Nodes[]) linksOf(c, out);
}

export function articleText(html: string, baseUrl: string): ArticleText {
  const hast = sanitizeHast(html, baseUrl);
  const mdast = hastToMdast(hast);
  const links: { url: string; text: string }[] = [];
  linksOf(mdast, links);
  return { html: toHtml(hast), mdast, body: bodyOf(mdast), links };
}
