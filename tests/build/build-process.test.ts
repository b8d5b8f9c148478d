/**
 * The build as a process: the Pagefind integration on its own, builds interrupted or killed part
 * way, and builds of different content roots at once (scripts/build.ts, scripts/site-staging.ts,
 * src/integrations/search-index.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readlinkSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, it } from 'vitest';
import { searchIndex, writeSearchIndex } from '../../src/integrations/search-index.ts';
import { stageSite, sweepStaleStages } from '../../scripts/site-staging.ts';
import { buildSiteAsync, copyContentRoot, NODE, ROOT, tempDir } from '../helpers/site.ts';

const logger = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {}, fork: () => logger, label: 'test' } as unknown as AstroIntegrationLogger;

/** The integration's hook, as `astro build` calls it: it writes the index into `dir`. */
function runIndex(dir: string) {
  const hook = searchIndex().hooks['astro:build:done'];
  if (!hook) throw new Error('no astro:build:done hook');
  return hook({ dir: pathToFileURL(dir + path.sep), pages: [], assets: new Map(), logger });
}

const entryLanguages = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8')).languages as Record<string, { page_count: number }>;

describe('the search-index integration', () => {
  it('writes one Pagefind index per page language', async () => {
    const dir = tempDir('rollout-index-');
    const page = (lang: string, body: string) =>
      `<!doctype html><html lang="${lang}"><head><title>t</title></head><body><main data-pagefind-body><h1>${body}</h1></main></body></html>`;
    mkdirSync(path.join(dir, 'en'));
    mkdirSync(path.join(dir, 'zh'));
    writeFileSync(path.join(dir, 'en', 'index.html'), page('en', 'synthetic paperless trade'));
    writeFileSync(path.join(dir, 'zh', 'index.html'), page('zh-CN', '合成 无纸化 贸易'));
    await runIndex(dir);
    const metas = readdirSync(path.join(dir, 'pagefind')).filter((f) => f.endsWith('.pf_meta'));
    expect(metas.map((f) => f.split('_')[0]).sort()).toEqual(['pagefind.en', 'pagefind.zh-cn']);
  });

  it('indexes announcement pages apart, once per reading language, each reading its own part', async () => {
    const dir = tempDir('rollout-index-');
    mkdirSync(path.join(dir, 'en'));
    writeFileSync(
      path.join(dir, 'en', 'index.html'),
      '<!doctype html><html lang="en"><body><main data-pagefind-body><h1>synthetic home</h1></main></body></html>',
    );
    mkdirSync(path.join(dir, 'announcements', 'x'), { recursive: true });
    writeFileSync(
      path.join(dir, 'announcements', 'x', 'index.html'),
      `<!doctype html><html lang="zh-CN"><body><article data-pagefind-body><h1>合成公告</h1>
      <section lang="en" data-facts="en"><p>synthetic English facts</p></section>
      <section lang="zh-CN" data-facts="zh"><p>合成中文标签</p></section>
      <div class="original" data-pagefind-ignore="all">合成原文</div><div hidden class="search-text">合成 原文 正文</div></article></body></html>`,
    );
    // A folder name with characters a glob would read as syntax is still one page.
    mkdirSync(path.join(dir, 'announcements', 'y{1},[2]*'), { recursive: true });
    writeFileSync(
      path.join(dir, 'announcements', 'y{1},[2]*', 'index.html'),
      '<!doctype html><html lang="zh-CN"><body><article data-pagefind-body><h1>合成公告二</h1><section lang="en" data-facts="en"><p>second</p></section></article></body></html>',
    );
    // The same index whether `astro build` writes it (the hook) or `npm run build` (after Astro exits).
    await writeSearchIndex(dir);
    const bundle = (lang: string) => path.join(dir, 'pagefind', `announcements-${lang}-1`);
    expect(entryLanguages(path.join(dir, 'pagefind'))).toEqual({ en: expect.objectContaining({ page_count: 1 }) });
    expect(entryLanguages(bundle('en'))).toEqual({ en: expect.objectContaining({ page_count: 2 }) });
    expect(entryLanguages(bundle('zh'))).toEqual({ 'zh-cn': expect.objectContaining({ page_count: 2 }) });
  });

  it('indexes a bundle whose page list is too long for one glob', async () => {
    const dir = tempDir('rollout-index-');
    mkdirSync(path.join(dir, 'en'));
    writeFileSync(
      path.join(dir, 'en', 'index.html'),
      '<!doctype html><html lang="en"><body><main data-pagefind-body><h1>synthetic home</h1></main></body></html>',
    );
    // 2,500 pages with long paths: one glob of them all is over 200,000 characters.
    const n = 2_500;
    for (let i = 0; i < n; i++) {
      const page = path.join(dir, 'announcements', 'synthetic-source-with-a-long-name', '2026', `synthetic-announcement-${i}-with-a-long-slug`);
      mkdirSync(page, { recursive: true });
      writeFileSync(
        path.join(page, 'index.html'),
        `<!doctype html><html lang="zh-CN"><body><article data-pagefind-body><h1>合成公告${i}</h1><section lang="en" data-facts="en"><p>synthetic ${i}</p></section></article></body></html>`,
      );
    }
    await writeSearchIndex(dir);
    const pages = (bundle: string) => Object.values(entryLanguages(path.join(dir, 'pagefind', bundle))).reduce((sum, l) => sum + l.page_count, 0);
    expect(pages('announcements-en-1')).toBe(n);
    expect(pages('announcements-zh-1') + pages('announcements-zh-2')).toBe(n);
  }, 120_000);

  it('fails when there is nothing to index', async () => {
    await expect(runIndex(tempDir('rollout-index-'))).rejects.toThrow(/indexed 0 of 1 catalogue pages/);
  });
});

