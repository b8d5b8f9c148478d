/**
 * Where an announcement lives: announcements/<district or source>/<YYYY>/<stable id>.md.
 * The stable id comes from the canonical URL only, so a re-crawl finds the same file. Pure.
 */
import { createHash } from 'node:crypto';

export const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Lower-case ASCII slug; '' when nothing usable is left. */
function slugify(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const GENERIC = /^(?:index|default|main|detail|content|article|view|show|page)$/;

/**
 * Stable id of an article from its canonical URL: the article's own id where the URL carries one
 * (`article_20260428153240117583.html` -> `article-20260428153240117583`, `.../6598214/index.html`
 * -> `6598214`, `content_7063201.htm` -> `content-7063201`, `t20260512_123456.htm` ->
 * `t20260512-123456`). When the path has no digits (or is generic), a short hash of the URL is
 * appended so two articles never share an id.
 */
export function stableId(canonicalUrl: string): string {
  const url = new URL(canonicalUrl);
  const segments = url.pathname.split('/').filter((s) => s !== '');
  let last = segments.pop() ?? '';
  let name = slugify(last.replace(/\.[a-z0-9]+$/i, ''));
  while ((name === '' || GENERIC.test(name)) && segments.length) {
    last = segments.pop() ?? '';
    name = slugify(last.replace(/\.[a-z0-9]+$/i, ''));
  }
  const hash = sha256Hex(`${url.host}${url.pathname}${url.search}`).slice(0, 10);
  if (name === '' || !/\d/.test(name) || url.search !== '') return name ? `${name.slice(0, 60)}-${hash}` : `page-${hash}`;
  return name.slice(0, 80);
}

/**
 * Folder under announcements/: the district id; for national sources (no district) the
 * publishing site's host (`www.gov.cn` -> `gov-cn`, `www.customs.gov.cn` -> `customs-gov-cn`),
 * not the source id: two sources (a list page and a feed) that link the same article must land
 * on the same file, whichever of them runs first.
 */
export function ownerFolder(district: string | null, canonicalUrl: string): string {
  if (district) return slugify(district) || 'unknown';
  return slugify(new URL(canonicalUrl).hostname.replace(/^www\./, '')) || 'unknown';
}

/** Path of an announcement file relative to the content root (POSIX separators). */
export function announcementPath(district: string | null, publishedAt: string, canonicalUrl: string): string {
  return `announcements/${ownerFolder(district, canonicalUrl)}/${publishedAt.slice(0, 4)}/${stableId(canonicalUrl)}.md`;
}
