/**
 * `npm run bench`: build, search, page-weight, extraction and scrape benchmarks.
 * Prints a table on stdout and writes bench/out/bench.json. Never run by `npm test`.
 *
 *   npm run bench                        all sections, sizes 1000,5000,20000
 *   npm run bench -- --sizes 1000,5000   build sizes (mdx is measured up to --mdx-max, default 5000)
 *   npm run bench -- --quick             sizes 1000 only, md and mdx
 *   npm run bench -- --only build,search,matrix,extract,scrape
 *
 * Build figures come from SYNTHETIC announcements (bench/synth.ts, `synthetic: true`) generated
 * into a temp content root; nothing is written to content/.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { makeSyntheticRoot } from '../bench/synth.ts';
import { measure } from '../bench/proc.ts';
import { serveDir } from '../bench/static-server.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const SHARED = path.resolve(ROOT, '../shared/fixtures');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,20000' },
    'mdx-max': { type: 'string', default: '5000' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = (values.quick ? '1000' : values.sizes).split(',').map(Number).filter((n) => n > 0);
const mdxMax = Number(values['mdx-max']);
const only = values.only ? new Set(values.only.split(',')) : null;
const want = (s: string) => !only || only.has(s);

interface Row { metric: string; value: string; goal: string; ok: boolean | null }
const rows: Row[] = [];
const json: Record<string, unknown> = { startedAt: new Date().toISOString(), host: { cpus: os.cpus().length, memGb: +(os.totalmem() / 2 ** 30).toFixed(1), loadavg: os.loadavg() } };
const row = (metric: string, value: string, goal = '', ok: boolean | null = null) => {
  rows.push({ metric, value, goal, ok });
  console.error(`  ${metric}: ${value}${goal ? `  (goal ${goal})` : ''}`);
};

const temps: string[] = [];
function temp(prefix: string): string {
  const d = mkdtempSync(path.join(os.tmpdir(), `bench-${prefix}-`));
  temps.push(d);
  return d;
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += statSync(path.join(e.parentPath, e.name)).size;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Build: synthetic roots, .md vs .mdx, wall time + peak RSS of the whole process tree
// ---------------------------------------------------------------------------------------------
interface BuildFigure { size: number; ext: string; ok: boolean; load1: number; totalS: number; astroS: number | null; pagefindS: number | null; pages: number | null; indexed: number | null; peakMb: number; peakByNameMb: Record<string, number>; distMb: number }
let firstDist: string | null = null;

async function benchBuild(size: number, ext: 'md' | 'mdx'): Promise<BuildFigure> {
  const work = temp(`build-${size}-${ext}`);
  const content = makeSyntheticRoot(path.join(ROOT, 'content'), work, size, ext);
  const outDir = path.join(work, 'dist');
  console.error(`build ${size} .${ext} ...`);
  // The 1-minute load average when the build starts: other work on the machine skews timings.
  const load1 = os.loadavg()[0] ?? 0;
  const m = await measure(NODE, ['scripts/build.ts'], {
    cwd: ROOT,
    env: { ...process.env, ROLLOUT_CONTENT_DIR: content, ROLLOUT_OUT_DIR: outDir, ROLLOUT_CACHE_DIR: path.join(work, 'cache') },
  });

  // Astro prints 850ms, 12.34s or 2m 5s.
  const builtIn = /\[build\] (\d+) page\(s\) built in (?:(\d+)m )?([\d.]+)(m?s)/.exec(m.output);
  const pf = /pagefind: indexed (\d+) pages in (\d+) ms/.exec(m.output);
  const secs = (v: string | undefined, unit: string | undefined) => (v ? Number(v) / (unit === 'ms' ? 1000 : 1) : null);

  const fig: BuildFigure = {
    size, ext, ok: m.code === 0, load1,
    totalS: m.ms / 1000,
    astroS: builtIn ? (secs(builtIn[3], builtIn[4]) ?? 0) + Number(builtIn[2] ?? 0) * 60 : null,
    pagefindS: pf ? Number(pf[2]) / 1000 : null,
    pages: builtIn ? Number(builtIn[1]) : null,
    indexed: pf ? Number(pf[1]) : null,
    peakMb: m.peakRssMb,
    peakByNameMb: m.peakByNameMb,
    distMb: existsSync(outDir) ? dirBytes(outDir) / 2 ** 20 : 0,
  };
  if (!fig.ok) {
    console.error(m.output.split('\n').slice(-30).join('\n'));
  }
  if (fig.ok && !firstDist && ext === 'md') firstDist = outDir;
  if (!values.keep && firstDist !== outDir) rmSync(work, { recursive: true, force: true });
  return fig;
}

// ---------------------------------------------------------------------------------------------
// Search: bytes Chromium downloads for a first Pagefind query
// ---------------------------------------------------------------------------------------------
async function benchSearch(dist: string) {
  const { chromium } = await import('playwright-core');
  const { url, server } = await serveDir(dist);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  const out: Record<string, unknown> = {};
  try {
    for (const [lang, query] of [['zh', '一品一策'], ['en', 'HACCP']] as const) {
      const page = await browser.newPage();
      await page.goto(`${url}/${lang}/`);
      const fetched: { url: string; bytes: number }[] = [];
      page.on('response', async (r) => {
        if (!r.url().includes('/pagefind/')) return;
        try { fetched.push({ url: r.url().slice(url.length), bytes: (await r.body()).length }); } catch { /* aborted */ }
      });
      const result = await page.evaluate(async (q) => {
        const pf = await import('/pagefind/pagefind.js' as string);
        await pf.options?.({});
        const search = await pf.search(q);
        const first = search.results[0] ? await search.results[0].data() : null;
        return { count: search.results.length as number, first: first ? (first.url as string) : null };
      }, query);
      await page.waitForTimeout(200);
      const bytes = fetched.reduce((s, f) => s + f.bytes, 0);
      out[lang] = { query, ...result, bytes, files: fetched };
      row(`search first query "${query}" (${lang}): bytes fetched`, `${(bytes / 1024).toFixed(1)} KB in ${fetched.length} files, ${result.count} results`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  json.search = out;
}

