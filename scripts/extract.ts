/**
 * `npm run --silent extract -- --url <URL> <FILE> [--content-type T] [--attachment URL=FILE]... [--full]`
 * Reads one saved article page (any encoding; an RSS/Atom file is read as the feed item whose
 * link is URL) and prints ONE JSON object: title, publishedAt, relevant, cities, measures,
 * products, markets, eligibility, signal, confidence (--full adds body, attachments, candidates
 * and explanations). Each `--attachment URL=FILE` is a saved linked file (XLS, XLSX, CSV, PDF, DOCX,
 * DOC) read as the scraper reads it: its facts (products with HS codes, enterprise count, cities)
 * go into the result, which then also lists `attachments` (status, size, sha256, tables) and
 * `enterpriseCount`. A page that is not an article prints {"error", "url", "reason"} and exits 1;
 * bad usage exits 2.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import { extractArticle, isExtractError, loadVocabulary } from '../scrapers/extract/index.ts';
import { readAttachment, type AttachmentData } from '../scrapers/attachments/entry.ts';
import { applyAttachmentFacts } from '../scrapers/attachments/merge.ts';
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

/** `URL=FILE` pairs: the URL is everything before the first `=` that is followed by no `://`. */
export function parseAttachmentArg(arg: string): { url: string; file: string } | null {
  const m = /^(https?:\/\/[^=]+)=(.+)$/.exec(arg);
  if (!m) return null;
  try {
    return { url: new URL(m[1]!).href, file: m[2]! };
  } catch {
    return null;
  }
}

/** The contract view with the attachments' facts applied, as the writer applies them to the record. */
export async function withAttachments(r: Extracted, files: { url: string; bytes: Uint8Array }[]) {
  const v = loadVocabulary();
  const data: Record<string, AttachmentData> = {};
  for (const f of files) {
    const link = r.attachments.find((a) => a.url === f.url);
    data[f.url] = await readAttachment(f.bytes, { name: link?.name ?? basename(new URL(f.url).pathname) }, v);
  }
  const links = [
    ...r.attachments,
    ...files.filter((f) => !r.attachments.some((a) => a.url === f.url)).map((f) => ({ name: basename(new URL(f.url).pathname), url: f.url, type: 'file' })),
  ];
  const attachments = links.map((a) => ({ ...a, ...(data[a.url] ?? {}) }));
  const view = contractView(r);
  const applied = applyAttachmentFacts({ relevant: r.relevant, products: view.products, cities: view.cities.map((c) => c.id), attachments });
  const cityIds = applied['cities'] as string[];
  const cities = [
    ...view.cities,
    ...cityIds
      .filter((id) => !view.cities.some((c) => c.id === id))
      .map((id) => {
        const c = v.cities.get(id);
        return { id, nameZh: c?.nameZh ?? id, nameEn: c?.nameEn ?? id };
      }),
  ];
  return {
    ...view,
    cities,
    products: applied['products'] as typeof view.products,
    ...(applied['enterpriseCount'] !== undefined ? { enterpriseCount: applied['enterpriseCount'] as number } : {}),
    attachments,
  };
}

function fail(obj: unknown, code: number): never {
  process.stdout.write(`${JSON.stringify(obj)}\n`);
  process.exit(code);
}

if (import.meta.main) {
  let values: { url?: string | undefined; 'content-type'?: string | undefined; full?: boolean | undefined; attachment?: string[] | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      options: {
        url: { type: 'string' },
        'content-type': { type: 'string' },
        full: { type: 'boolean', default: false },
        attachment: { type: 'string', multiple: true },
      },
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
  const files: { url: string; bytes: Uint8Array }[] = [];
  for (const arg of values.attachment ?? []) {
    const a = parseAttachmentArg(arg);
    if (!a) fail({ error: 'usage', url, reason: `--attachment wants URL=FILE with an http(s) URL, got ${arg}` }, 2);
    try {
      files.push({ url: a.url, bytes: new Uint8Array(readFileSync(a.file)) });
    } catch (err) {
      fail({ error: 'unreadable-file', url: a.url, reason: (err as Error).message }, 2);
    }
  }
  const r = extractArticle(input);
  if (isExtractError(r)) fail(r, 1);
  const view = files.length ? await withAttachments(r, files) : contractView(r);
  const out = values.full
    ? { attachments: r.attachments, ...view, template: r.template, candidates: r.candidates, bodyHtml: r.bodyHtml, bodyText: r.bodyText, explain: r.explain }
    : view;
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
