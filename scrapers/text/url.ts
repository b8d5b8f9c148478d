/**
 * URLs the scrapers accept: absolute and http(s) only, upgraded to https where a canonical form is
 * wanted (every source host in scope serves https, and canonical URLs are https). Pure.
 */

/** Whether `url` is an absolute http(s) URL (a string that does not parse is not). */
export function isHttpUrl(url: string | URL): boolean {
  const u = typeof url === 'string' ? URL.parse(url) : url;
  return u !== null && (u.protocol === 'http:' || u.protocol === 'https:');
}

/** The same URL over https (an http URL is upgraded in place; any other is returned as is). */
export function toHttps(url: URL): URL {
  if (url.protocol === 'http:') url.protocol = 'https:';
  return url;
}

/** `raw` (an absolute URL) over https. */
export function httpsUrl(raw: string): string {
  return toHttps(new URL(raw)).href;
}

/** An absolute http(s) URL for `href` resolved against `base`, or null for any other scheme. */
export function safeHref(href: string | undefined | null, base: string): string | null {
  if (!href) return null;
  // As browsers do before judging the scheme: trim C0 controls and spaces, drop tabs/newlines.
  const trimmed = href.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  const url = URL.parse(trimmed, base);
  return url && isHttpUrl(url) ? url.href : null;
}
