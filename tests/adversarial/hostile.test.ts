/**
 * Adversarial suite: a page with hostile title and body (MDX braces, JSX, ESM import/export, YAML
 * frontmatter breakers, real and escaped <script>, on* handlers, `javascript:` links, bidi
 * controls) goes through the real scrape CLI -> writer -> build -> Chromium. Nothing may run:
 * no dialog, no script error, the `window.__pwned` canary never set, no script element or
 * javascript: link from the page body; and the text shows as written.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite, copyContentRoot, ROOT, runScriptAsync, tempDir } from '../helpers/site.ts';
import { serveFixtures } from '../helpers/fixture-server.ts';
import { launchBrowser, skipBrowserSuite, startPreview } from '../e2e/harness.ts';

const F = path.join(ROOT, 'tests', 'fixtures', 'adversarial');
const LIST = 'https://www.customs.gov.cn/customs/302249/302266/302267/index.html';
const ARTICLE = 'https://www.customs.gov.cn/customs/2026-05/06/article_20260506120000000001.html';
const TITLE = readFileSync(path.join(F, 'title.txt'), 'utf8');
const FEED = 'https://rsshub.local/gov/customs/list/hostile';
const FEED_ARTICLE = 'https://www.customs.gov.cn/customs/2026-05/07/article_20260507120000000002.html';
const FEED_TITLE = readFileSync(path.join(F, 'feed-title.txt'), 'utf8');
const hasCli = existsSync(path.join(ROOT, 'scripts', 'scrape.ts'));
/** Bidi embedding/override/isolate controls and zero-width characters: a writer may drop them. */
const CONTROLS = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const visible = (s: string) => s.replace(CONTROLS, '').replace(/\s+/g, ' ').trim();

/** Text that must show literally on the announcement page. */
const LITERALS = [
  '{企业名称}',
  '{process.exit(1)}',
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '<Foo bar="1" />',
  "import fs from 'fs'",
  'export const x = 1',
  'title: x',
  '`rm -rf /`',
  '[链接](javascript:window.__pwned=11)',
];
/** Text of the feed item (HTML description) that must show literally. */
const FEED_LITERALS = ['{企业名称}', 'export const y = 2', '<script>window.__pwned=23</script>'];

