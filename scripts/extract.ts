/**
 * `npm run --silent extract -- --url <URL> <FILE> [--content-type T] [--full]`
 * Reads one saved article page (any encoding; an RSS/Atom file is read as the feed item whose
 * link is URL) and prints ONE JSON object: title, publishedAt, relevant, cities, measures,
 * products, markets, eligibility, signal, confidence (--full adds body, attachments, candidates
 * and explanations). A page that is not an article prints {"error", "url", "reason"} and exits 1;
 * bad usage exits 2.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractArticle, isExtractError } from '../scrapers/extract/index.ts';
import { feedItemFor } from '../scrapers/extract/page.ts';
import type { ExtractInput, Extracted } from '../scrapers/extract/types.ts';

export function contractView(r: Extracted) {
  return {
    title: r.title,
    publishedAt: r.publishedAt,
    relevant: r.relevant,
    cities: r.cities.map((c) => ({ id: c.id, nameZh: c.nameZh, nameEn: c.nameEn })),
    measures: r.measures.map((m) => ({ id: m.id, nameZh: m.nameZh })),
    products: r.products.map((p) => ({ id: p.id, nameZh: p.nameZh, ...(p.display ? { display: p.display } : {}), ...(p.hs ? { hs: p.hs } : {}) })),
    markets: r.markets.map((m) => ({ id: m.id })),
    eligibility: r.eligibility,
    signal: r.signal,
    confidence: r.confidence,
  };
}

function fail(obj: unknown, code: number): never {
  process.stdout.write(`${JSON.stringify(obj)}\n`);
  process.exit(code);
}

if (import.meta.main) {
  let values: { url?: string | undefined; 'content-type'?: string | undefined; full?: boolean | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      options: { url: { type: 'string' }, 'content-type': { type: 'string' }, full: { type: 'boolean', default: false } },
      allowPositionals: true,
    }));
  } catch (err) {
    fail({ error: 'usage', url: null, reason: `${(err as Error).message}; usage: extract --url <URL> <FILE>` }, 2);
  }
  const file = positionals[0];
  const url = values.url;
  if (!url || !file || positionals.length !== 1) fail({ error: 'usage', url: url ?? null, reason: 'usage: extract --url <URL> <FILE>' }, 2);
  try {
    new URL(url);
  } catch {
    fail({ error: 'usage', url, reason: 'the --url value is not a URL' }, 2);
  }
  let body: Buffer;
  try {
    body = readFileSync(file);
  } catch (err) {
    fail({ error: 'unreadable-file', url, reason: (err as Error).message }, 2);
  }
  let input: ExtractInput = { body: new Uint8Array(body), url, contentType: values['content-type'] ?? null };
  const head = body.subarray(0, 512).toString('utf8');
  if (/^\s*(<\?xml[^>]*>\s*)?<(rss|feed)\b/i.test(head)) {
    const item = feedItemFor(body.toString('utf8'), url);
    if (!item) fail({ error: 'not-in-feed', url, reason: 'the file is a feed without an item linking this URL' }, 1);
    input = { body: new Uint8Array(), url, feedItem: item };
  }
  const r = extractArticle(input);
  if (isExtractError(r)) fail(r, 1);
  const out = values.full ? { ...contractView(r), template: r.template, attachments: r.attachments, candidates: r.candidates, bodyHtml: r.bodyHtml, bodyText: r.bodyText, explain: r.explain } : contractView(r);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
