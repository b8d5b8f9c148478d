/** Links found in scraped pages: absolute, and http(s) only. Pure. */

/** An absolute http(s) URL for `href` resolved against `base`, or null for any other scheme. */
export function safeHref(href: string | undefined | null, base: string): string | null {
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