describe.skipIf(!hasCli || skipBrowserSuite('adversarial'))('hostile page: scrape -> write -> build -> browser', () => {
  let content: string;
  let file: string;
  let feedFile: string;
  let outDir: string;
  let site: { url: string; stop: () => Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    const page = (name: string) => (_q: unknown, r: import('node:http').ServerResponse) =>
      r.writeHead(200, { 'content-type': 'text/html;charset=utf-8' }).end(readFileSync(path.join(F, name)));
    const mirror = await serveFixtures({
      routes: {
        [LIST.slice(8)]: page('list.html'),
        [ARTICLE.slice(8)]: page('article.html'),
        [FEED.slice(8)]: (_q, r) => r.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(readFileSync(path.join(F, 'feed.xml'))),
      },
      maxRequests: 50,
    });
    content = copyContentRoot();
    const sources = path.join(tempDir('adv-'), 'sources.json');
    writeFileSync(
      sources,
      JSON.stringify({
        sources: [
          { id: 'gacc-announcements', kind: 'html-list', url: LIST, district: null },
          { id: 'hostile-feed', kind: 'rss', url: FEED, district: null },
        ],
      }),
    );
    const { status: code } = await runScriptAsync('scripts/scrape.ts', ['--sources', sources, '--mirror', mirror.url, '--content', content, '--delay', '0']);
    await mirror.close();
    // 2: the feed item's page is absent on purpose (it is ingested from the feed item instead).
    expect([0, 2]).toContain(code);
    const files = readdirSync(path.join(content, 'announcements'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.mdx?$/.test(e.name) && !e.name.startsWith('_'))
      .map((e) => path.join(e.parentPath, e.name));
    const byUrl = (u: string) =>
      files.find(
        (f) =>
          readFileSync(f, 'utf8').includes(`url: ${u}`) || readFileSync(f, 'utf8').includes(`url: '${u}'`) || readFileSync(f, 'utf8').includes(`url: "${u}"`),
      );
    expect(files, 'the hostile (but relevant) notice and feed item were written').toHaveLength(2);
    file = byUrl(ARTICLE)!;
    feedFile = byUrl(FEED_ARTICLE)!;
    expect(file).toBeTruthy();
    expect(feedFile).toBeTruthy();
    const build = buildSite(content);
    expect(build.status, build.output.slice(-3000)).toBe(0);
    outDir = build.outDir;
    site = await startPreview(outDir);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  it('is written as plain .md whose frontmatter keeps the hostile title as one string', () => {
    expect(file.endsWith('.md')).toBe(true);
    const text = readFileSync(file, 'utf8');
    const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
    expect(m).not.toBeNull();
    const fm = yaml.load(m![1]!) as Record<string, unknown>;
    expect(visible(String(fm.title))).toBe(visible(TITLE));
    expect(fm.url).toBe(ARTICLE);
    // Exactly one frontmatter block: the body's `---` lines did not open another.
    expect(Object.keys(fm)).not.toContain('layout');
    expect(text.match(/^---$/gm)?.length).toBe(2);
    const feedText = readFileSync(feedFile, 'utf8');
    const fm2 = yaml.load(/^---\n([\s\S]*?)\n---\n/.exec(feedText)![1]!) as Record<string, unknown>;
    expect(visible(String(fm2.title))).toBe(visible(FEED_TITLE));
  });

  async function visit(p: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    // Console errors, except resource-load ones, which are tracked by URL below.
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    page.on('request', (r) => {
      if (/javascript:|data:text\/html/.test(r.url())) problems.push(`request: ${r.url()}`);
    });
    const r = await page.goto(`${site.url}${p}`);
    expect(r?.status(), p).toBe(200);
    await page.waitForLoadState('load');
    return { page, problems };
  }

  const announcementPath = (f = file) => {
    const rel = path.relative(path.join(content, 'announcements'), f).replace(/\.mdx?$/, '');
    return `/announcements/${rel.split(path.sep).join('/')}/`;
  };

  for (const kind of ['page', 'feed item'] as const) {
    it(`announcement from the hostile ${kind}: nothing runs and the text shows as written`, async () => {
      const feed = kind === 'feed item';
      const { page, problems } = await visit(announcementPath(feed ? feedFile : file));
      try {
        // Hover and click every link in the article, as a curious reader would.
        const main = page.locator('main');
        expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
        const scripts = await page.locator('main script').evaluateAll((ss) => ss.map((s) => s.outerHTML));
        expect(scripts.filter((s) => /__pwned/.test(s))).toEqual([]);
        expect(await page.locator('main iframe, main svg[onload], main img[onerror], main object, main embed').count()).toBe(0);
        const hrefs = await main.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
        expect(hrefs.filter((h) => /^\s*(javascript|data|vbscript):/i.test(h))).toEqual([]);
        const onAttrs = await page.evaluate(() =>
          [...document.querySelectorAll('main *')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}@${a.name}`)),
        );
        expect(onAttrs).toEqual([]);
        // Nothing hid the page (the injected <style>body{display:none}</style> stayed text or was dropped).
        expect(await page.locator('main h1').isVisible()).toBe(true);
        const h1 = (await page.locator('main h1').first().textContent()) ?? '';
        expect(visible(h1)).toContain(visible(feed ? FEED_TITLE : TITLE));
        const text = visible((await main.innerText()) ?? '');
        for (const lit of feed ? FEED_LITERALS : LITERALS) expect(text, lit).toContain(visible(lit));
        // Once the page has loaded, every element's load or error handler would have run.
        await page.waitForLoadState('load');
        expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('lists, cell pages, search and feeds carry the title as text, never as markup', async () => {
    for (const p of [
      '/en/announcements/',
      '/zh/announcements/',
      '/en/cells/one-product-one-policy--suzhou-jiangsu/',
      '/en/search/?q=%E4%B8%80%E5%93%81%E4%B8%80%E7%AD%96',
    ]) {
      if (!existsSync(path.join(outDir, p.split('?')[0]!, 'index.html'))) continue;
      const { page, problems } = await visit(p);
      try {
        if (p.includes('/search/')) await page.locator('#search-form[data-state="done"]').waitFor({ timeout: 30_000 });
        expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), p).toBeUndefined();
        expect(await page.locator('script').evaluateAll((ss) => ss.filter((s) => /__pwned/.test(s.outerHTML)).length), p).toBe(0);
        expect(problems, p).toEqual([]);
      } finally {
        await page.close();
      }
    }
    const rss = readFileSync(path.join(outDir, 'en', 'feeds', 'all', 'rss.xml'), 'utf8');
    expect(rss).not.toContain('<script>window.__pwned');
    const json = JSON.parse(readFileSync(path.join(outDir, 'en', 'feeds', 'all', 'feed.json'), 'utf8')) as { items: { title: string }[] };
    expect(json.items.map((i) => visible(i.title))).toContain(visible(TITLE));
    expect(json.items.map((i) => visible(i.title))).toContain(visible(FEED_TITLE));
  });
});
