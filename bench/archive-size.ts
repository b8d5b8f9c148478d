/**
 * Size of the article archive (scrapers/archive/store.ts) per 1,000 articles:
 * `node bench/archive-size.ts [--n 1000]`. Archives the recorded article pages of
 * ../shared/fixtures (else the invented pages of tests/fixtures/extract), cycled under N distinct
 * URLs, into a temp folder through `archiveArticle`, and prints the bytes on disk (JSON meta +
 * Brotli body) per article and per 1,000, with raw and gzip sizes for comparison.
 */
import { existsSync, globSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { archiveArticle } from '../scrapers/archive/store.ts';

const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' } } });
const n = Number(values.n);
const ROOT = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(ROOT, '../shared/fixtures/sites');
const pages = existsSync(shared)
  ? globSync(`${shared}/**/*.{html,htm}`).filter((f) => /article_|\/\d{7}\/index\.html|content_\d+|\/t\d{8}_/.test(f))
  : globSync(`${ROOT}/tests/fixtures/extract/*.{html,htm}`);
const bodies = pages.sort().map((f) => new Uint8Array(readFileSync(f)));
const dir = mkdtempSync(path.join(tmpdir(), 'archive-size-'));
let raw = 0;
let gz = 0;
for (let i = 0; i < n; i++) {
  const body = bodies[i % bodies.length]!;
  raw += body.length;
  gz += zlib.gzipSync(body, { level: 9 }).length;
  const url = `https://bench.invalid/customs/2026-05/${String(i).padStart(6, '0')}/article_${String(20260500000000000000n + BigInt(i))}.html`;
  await archiveArticle(dir, {
    sourceId: 'bench',
    district: null,
    url,
    linkedUrl: url,
    body,
    contentType: 'text/html;charset=utf-8',
    headers: { etag: `"${i.toString(16)}"`, 'last-modified': 'Fri, 08 May 2026 08:00:00 GMT' },
    fetchedAt: '2026-05-08T08:00:00.000Z',
    listItem: { title: `基准测试条目 ${i}`, date: '2026-05-08' },
  });
}
let onDisk = 0;
let files = 0;
const walk = (d: string) => {
  for (const e of readdirSync(d)) {
    const p = path.join(d, e);
    if (statSync(p).isDirectory()) walk(p);
    else {
      onDisk += statSync(p).size;
      files++;
    }
  }
};
walk(dir);
const kb = (b: number) => (b / 1024).toFixed(1);
console.log(`${n} articles from ${bodies.length} recorded pages (${existsSync(shared) ? 'shared fixtures' : 'tests/fixtures/extract'})`);
console.log(`raw pages: ${kb(raw / n)} KB/article; gzip -9: ${kb(gz / n)} KB/article`);
console.log(`archive on disk: ${files} files, ${kb(onDisk / n)} KB/article, ${(onDisk / n / 1024).toFixed(2)} MB per 1,000 articles`);
