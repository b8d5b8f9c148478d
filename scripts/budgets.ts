/**
 * `npm run budgets`: measure the matrix page of a built site (dist/, or ROLLOUT_OUT_DIR) against
 * the budgets of issue 5 and print the figures. Exits 1 when a budget is exceeded.
 *   - matrix HTML <= 25 KB gzip (per language)
 *   - JavaScript on the matrix page <= 15 KB gzip (inline and external module scripts together)
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1024;
export const BUDGETS = { matrixHtmlGzip: 25 * KB, matrixJsGzip: 15 * KB };

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;

export interface PageFigures {
  page: string;
  htmlBytes: number;
  htmlGzip: number;
  jsGzip: number;
  scripts: string[];
}

/** Gzip sizes of a built page and of every script it loads (inline scripts counted by their text). */
export function measurePage(outDir: string, rel: string): PageFigures {
  const file = path.join(outDir, rel, 'index.html');
  if (!existsSync(file)) throw new Error(`${file} not found: build the site first (npm run build)`);
  const html = readFileSync(file);
  const text = html.toString('utf8');
  let jsGzip = 0;
  const scripts: string[] = [];
  for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1] ?? '';
    if (/type="application\/(ld\+)?json"/.test(attrs)) continue;
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (src) {
      const local = path.join(outDir, src.replace(/^\//, ''));
      const size = existsSync(local) ? gz(readFileSync(local)) : 0;
      jsGzip += size;
      scripts.push(`${src} (${size} B gzip)`);
    } else if ((m[2] ?? '').trim()) {
      const size = gz(m[2] ?? '');
      jsGzip += size;
      scripts.push(`inline (${size} B gzip)`);
    }
  }
  return { page: rel, htmlBytes: html.length, htmlGzip: gz(html), jsGzip, scripts };
}

function main(): void {
  const outDir = path.resolve(process.cwd(), process.env.ROLLOUT_OUT_DIR ?? 'dist');
  let failed = false;
  const fmt = (n: number) => `${(n / KB).toFixed(1)} KB`;
  for (const lang of ['en', 'zh']) {
    const f = measurePage(outDir, `${lang}/matrix/`);
    const htmlOk = f.htmlGzip <= BUDGETS.matrixHtmlGzip;
    const jsOk = f.jsGzip <= BUDGETS.matrixJsGzip;
    failed ||= !htmlOk || !jsOk;
    console.log(`/${f.page}`);
    console.log(`  HTML ${fmt(f.htmlBytes)} raw, ${fmt(f.htmlGzip)} gzip  (budget ${fmt(BUDGETS.matrixHtmlGzip)})  ${htmlOk ? 'ok' : 'OVER'}`);
    console.log(
      `  JS   ${fmt(f.jsGzip)} gzip  (budget ${fmt(BUDGETS.matrixJsGzip)}, optional)  ${jsOk ? 'ok' : 'OVER'}${f.scripts.length ? `: ${f.scripts.join(', ')}` : ''}`,
    );
  }
  if (failed) {
    console.error('budgets exceeded');
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
