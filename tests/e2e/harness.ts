/**
 * E2E harness: a test content root (seed catalogue + announcements written by the real pipeline
 * from the fixture mirror when ../shared exists, else a few SYNTHETIC ones), one real build, the
 * built site served by `astro preview` on a free port, and Debian's Chromium via playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildSiteAsync, copyContentRoot, NODE, ROOT, runScriptAsync } from '../helpers/site.ts';
import { shared } from '../helpers/shared.ts';
import { SHARED_FIXTURES, serveFixtures } from '../helpers/fixture-server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
const inCI = !!process.env.CI && process.env.CI !== 'false';

/**
 * Whether to skip a browser suite. Locally a missing Chromium skips with a note; in CI it must
 * not skip: the suite runs and `launchBrowser` fails with the install hint.
 */
export function skipBrowserSuite(suite: string): boolean {
  if (hasChromium || inCI) return false;
  console.warn(`[${suite}] SKIPPED: Chromium not found at ${CHROMIUM} (install it: sudo apt-get install chromium). In CI this fails instead.`);
  return true;
}

export async function launchBrowser(): Promise<Browser> {
  if (!hasChromium) throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`sudo apt-get install chromium\` (or set CHROMIUM_PATH).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A few SYNTHETIC announcements (never real facts) for runs without ../shared/fixtures. */
export function writeSyntheticAnnouncements(content: string): void {
  const dir = path.join(content, 'announcements', 'synthetic-e2e', '2026');
  mkdirSync(dir, { recursive: true });
  const items = [
    {
      id: 'e2e-1',
      title: '【合成数据】苏州一品一策首批试点产品清单',
      city: 'suzhou-jiangsu',
      measure: 'one-product-one-policy',
      signal: 'pilot-list',
      body: '这是端到端测试用的合成公告。苏州地区一品一策首批试点产品包括碧螺春茶，出口市场为欧盟。',
    },
    {
      id: 'e2e-2',
      title: '【合成数据】无锡一企一策HACCP预先指导',
      city: 'wuxi',
      measure: 'one-enterprise-one-policy',
      signal: 'eligibility',
      body: '这是端到端测试用的合成公告。企业可申请 HACCP 体系预先指导。',
    },
    {
      id: 'e2e-3',
      title: '【合成数据】昆明清真食品出口 halal 便利措施',
      city: 'kunming',
      measure: 'agri-green-channel',
      signal: 'launch',
      body: '这是端到端测试用的合成公告。面向海湾市场的 halal 清真食品出口开辟绿色通道。',
    },
  ];
  for (const [i, a] of items.entries()) {
    const url = `https://synthetic-e2e.invalid/${a.id}.html`;
    writeFileSync(
      path.join(dir, `${a.id}.md`),
      [
        '---',
        `url: "${url}"`,
        `canonicalUrl: "${url}"`,
        `title: "${a.title}"`,
        'district: null',
        'sourceId: synthetic-e2e',
        `publishedAt: "2026-04-1${i}"`,
        `firstSeenAt: "2026-04-1${i}T08:00:00+08:00"`,
        `contentHash: "sha256:${String(i).repeat(64)}"`,
        `cities: [${a.city}]`,
        `measures: [${a.measure}]`,
        `signal: ${a.signal}`,
        'extraction: { method: synthetic, version: "0", confidence: 0.5 }',
        'review: { state: auto }',
        'synthetic: true',
        '---',
        '',
        a.body,
        '',
      ].join('\n'),
    );
  }
}

/** Run the real scrape CLI over the fixture mirror into `content`. Returns its exit code and output. */
export async function scrapeFixtures(content: string, sourcesFile = path.join(SHARED_FIXTURES, 'sources.json')) {
  const mirror = await serveFixtures({ roots: [SHARED_FIXTURES], maxRequests: 2000 });
  try {
    const r = await runScriptAsync('scripts/scrape.ts', ['--sources', sourcesFile, '--mirror', mirror.url, '--content', content, '--delay', '0']);
    return { code: r.status, out: r.output, requests: mirror.requests.length };
  } finally {
    await mirror.close();
  }
}

export interface Site {
  url: string;
  outDir: string;
  content: string;
  mode: 'pipeline' | 'synthetic';
  stop: () => Promise<void>;
}

/**
 * The test site, made once per test run and shared by the suites that ask for it: a copy of the
 * content root, the pipeline's announcements (or synthetic ones), one real build.
 */
function e2eSite(): Promise<Omit<Site, 'url' | 'stop'>> {
  return shared('e2e-site', async (work) => {
    const content = copyContentRoot();
    let mode: Site['mode'] = 'synthetic';
    if (existsSync(SHARED_FIXTURES) && existsSync(path.join(ROOT, 'scripts', 'scrape.ts'))) {
      const r = await scrapeFixtures(content);
      // 0 = all sources ok, 2 = partial (the fixture Wuhan list is a 412 challenge on purpose).
      if (r.code !== 0 && r.code !== 2) throw new Error(`scrape of the fixture mirror failed (exit ${r.code}):\n${r.out.slice(-3000)}`);
      mode = 'pipeline';
      if (countAnnouncements(content) === 0) {
        console.warn(`[e2e] the pipeline wrote no announcement from the fixture mirror: adding SYNTHETIC ones.\n${r.out.slice(-1500)}`);
        writeSyntheticAnnouncements(content);
        mode = 'synthetic';
      }
    } else {
      console.warn('[e2e] ../shared/fixtures or scripts/scrape.ts missing: using SYNTHETIC announcements');
      writeSyntheticAnnouncements(content);
    }
    const build = await buildSiteAsync(content, work);
    if (build.status !== 0) throw new Error(`site build failed:\n${build.output.slice(-4000)}`);
    return { outDir: build.outDir, content, mode };
  });
}

/** The shared test site, served by this suite's own `astro preview`. */
export async function startSite(): Promise<Site> {
  const site = await e2eSite();
  return { ...site, ...(await startPreview(site.outDir)) };
}

export async function startPreview(outDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    NODE,
    [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'preview', '--port', String(port), '--host', '127.0.0.1', '--outDir', outDir, '--ignore-lock'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: false,
    },
  );
  let log = '';
  const url = `http://127.0.0.1:${port}`;
  // Ready when it prints the address it serves; failed when it exits first.
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (c: Buffer) => {
      log += c;
      if (log.replace(/\x1b\[[0-9;]*m/g, '').includes(`${url}/`)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', () => reject(new Error(`astro preview exited before serving ${url}:\n${log}`)));
  });
  try {
    await ready;
    const r = await fetch(`${url}/en/`);
    if (!r.ok) throw new Error(`astro preview answered HTTP ${r.status} on ${url}/en/:\n${log}`);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(t);
  };
  return { url, stop };
}

/** Announcement files (.md/.mdx, not `_` files) under a content root. */
export function countAnnouncements(content: string): number {
  const dir = path.join(content, 'announcements');
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.mdx?$/.test(e.name) && !e.name.startsWith('_')).length;
}
