/**
 * `npm run bench`: build, search, page-weight, extraction and scrape benchmarks.
 * Prints a table and the budget (ratio) table on stdout and writes bench/out/bench.json. Never run
 * by `npm test`.
 *
 *   npm run bench                        all sections, sizes 1000,5000,20000
 *   npm run bench -- --sizes 1000,5000   build sizes
 *   npm run bench -- --quick             size 1000 only
 *   npm run bench -- --mdx-max 5000      also build .mdx announcements up to that size
 *   npm run bench -- --search-size 5000  the built size whose first search is measured
 *   npm run bench -- --only build,search,matrix,extract,scrape
 *
 * Build figures come from SYNTHETIC announcements (bench/synth.ts, `synthetic: true`) generated
 * into a temp content root; nothing is written to content/. Absolute seconds swing threefold on
 * shared machines, so the time budget is a ratio: each size is also built by Eleventy 3 as plain
 * pages (bench/eleventy/) in the same run, right before and right after the project's build, and
 * by bare Astro (bench/astro-bare/) after it, to show Astro's own share.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { makeSyntheticRoot } from '../bench/synth.ts';
import { measure } from '../bench/proc.ts';
import { serveDir } from '../tests/helpers/fixture-server.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const SHARED = path.resolve(ROOT, '../shared/fixtures');

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,20000' },
    'mdx-max': { type: 'string', default: '0' },
    'search-size': { type: 'string', default: '5000' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = (values.quick ? '1000' : values.sizes)
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const mdxMax = Number(values['mdx-max']);
const searchSize = Number(values['search-size']);
const only = values.only ? new Set(values.only.split(',')) : null;
const want = (s: string) => !only || only.has(s);

interface Row {
  metric: string;
  value: string;
  goal: string;
  ok: boolean | null;
}
const rows: Row[] = [];
const json: Record<string, unknown> = {
  startedAt: new Date().toISOString(),
  host: { cpus: os.cpus().length, memGb: +(os.totalmem() / 2 ** 30).toFixed(1), loadavg: os.loadavg() },
};
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
// Build: synthetic roots, wall time + peak RSS of the whole process tree, and Eleventy alongside
// ---------------------------------------------------------------------------------------------
interface BuildFigure {
  size: number;
  ext: string;
  ok: boolean;
  load1: number;
  totalS: number;
  astroS: number | null;
  pagefindS: number | null;
  pages: number | null;
  indexed: number | null;
  peakMb: number;
  peakByNameMb: Record<string, number>;
  atPeakMb: Record<string, number>;
  peakAtS: number;
  distMb: number;
}
interface EleventyFigure {
  size: number;
  ok: boolean;
  load1: number;
  totalS: number;
  peakMb: number;
  pages: number;
}
/** The dist folder kept for the search and page-weight sections. */
const kept: { dist: { size: number; dir: string } | null } = { dist: null };

/** The synthetic content root of `size` announcements (one per size and extension). */
function synthRoot(size: number, ext: 'md' | 'mdx'): { work: string; content: string } {
  const work = temp(`build-${size}-${ext}`);
  return { work, content: makeSyntheticRoot(path.join(ROOT, 'content'), work, size, ext) };
}

