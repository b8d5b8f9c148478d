/**
 * SSRF guard: the scraper only ever requests hosts that a registered source declares. Every URL,
 * including each redirect hop, robots.txt and feed links, goes through `checkUrl` BEFORE the
 * mirror mapping, so a mirror can never widen what is reachable.
 */
import net from 'node:net';
import { isHttpUrl } from '../text/url.ts';

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

export function checkUrl(raw: string, allowed: ReadonlySet<string>): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: `not a URL: ${raw}` };
  }
  if (!isHttpUrl(url)) return { ok: false, reason: `refused scheme ${url.protocol} (${raw})` };
  if (url.username || url.password) return { ok: false, reason: `refused URL with credentials (${url.host})` };
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (net.isIP(host) !== 0) return { ok: false, reason: `refused IP-literal host ${host}` };
  if (!allowed.has(host)) return { ok: false, reason: `refused off-list host ${host}` };
  if (url.port !== '' && url.port !== '80' && url.port !== '443') return { ok: false, reason: `refused non-standard port ${url.port} on ${host}` };
  return { ok: true, url };
}