// ---------------------------------------------------------------------------------------------
// Matrix page weight: HTML and the JS it loads, gzip
// ---------------------------------------------------------------------------------------------
function benchMatrix(dist: string) {
  const res: Record<string, unknown> = {};
  for (const page of ['en/matrix', 'zh/matrix', 'en', 'zh']) {
    const lang = page;
    const htmlPath = path.join(dist, page, 'index.html');
    if (!existsSync(htmlPath)) { row(`matrix /${lang}/`, 'missing'); continue; }
    const html = readFileSync(htmlPath);
    const scripts = [...html.toString().matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] as string);
    const modulePreloads = [...html.toString().matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] as string);
    let jsRaw = 0;
    let jsGz = 0;
    for (const src of new Set([...scripts, ...modulePreloads])) {
      const f = path.join(dist, src.replace(/^\//, ''));
      if (!existsSync(f)) continue;
      const b = readFileSync(f);
      jsRaw += b.length;
      jsGz += gzipSync(b).length;
    }
    const inline = [...html.toString().matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '').join('');
    const htmlGz = gzipSync(html).length;
    res[lang] = { htmlBytes: html.length, htmlGzip: htmlGz, externalJsBytes: jsRaw, externalJsGzip: jsGz, inlineJsBytes: Buffer.byteLength(inline) };
    const isMatrix = page.endsWith('matrix');
    row(`${isMatrix ? 'matrix' : 'home'} /${lang}/ HTML gzip`, `${(htmlGz / 1024).toFixed(1)} KB (raw ${(html.length / 1024).toFixed(1)} KB)`, isMatrix ? '< 25 KB' : '', isMatrix ? htmlGz < 25 * 1024 : null);
    row(`${page.endsWith('matrix') ? 'matrix' : 'home'} /${lang}/ JS gzip`, `${(jsGz / 1024).toFixed(1)} KB external + ${(Buffer.byteLength(inline) / 1024).toFixed(1)} KB inline (raw)`);
  }
  json.matrix = res;
}