/** Processes whose working folder is inside `dir` (a build's children, e.g. Pagefind). */
function processesIn(dir: string): number[] {
  const pids: number[] = [];
  for (const p of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      if (readlinkSync(`/proc/${p}/cwd`).startsWith(dir)) pids.push(Number(p));
    } catch {
      /* gone, or not ours */
    }
  }
  return pids;
}

/**
 * Starts a real build and stops it (SIGSTOP) once Astro is rendering pages: its prerender bundle
 * exists inside the staging folder. Then `signal` is sent and the process resumed.
 */
function interruptedBuild(signal: NodeJS.Signals) {
  const work = tempDir('rollout-killed-');
  const child = spawn(NODE, ['scripts/build.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ROLLOUT_CONTENT_DIR: path.join(ROOT, 'content'),
      ROLLOUT_OUT_DIR: path.join(work, 'dist'),
      ROLLOUT_CACHE_DIR: path.join(work, 'cache'),
    },
  });
  let output = '';
  let staged = '';
  let stoppedMidBuild = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, sig) => resolve({ code, signal: sig })),
  );
  const onData = (c: Buffer) => {
    output += c;
    staged ||= /building from (\S+)/.exec(output)?.[1] ?? '';
    if (stoppedMidBuild || !staged || !existsSync(path.join(staged, '.astro', '.prerender'))) return;
    child.kill('SIGSTOP');
    stoppedMidBuild = existsSync(path.join(staged, '.astro', '.prerender'));
    child.kill(signal);
    child.kill('SIGCONT');
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return exited.then((r) => ({ ...r, output, staged, stoppedMidBuild }));
}

describe('a build that does not finish', () => {
  const rootEntries = () => readdirSync(ROOT).sort();

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    'leaves nothing behind when interrupted (%s)',
    async (signal, code) => {
      const before = rootEntries();
      const r = await interruptedBuild(signal);
      expect(r.stoppedMidBuild, r.output.slice(-2000)).toBe(true);
      expect(r.code).toBe(code);
      expect(existsSync(r.staged)).toBe(false);
      expect(processesIn(r.staged)).toEqual([]);
      expect(rootEntries()).toEqual(before);
    },
    120_000,
  );

  it('killed outright, leaves only its staging folder in the OS temp folder, which the next build sweeps', async () => {
    const before = rootEntries();
    const r = await interruptedBuild('SIGKILL');
    expect(r.stoppedMidBuild, r.output.slice(-2000)).toBe(true);
    expect(r.signal).toBe('SIGKILL');
    // The renderer it had started does not outlive it.
    await expect.poll(() => processesIn(r.staged), { timeout: 15_000 }).toEqual([]);
    expect(path.dirname(r.staged)).toBe(os.tmpdir());
    expect(rootEntries()).toEqual(before);
    // What the next build does first; a live build's folder (ours, below) is never swept.
    const live = stageSite(ROOT);
    const swept = sweepStaleStages();
    expect(swept).toContain(r.staged);
    expect(swept).not.toContain(live);
    expect(existsSync(r.staged)).toBe(false);
    expect(existsSync(live)).toBe(true);
  }, 120_000);
});

describe('builds of different content roots at once', () => {
  it('each renders its own announcements, .mdx ones included', async () => {
    const roots = ['one', 'two'].map((name) => {
      const root = copyContentRoot();
      const dir = path.join(root, 'announcements', 'synthetic-parallel');
      mkdirSync(dir, { recursive: true });
      const url = `https://synthetic-parallel.invalid/${name}.html`;
      writeFileSync(
        path.join(dir, `${name}.mdx`),
        [
          '---',
          `url: "${url}"`,
          `canonicalUrl: "${url}"`,
          `title: "【合成数据】并行构建 ${name}"`,
          'district: null',
          'sourceId: synthetic-parallel',
          'publishedAt: "2026-04-10"',
          'firstSeenAt: "2026-04-10T08:00:00+08:00"',
          `contentHash: "sha256:${'a'.repeat(64)}"`,
          'cities: [kunming]',
          'measures: [paperless-trade]',
          'signal: launch',
          'extraction: { method: synthetic, version: "0", confidence: 0.5 }',
          'review: { state: auto }',
          'synthetic: true',
          '---',
          '',
          `合成测试正文 ${name}。`,
          '',
        ].join('\n'),
      );
      return { name, root };
    });
    const builds = await Promise.all(roots.map(({ root }) => buildSiteAsync(root, tempDir('rollout-parallel-'))));
    for (const [i, b] of builds.entries()) {
      const { name } = roots[i]!;
      const other = roots[1 - i]!.name;
      expect(b.status, b.output.slice(-3000)).toBe(0);
      const page = readFileSync(path.join(b.outDir, 'announcements', 'synthetic-parallel', name, 'index.html'), 'utf8');
      expect(page).toContain(`合成测试正文 ${name}`);
      expect(existsSync(path.join(b.outDir, 'announcements', 'synthetic-parallel', other))).toBe(false);
    }
  }, 300_000);
});
