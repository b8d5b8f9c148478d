/**
 * Column discovery on district home pages and template drift, against the invented sites in
 * tests/fixtures/scrapers (no ../shared needed).
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serveFixtures, type TestServer } from '../helpers/fixture-server.ts';
import { columnCandidates } from '../../scrapers/crawl/columns.ts';
import { checkArticlePage } from '../../scrapers/crawl/article-check.ts';
import { readListPage } from '../../scrapers/crawl/list-templates.ts';
import { scrape, type ScrapeOptions } from '../../scrapers/run/scrape.ts';
import { defaultRegistry } from '../../scrapers/sources/registry.ts';
import type { SourceDecl } from '../../scrapers/sources/declarations.ts';
import { copyContentRoot } from '../helpers/site.ts';
import { OWN_FIXTURES, fast, recordingIngest } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await serveFixtures({ roots: [OWN_FIXTURES] });
});
afterAll(async () => server.close());

const SITES = path.join(OWN_FIXTURES, 'sites');
const read = (rel: string) => readFileSync(path.join(SITES, rel), 'utf8');
const NOW = new Date('2026-05-28T01:00:00Z');
const HZ = 'https://hangzhou.customs.gov.cn/hangzhou_customs';

async function run(root: string, sources: SourceDecl[], extra: Partial<ScrapeOptions> = {}) {
  const { ingest, received } = recordingIngest();
  const before = server.requests.length;
  const result = await scrape({ contentRoot: root, sources, mirror: server.url, client: fast, delayMs: 0, now: NOW, ingest, ...extra });
  return { ...result, received, served: server.requests.slice(before).map((q) => q.path) };
}

describe('column candidates on a home page (pure)', () => {
  it('keeps same-host column links named like a column, announcements first, each URL once', () => {
    const c = columnCandidates(read('hangzhou.customs.gov.cn/hangzhou_customs/index.html'), `${HZ}/index.html`);
    expect(c).toEqual([
      { url: `${HZ}/573848/573849/index.html`, group: 'announcements', linkText: '通知公告', rank: 0 },
      { url: `${HZ}/573848/573850/index.html`, group: 'news', linkText: '关区动态', rank: 0 },
      { url: `${HZ}/573848/573851/index.html`, group: 'policy', linkText: '政策解读', rank: 0 },
    ]);
    expect(columnCandidates(read('harbin.customs.gov.cn/harbin_customs/index.html'), 'https://harbin.customs.gov.cn/harbin_customs/index.html')).toEqual([]);
  });
});

describe('template drift (pure)', () => {
  it('a list page of a family without its rows, or with too few items, is a changed template', () => {
    const r = readListPage(read('demo.customs.gov.cn/demo_customs/100/500/index.html'), 'https://demo.customs.gov.cn/demo_customs/100/500/index.html', {
      firstPage: true,
    });
    expect(r).toMatchObject({ kind: 'template-changed', family: 'customs-new' });
    const empty = readListPage(
      '<html><body><ul class="news_list"><li>改版</li></ul><div class="page_more"></div></body></html>',
      'https://x.customs.gov.cn/a_customs/1/2/index.html',
      { firstPage: true },
    );
    expect(empty).toMatchObject({ kind: 'template-changed', family: 'customs-new' });
    expect(empty.kind === 'template-changed' && empty.reason).toMatch(/yield 0 item\(s\), expected at least 1/);
    expect(readListPage('<html><body><p>no list</p></body></html>', 'https://example.org/', { firstPage: true }).kind).toBe('unknown');
  });

  it('an article of a family whose body selector is absent or empty is a changed template; other pages are not judged', () => {
    const url = 'https://demo.customs.gov.cn/demo_customs/2026-05/12/article_2026051200000000003.html';
    expect(checkArticlePage(read('demo.customs.gov.cn/demo_customs/2026-05/12/article_2026051200000000003.html'), url)).toMatchObject({
      kind: 'template-changed',
      family: 'customs-new',
    });
    expect(checkArticlePage('<div class="news_detail_con">  </div>', url)).toMatchObject({ kind: 'template-changed', reason: expect.stringMatching(/empty/) });
    expect(checkArticlePage('<div class="news_detail_con"><a href="/a.pdf">附件</a></div>', url).kind).toBe('ok');
    // A migrated column may serve old-template bodies at new-style URLs.
    expect(checkArticlePage('<div id="easysiteText"><p>正文</p></div>', url)).toEqual({ kind: 'ok', family: 'customs-easysite' });
    expect(
      checkArticlePage('<div class="atcl-cnt"><p>Text</p></div>', 'https://english.customs.gov.cn/Statics/0b3e1c7a-9d2f-4e8b-a1c6-5f7d2e9b3a41.html'),
    ).toEqual({ kind: 'ok', family: 'customs-english' });
    expect(checkArticlePage('<p>anything</p>', 'https://rsshub.local/gov/x').kind).toBe('ok');
  });
});

describe('a scrape run over district home pages', () => {
  const registry = (root: string) => defaultRegistry(root, {});

  it('finds the columns by link text, keeps only those that read as a list, crawls them and keeps them in run state', async () => {
    const root = copyContentRoot();
    const r = await run(root, registry(root), { only: ['hangzhou-notices', 'harbin-notices', 'changsha-notices'] });
    const hz = r.report.sources['hangzhou-notices']!;
    expect(hz).toMatchObject({ state: 'ok', itemsNew: 2, family: 'customs-easysite, customs-new' });
    expect(hz.columns).toEqual([
      {
        url: `${HZ}/573848/573849/index.html`,
        how: 'discovered',
        linkText: '通知公告',
        home: `${HZ}/index.html`,
        foundAt: NOW.toISOString(),
        family: 'customs-easysite',
      },
      {
        url: `${HZ}/573848/573850/index.html`,
        how: 'discovered',
        linkText: '关区动态',
        home: `${HZ}/index.html`,
        foundAt: NOW.toISOString(),
        family: 'customs-new',
      },
    ]);
    // Each column page fetched once: the discovery fetch is reused by the walk.
    expect(r.served.filter((p) => p === 'hangzhou.customs.gov.cn/hangzhou_customs/573848/573849/index.html')).toHaveLength(1);
    expect(r.served.some((p) => p.startsWith('www.example.com'))).toBe(false);
    expect(r.report.sources['harbin-notices']).toMatchObject({
      state: 'failing',
      reason: expect.stringMatching(/^column discovery: no link to a column .* on the home page https:\/\/harbin/),
    });
    expect(r.report.sources['changsha-notices']).toMatchObject({
      state: 'failing',
      reason: expect.stringMatching(
        /^column discovery: no column linked from .* reads as a list of a known site family: .*600002\/index\.html \(通知公告\): no known list template/,
      ),
    });
    const state = JSON.parse(readFileSync(path.join(root, '_state/columns.json'), 'utf8'));
    expect(state['hangzhou-notices']).toMatchObject({ home: `${HZ}/index.html`, discoveredAt: NOW.toISOString() });
    expect(state['hangzhou-notices'].columns.map((c: { url: string }) => c.url)).toEqual(hz.columns.map((c) => c.url));

    // Next run: the columns come from run state; the home page is not read again.
    const again = await run(root, registry(root), { only: ['hangzhou-notices'], now: new Date('2026-05-29T01:00:00Z') });
    expect(again.served).not.toContain('hangzhou.customs.gov.cn/hangzhou_customs/index.html');
    expect(again.report.sources['hangzhou-notices']).toMatchObject({ state: 'ok', itemsNew: 0 });
  });

  it('finds the columns again when a discovered column stops answering', async () => {
    const root = copyContentRoot();
    mkdirSync(path.join(root, '_state'), { recursive: true });
    const gone = `${HZ}/573848/999999/index.html`;
    writeFileSync(
      path.join(root, '_state/columns.json'),
      JSON.stringify({
        'hangzhou-notices': {
          home: `${HZ}/index.html`,
          discoveredAt: '2026-01-01T00:00:00.000Z',
          columns: [{ url: gone, how: 'discovered', linkText: '通知公告', home: `${HZ}/index.html`, foundAt: '2026-01-01T00:00:00.000Z' }],
        },
      }),
    );
    const r = await run(root, registry(root), { only: ['hangzhou-notices'] });
    const hz = r.report.sources['hangzhou-notices']!;
    expect(hz.state, hz.reason).toBe('ok');
    expect(hz.columns.map((c) => c.url)).toEqual([gone, `${HZ}/573848/573849/index.html`, `${HZ}/573848/573850/index.html`]);
    expect(hz.errors).toContainEqual({ url: gone, reason: 'HTTP 404' });
    const state = JSON.parse(readFileSync(path.join(root, '_state/columns.json'), 'utf8'));
    expect(state['hangzhou-notices'].discoveredAt).toBe(NOW.toISOString());
    expect(state['hangzhou-notices'].columns.map((c: { url: string }) => c.url)).not.toContain(gone);
  });

  it('reports template drift as such, with the URL, and hands nothing of the drifted page to extraction', async () => {
    const root = copyContentRoot();
    const sources: SourceDecl[] = [
      { id: 'drift-list', kind: 'html-list', url: 'https://demo.customs.gov.cn/demo_customs/100/500/index.html', district: null, verified: true },
      { id: 'drift-article', kind: 'html-list', url: 'https://demo.customs.gov.cn/demo_customs/100/600/index.html', district: null, verified: true },
    ];
    const r = await run(root, sources);
    expect(r.report.sources['drift-list']).toMatchObject({
      state: 'failing',
      family: 'customs-new',
      reason: expect.stringMatching(
        /^template changed: https:\/\/demo\.customs\.gov\.cn\/demo_customs\/100\/500\/index\.html: a customs-new page \(div\.page_more\) without its list rows/,
      ),
    });
    const article = r.report.sources['drift-article']!;
    expect(article).toMatchObject({
      state: 'failing',
      itemsNew: 1,
      reason: expect.stringMatching(
        /^template changed: https:\/\/demo\.customs\.gov\.cn\/demo_customs\/2026-05\/12\/article_2026051200000000003\.html: customs-new article without its body/,
      ),
    });
    expect(r.received.map((a) => a.url)).toEqual(['https://demo.customs.gov.cn/demo_customs/2026-05/10/article_2026051000000000001.html']);
    expect(r.exitCode).toBe(2);
  });
});