// ---------------------------------------------------------------------------------------------
// Extraction throughput and scrape, delegated to bench/pipeline.ts (needs the other halves)
// ---------------------------------------------------------------------------------------------
async function benchPipeline(section: 'extract' | 'scrape') {
  const mod = await import('../bench/pipeline.ts');
  const r = section === 'extract' ? await mod.benchExtract(SHARED) : await mod.benchScrape(SHARED, temp('scrape'));
  json[section] = r.json;
  for (const x of r.rows) row(x.metric, x.value, x.goal, x.ok);
}

// ---------------------------------------------------------------------------------------------
try {
  if (want('build') || want('search') || want('matrix')) {
    const builds: BuildFigure[] = [];
    const buildSizes = want('build') ? sizes : [sizes[0] ?? 1000];
    for (const size of buildSizes) {
      for (const ext of ['md', 'mdx'] as const) {
        if (ext === 'mdx' && (size > mdxMax || !want('build'))) continue;
        const f = await benchBuild(size, ext);
        builds.push(f);
        const goal = size === 5000 ? '< 20 s, < 1536 MB' : size === 20000 ? '< 60 s, < 3072 MB' : '';
        const ok = !f.ok ? false : size === 5000 ? f.totalS < 20 && f.peakMb < 1536 : size === 20000 ? f.totalS < 60 && f.peakMb < 3072 : null;
        row(
          `build ${size} .${ext}`,
          f.ok
            ? `${f.totalS.toFixed(1)} s total (astro ${f.astroS?.toFixed(1) ?? '?'} s, pagefind ${f.pagefindS?.toFixed(1) ?? '?'} s), peak ${f.peakMb.toFixed(0)} MB (${Object.entries(f.peakByNameMb).filter(([, v]) => v > 100).map(([k, v]) => `${k} ${v}`).join(', ')}), ${f.pages ?? '?'} pages, ${f.indexed ?? '?'} indexed, dist ${f.distMb.toFixed(0)} MB, load ${f.load1.toFixed(1)}`
            : 'FAILED',
          goal,
          ok,
        );
      }
    }
    json.builds = builds;
    if (firstDist) {
      if (want('matrix')) benchMatrix(firstDist);
      if (want('search')) {
        try { await benchSearch(firstDist); } catch (e) { row('search first query', `not measured: ${(e as Error).message.split('\n')[0]}`); }
      }
    }
  }
  for (const s of ['extract', 'scrape'] as const) {
    if (!want(s)) continue;
    try { await benchPipeline(s); } catch (e) { row(s, `not measured: ${(e as Error).message.split('\n')[0]}`); }
  }
} finally {
  if (!values.keep) for (const d of temps) rmSync(d, { recursive: true, force: true });
}

// The table.
const w1 = Math.max(...rows.map((r) => r.metric.length), 6);
const w2 = Math.max(...rows.map((r) => r.value.length), 5);
const line = (a: string, b: string, c: string, d: string) => `| ${a.padEnd(w1)} | ${b.padEnd(w2)} | ${c.padEnd(18)} | ${d.padEnd(4)} |`;
console.log(line('metric', 'value', 'goal', 'met'));
console.log(`|${'-'.repeat(w1 + 2)}|${'-'.repeat(w2 + 2)}|${'-'.repeat(20)}|${'-'.repeat(6)}|`);
for (const r of rows) console.log(line(r.metric, r.value, r.goal, r.ok === null ? '' : r.ok ? 'yes' : 'NO'));
json.rows = rows;
json.finishedAt = new Date().toISOString();
mkdirSync(path.join(ROOT, 'bench', 'out'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench', 'out', 'bench.json'), JSON.stringify(json, null, 2) + '\n');
console.log(`\nwrote bench/out/bench.json`);
