/**
 * Reading a recorded-site folder (../shared/fixtures layout): the bytes and Content-Type a server
 * would send for a URL, and the feed item for URLs that exist only behind a feed. Used by the
 * eval script, the throughput measurement and tests.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { feedItemFor } from './page.ts';
import type { ExtractInput } from './types.ts';

export function fileForUrl(sitesDir: string, url: string): string {
  const u = new URL(url);
  const p = u.pathname.endsWith('/') ? `${u.pathname}index.html` : u.pathname;
  return path.join(sitesDir, u.host, decodeURIComponent(p));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** The input extraction gets for a labelled URL of a fixtures folder (sites/ + responses.json). */
export function inputForUrl(fixturesDir: string, url: string): ExtractInput {
  const sites = path.join(fixturesDir, 'sites');
  const responsesFile = path.join(fixturesDir, 'responses.json');
  const responses: Record<string, { status: number; headers: Record<string, string> }> = existsSync(responsesFile)
    ? JSON.parse(readFileSync(responsesFile, 'utf8'))
    : {};
  const u = new URL(url);
  const key = `${u.host}${u.pathname}`;
  const file = fileForUrl(sites, url);
  if (existsSync(file)) {
    return { body: new Uint8Array(readFileSync(file)), url, contentType: responses[key]?.headers['content-type'] ?? 'text/html;charset=utf-8' };
  }
  for (const f of walk(sites)) {
    const head = readFileSync(f).subarray(0, 400).toString('utf8');
    if (!/<rss|<feed/i.test(head)) continue;
    const item = feedItemFor(readFileSync(f, 'utf8'), url);
    if (item) return { body: new Uint8Array(), url, feedItem: item };
  }
  return { body: new Uint8Array(), url };
}
