/**
 * Canonical article URLs: https, no fragment, tracking parameters dropped, remaining query kept
 * (some CMSs address pages by query). The list parse keeps links as linked; dedup uses this.
 */
import { safeHref, toHttps } from '../text/url.ts';

const TRACKING = /^(utm_[a-z_]+|spm|from|share_token|isappinstalled|scene|clicktime|enterid|wfr|fbclid|gclid|mc_cid|mc_eid)$/i;

export function canonicalUrl(raw: string, base?: string): string {
  const u = toHttps(new URL(raw, base));
  u.hash = '';
  u.hostname = u.hostname.toLowerCase();
  if (u.port === '80' || u.port === '443') u.port = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  if ([...u.searchParams.keys()].length === 0) u.search = '';
  return u.href;
}

/** Resolve a link as the page links it (scheme kept), against the page's real URL. */
export function resolveLink(href: string, pageUrl: string): string | null {
  const url = safeHref(href.trim(), pageUrl);
  if (!url) return null;
  const u = new URL(url);
  u.hash = '';
  return u.href;
}