async function benchBuild(size: number, ext: 'md' | 'mdx', { work, content }: { work: string; content: string }): Promise<BuildFigure> {
  const outDir = path.join(work, 'dist');
  console.error(`build ${size} .${ext} ...`);
  // The 1-minute load average when the build starts: other work on the machine skews timings.
  const load1 = os.loadavg()[0] ?? 0;
  const m = await measure(NODE, ['scripts/build.ts'], {
    cwd: ROOT,
    env: { ...process.env, ROLLOUT_CONTENT_DIR: content, ROLLOUT_OUT_DIR: outDir, ROLLOUT_CACHE_DIR: path.join(work, 'cache') },
  });
  // The figures the build prints (src/integrations/search-index.ts, scripts/build.ts).
  const astro = /astro ([\d.]+) s for (\d+) pages/.exec(m.output);
  const pagefind = /pagefind ([\d.]+) s for (\d+) pages/.exec(m.output);
  const fig: BuildFigure = {
    size,
    ext,
    ok: m.code === 0,
    load1,
    totalS: m.ms / 1000,
    astroS: astro ? Number(astro[1]) : null,
    pages: astro ? Number(astro[2]) : null,
    pagefindS: pagefind ? Number(pagefind[1]) : null,
    indexed: pagefind ? Number(pagefind[2]) : null,
    peakMb: m.peakRssMb,
    peakByNameMb: m.peakByNameMb,
    atPeakMb: m.atPeakMb,
    peakAtS: m.peakAtS,
    distMb: existsSync(outDir) ? dirBytes(outDir) / 2 ** 20 : 0,
  };
  if (!fig.ok) console.error(m.output.split('\n').slice(-30).join('\n'));
  if (fig.ok && ext === 'md' && (size === searchSize || !kept.dist)) {
    // Keep one dist only: 20k sites are ~0.6 GB each.
    if (kept.dist && !values.keep) rmSync(path.dirname(kept.dist.dir), { recursive: true, force: true });
    kept.dist = { size, dir: outDir };
  }
  return fig;
}

/** How many HTML pages a yardstick wrote into `dir`. */
const htmlPages = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length : 0);

/** Eleventy 3 over the same synthetic announcements: Markdown bodies to plain HTML pages. */
async function benchEleventy(size: number, { work, content }: { work: string; content: string }): Promise<EleventyFigure> {
  const outDir = path.join(work, 'eleventy');
  console.error(`eleventy ${size} ...`);
  const load1 = os.loadavg()[0] ?? 0;
  const m = await measure(NODE, [path.join(ROOT, 'node_modules/@11ty/eleventy/cmd.cjs'), '--config=bench/eleventy/eleventy.config.js', `--output=${outDir}`], {
    cwd: ROOT,
    env: { ...process.env, ELEVENTY_INPUT: path.join(content, 'announcements', 'synthetic') },
  });
  if (m.code !== 0) console.error(m.output.split('\n').slice(-30).join('\n'));
  const pages = htmlPages(outDir);
  rmSync(outDir, { recursive: true, force: true });
  return { size, ok: m.code === 0 && pages === size, load1, totalS: m.ms / 1000, peakMb: m.peakRssMb, pages };
}

/**
 * Bare Astro over the same synthetic announcements (bench/astro-bare/): one collection, one page
 * template, the site's Markdown processor; then Pagefind's own command over those pages. Not a
 * goal: it shows how much of the project's ratio is the two tools' own cost per page.
 */
async function benchAstroBare(size: number, { work, content }: { work: string; content: string }): Promise<EleventyFigure & { pagefindS: number }> {
  const outDir = path.join(work, 'astro-bare');
  console.error(`bare astro ${size} ...`);
  const load1 = os.loadavg()[0] ?? 0;
  const m = await measure(NODE, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', 'bench/astro-bare', '--silent'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ASTRO_BARE_INPUT: path.join(content, 'announcements', 'synthetic'),
      ASTRO_BARE_OUT: outDir,
      ASTRO_BARE_CACHE: path.join(work, 'astro-bare-cache'),
    },
  });
  if (m.code !== 0) console.error(m.output.split('\n').slice(-30).join('\n'));
  const pages = htmlPages(outDir);
  // Pagefind's own command over those pages, with its defaults (it segments the Chinese itself).
  const p =
    m.code === 0 ? await measure(NODE, [path.join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', outDir], { cwd: ROOT, env: process.env }) : null;
  if (p && p.code !== 0) console.error(p.output.split('\n').slice(-30).join('\n'));
  rmSync(outDir, { recursive: true, force: true });
  return {
    size,
    ok: m.code === 0 && pages === size && p?.code === 0,
    load1,
    totalS: m.ms / 1000,
    pagefindS: (p?.ms ?? 0) / 1000,
    peakMb: Math.max(m.peakRssMb, p?.peakRssMb ?? 0),
    pages,
  };
}

/** The budget: build time as a multiple of Eleventy's in the same run, and peak memory. */
const BUDGET: Record<number, { ratio: number; peakMb: number }> = { 5000: { ratio: 3.0, peakMb: 1536 }, 20000: { ratio: 2.0, peakMb: 3072 } };
interface BudgetRow {
  size: number;
  pages: number | null;
  buildS: number | null;
  eleventyS: number | null;
  /** Bare Astro over the same pages, in the same run, and Pagefind's command over its output. */
  bareS: number | null;
  barePagefindS: number | null;
  ratio: number | null;
  peakMb: number | null;
  goal: string;
  ok: boolean | null;
}
const budgetRows: BudgetRow[] = [];

// ---------------------------------------------------------------------------------------------
// Search: bytes Chromium downloads for a first Pagefind query
// ---------------------------------------------------------------------------------------------
/** Bytes a static host sends for a file: text types gzip-compressed; Pagefind's own files are stored compressed already. */
function servedBytes(url: string, body: Buffer): number {
  return /\.(js|css|json|html)(\?|$)/.test(url) ? gzipSync(body).length : body.length;
}

async function benchSearch(dist: string, size: number) {
  const { chromium } = await import('playwright-core');
  const server = await serveDir(dist);
  const { url } = server;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const out: Record<string, unknown> = {};
  try {
    // The real search page (src/scripts/search.ts): it answers from the catalogue bundle, marks
    // `search:catalogue`, then merges the announcements bundles and marks `search:done`. Counted:
    // every script and Pagefind file the page fetched, split at the first mark by when each
    // response ended. The page's own HTML is reported beside them.
    for (const [lang, query] of [
      ['zh', '一品一策'],
      ['en', 'HACCP'],
    ] as const) {
      const page = await browser.newPage();
      const bodies: Promise<{ url: string; raw: number; served: number } | null>[] = [];
      page.on('response', (r) => {
        const u = r.url().slice(url.length);
        if (!u.includes('/pagefind/') && !/\.js(\?|$)/.test(u)) return;
        bodies.push(
          r.body().then(
            (b) => ({ url: u, raw: b.length, served: servedBytes(u, b) }),
            () => null,
          ),
        );
      });
      const searchPage = `/${lang}/search/`;
      await page.goto(`${url}${searchPage}?q=${encodeURIComponent(query)}`);
      await page.waitForSelector('#search-form[data-state="done"], #search-form[data-state="failed"]', { timeout: 120_000 });
      const state = await page.getAttribute('#search-form', 'data-state');
      const timing = await page.evaluate(() => ({
        mark: performance.getEntriesByName('search:catalogue')[0]?.startTime ?? 0,
        ended: performance.getEntriesByType('resource').map((e) => [e.name, (e as PerformanceResourceTiming).responseEnd] as const),
        catalogue: document.querySelectorAll('[data-search-results="catalogue"] li').length,
        announcements: document.querySelectorAll('[data-search-results="announcements"] li').length,
      }));
      const firstAnswer = new Set(timing.ended.filter(([, end]) => end <= timing.mark).map(([name]) => name.slice(url.length)));
      const fetched = (await Promise.all(bodies)).filter((f) => f !== null);
      const html = readFileSync(path.join(dist, lang, 'search', 'index.html'));
      const sum = (fs: typeof fetched) => ({
        raw: fs.reduce((s, f) => s + f.raw, 0),
        served: fs.reduce((s, f) => s + f.served, 0),
        files: fs.length,
      });
      const first = sum(fetched.filter((f) => firstAnswer.has(f.url)));
      const all = sum(fetched);
      out[lang] = {
        query,
        size,
        state,
        shown: { catalogue: timing.catalogue, announcements: timing.announcements },
        page: { raw: html.length, served: gzipSync(html).length },
        first,
        all,
        files: fetched,
      };
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      const goal = size === 5000 ? '< 100 KB gzip' : '';
      row(
        `search ${size}: first answer to "${query}" (${lang}, catalogue)`,
        `${kb(first.served)} gzip (raw ${kb(first.raw)}) in ${first.files} files, ${timing.catalogue} shown; page HTML ${kb(gzipSync(html).length)} gzip`,
        goal,
        goal ? state === 'done' && first.served < 100 * 1024 : null,
      );
      row(
        `search ${size}: whole first search "${query}" (${lang}, announcements merged)`,
        `${kb(all.served)} gzip (raw ${kb(all.raw)}) in ${all.files} files, ${timing.announcements} announcements shown`,
        '',
        null,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
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
    if (!existsSync(htmlPath)) {
      row(`matrix /${lang}/`, 'missing');
      continue;
    }
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
    row(
      `${isMatrix ? 'matrix' : 'home'} /${lang}/ HTML gzip`,
      `${(htmlGz / 1024).toFixed(1)} KB (raw ${(html.length / 1024).toFixed(1)} KB)`,
      isMatrix ? '< 25 KB' : '',
      isMatrix ? htmlGz < 25 * 1024 : null,
    );
    row(
      `${page.endsWith('matrix') ? 'matrix' : 'home'} /${lang}/ JS gzip`,
      `${(jsGz / 1024).toFixed(1)} KB external + ${(Buffer.byteLength(inline) / 1024).toFixed(1)} KB inline (raw)`,
    );
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
    const eleventy: EleventyFigure[] = [];
    const buildSizes = want('build') ? sizes : [searchSize];
    for (const size of buildSizes) {
      const md = synthRoot(size, 'md');
      const yardstick = async (when: string) => {
        if (!want('build')) return null;
        const e = await benchEleventy(size, md);
        eleventy.push(e);
        row(
          `eleventy ${size} (${when})`,
          e.ok ? `${e.totalS.toFixed(1)} s, peak ${e.peakMb.toFixed(0)} MB, ${e.pages} pages, load ${e.load1.toFixed(1)}` : 'FAILED',
        );
        return e;
      };
      // Eleventy right before and right after the build: their mean brackets load that drifts meanwhile.
      const before = await yardstick('before');
      const f = await benchBuild(size, 'md', md);
      const after = await yardstick('after');
      const bare = want('build') ? await benchAstroBare(size, md) : null;
      if (bare)
        row(
          `bare astro ${size}`,
          bare.ok
            ? `${bare.totalS.toFixed(1)} s, then Pagefind ${bare.pagefindS.toFixed(1)} s, peak ${bare.peakMb.toFixed(0)} MB, ${bare.pages} pages, load ${bare.load1.toFixed(1)}`
            : 'FAILED',
        );
      const e = before?.ok && after?.ok ? { ok: true, totalS: (before.totalS + after.totalS) / 2 } : null;
      builds.push(f);
      row(
        `build ${size} .md`,
        f.ok
          ? `${f.totalS.toFixed(1)} s total (astro ${f.astroS?.toFixed(1) ?? '?'} s, pagefind ${f.pagefindS?.toFixed(1) ?? '?'} s), peak ${f.peakMb.toFixed(0)} MB at ${f.peakAtS.toFixed(0)} s (${Object.entries(
              f.atPeakMb,
            )
              .filter(([, v]) => v > 50)
              .map(([k, v]) => `${k} ${v}`)
              .join(' + ')}; each at its own peak: ${Object.entries(f.peakByNameMb)
              .filter(([, v]) => v > 100)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}), ${f.pages ?? '?'} pages, ${f.indexed ?? '?'} indexed, dist ${f.distMb.toFixed(0)} MB, load ${f.load1.toFixed(1)}`
          : 'FAILED',
      );
      const budget = BUDGET[size];
      const ratio = f.ok && e?.ok ? f.totalS / e.totalS : null;
      budgetRows.push({
        size,
        pages: f.pages,
        buildS: f.ok ? f.totalS : null,
        eleventyS: e?.ok ? e.totalS : null,
        bareS: bare?.ok ? bare.totalS : null,
        barePagefindS: bare?.ok ? bare.pagefindS : null,
        ratio,
        peakMb: f.ok ? f.peakMb : null,
        goal: budget ? `<= ${budget.ratio.toFixed(1)}x, < ${(budget.peakMb / 1024).toFixed(1)} GB` : '',
        ok: budget ? ratio !== null && ratio <= budget.ratio && f.peakMb < budget.peakMb : null,
      });
      if (size <= mdxMax && want('build')) {
        const mdx = synthRoot(size, 'mdx');
        const g = await benchBuild(size, 'mdx', mdx);
        builds.push(g);
        row(`build ${size} .mdx`, g.ok ? `${g.totalS.toFixed(1)} s total, peak ${g.peakMb.toFixed(0)} MB` : 'FAILED');
        if (!values.keep) rmSync(mdx.work, { recursive: true, force: true });
      }
      if (!values.keep && kept.dist?.dir !== path.join(md.work, 'dist')) rmSync(md.work, { recursive: true, force: true });
    }
    json.builds = builds;
    json.eleventy = eleventy;
    json.budget = budgetRows;
    if (kept.dist) {
      if (want('matrix')) benchMatrix(kept.dist.dir);
      if (want('search')) {
        try {
          await benchSearch(kept.dist.dir, kept.dist.size);
        } catch (e) {
          row('search first query', `not measured: ${(e as Error).message.split('\n')[0]}`);
        }
      }
    }
  }
  for (const s of ['extract', 'scrape'] as const) {
    if (!want(s)) continue;
    try {
      await benchPipeline(s);
    } catch (e) {
      row(s, `not measured: ${(e as Error).message.split('\n')[0]}`);
    }
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
if (budgetRows.length) {
  const searchRows = rows.filter((r) => r.metric.startsWith('search ') && r.goal);
  const extractRow = rows.find((r) => r.metric === 'extraction throughput');
  console.log('\nBudget (ratios measured in this run):\n');
  console.log('| size | pages | build with search | Eleventy 3 | ratio | peak memory | goal | met | bare Astro + Pagefind (x Eleventy) | build / bare |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  const n = (v: number | null, d = 1, unit = '') => (v === null ? '–' : `${v.toFixed(d)}${unit}`);
  const bareRow = (b: BudgetRow) => {
    if (b.bareS === null || b.barePagefindS === null) return '– | –';
    const bare = b.bareS + b.barePagefindS;
    return `${n(b.bareS, 1)} + ${n(b.barePagefindS, 1)} s (${b.eleventyS ? n(bare / b.eleventyS, 2, 'x') : '–'}) | ${b.buildS !== null ? n(b.buildS / bare, 2, 'x') : '–'}`;
  };
  for (const b of budgetRows) {
    console.log(
      `| ${b.size.toLocaleString('en')} | ${b.pages?.toLocaleString('en') ?? '–'} | ${n(b.buildS, 1, ' s')} | ${n(b.eleventyS, 1, ' s')} | ${n(b.ratio, 2, 'x')} | ${n(b.peakMb, 0, ' MB')} | ${b.goal} | ${b.ok === null ? '' : b.ok ? 'yes' : 'NO'} | ${bareRow(b)} |`,
    );
  }
  for (const r of [...searchRows, ...(extractRow ? [extractRow] : [])])
    console.log(`| ${r.metric} | | ${r.value} | | | | ${r.goal} | ${r.ok === null ? '' : r.ok ? 'yes' : 'NO'} | | |`);
}
json.finishedAt = new Date().toISOString();
mkdirSync(path.join(ROOT, 'bench', 'out'), { recursive: true });
writeFileSync(path.join(ROOT, 'bench', 'out', 'bench.json'), JSON.stringify(json, null, 2) + '\n');
console.log(`\nwrote bench/out/bench.json`);
