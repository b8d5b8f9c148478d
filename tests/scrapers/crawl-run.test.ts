/** Whole scrape runs against the invented sites in tests/fixtures/scrapers (no ../shared needed). */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { runReport } from '../../src/model/schemas.ts';
import { serveFixtures, type TestServer } from '../helpers/fixture-server.ts';
import { scrape, type ScrapeOptions } from '../../scrapers/run/scrape.ts';
import { loadSourcesFile, defaultRegistry } from '../../scrapers/sources/registry.ts';
import { copyContentRoot, tempDir } from '../helpers/site.ts';
import { OWN_FIXTURES, fast, recordingIngest, treeHashes } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await serveFixtures({ roots: [OWN_FIXTURES] });
});
afterAll(async () => server.close());

const SOURCES = loadSourcesFile(path.join(OWN_FIXTURES, 'sources.json'));
const LIST = 'demo.customs.gov.cn/demo_customs/100/200/';
const NOW = new Date('2026-05-28T01:00:00Z');

function freshRoot(): string {
  const root = path.join(tempDir('rollout-scrape-'), 'content');
  mkdirSync(path.join(root, 'announcements'), { recursive: true });
  return root;
}

async function run(root: string, extra: Partial<ScrapeOptions> = {}) {
  const { ingest, received } = recordingIngest();
  const before = server.requests.length;
  // A static challenge shell never reloads: give it one second in the browser, not five.
  const result = await scrape({
    contentRoot: root,
    sources: SOURCES,
    mirror: server.url,
    client: fast,
    delayMs: 0,
    now: NOW,
    ingest,
    browserTiming: { settleMs: 1000 },
    ...extra,
  });
  return { ...result, received, served: server.requests.slice(before) };
}

describe('a first run over the invented sites', () => {
  it('walks every list page, fetches each article once, ignores the right rail, reports the blocked source', async () => {
    const root = freshRoot();
    const r = await run(root);
    const paths = r.served.map((q) => q.path);
    expect(paths).toEqual(expect.arrayContaining([`${LIST}index.html`, `${LIST}abcdef12-2.html`, `${LIST}abcdef12-3.html`]));
    // 1006 is linked three times (once with a tracking query, once from the other list).
    expect(paths.filter((p) => p.startsWith(`${LIST}1006/`))).toHaveLength(1);
    expect(paths.some((p) => p.includes('/9999/') || p.includes('article_2026051100000000002'))).toBe(false);

    const urls = r.received.map((a) => a.url).sort();
    expect(urls).toEqual([
      'https://demo.customs.gov.cn/demo_customs/100/200/1001/index.html',
      'https://demo.customs.gov.cn/demo_customs/100/200/1002/index.html',
      'https://demo.customs.gov.cn/demo_customs/100/200/1003/index.html',
      'https://demo.customs.gov.cn/demo_customs/100/200/1004/index.html',
      'https://demo.customs.gov.cn/demo_customs/100/200/1005/index.html',
      'https://demo.customs.gov.cn/demo_customs/100/200/1006/index.html',
      'https://demo.customs.gov.cn/demo_customs/2026-05/10/article_2026051000000000001.html',
    ]);
    const a1005 = r.received.find((a) => a.url.endsWith('/1005/index.html'))!;
    expect(a1005).toMatchObject({
      sourceId: 'demo-easysite',
      district: 'nanjing',
      linkedUrl: 'https://demo.customs.gov.cn/demo_customs/100/200/1005/index.html',
      listItem: { title: '测试通知五', date: '2026-05-01' },
    });
    expect(Buffer.from(a1005.body).toString()).toContain('测试通知五');

    expect(r.exitCode).toBe(2);
    const report = runReport.parse(JSON.parse(readFileSync(path.join(root, '_state/report.json'), 'utf8')));
    expect(report.sources['demo-easysite']).toMatchObject({ state: 'ok', listsFetched: 3, itemsSeen: 6, itemsNew: 6, lastSuccessAt: NOW.toISOString() });
    expect(report.sources['demo-blocked']).toMatchObject({ state: 'blocked', itemsNew: 0, lastSuccessAt: null });
    expect(report.sources['demo-blocked']!.reason).toMatch(/412.*\$_ts/);
  });

  it('--since skips old items and stops at a page holding only old ones, but an old item pinned on page 1 does not stop it', async () => {
    const root = freshRoot();
    const r = await run(root, { since: '2026-04-01', only: ['demo-easysite'] });
    const paths = r.served.map((q) => q.path);
    expect(paths).toContain(`${LIST}abcdef12-2.html`);
    expect(paths).not.toContain(`${LIST}abcdef12-3.html`);
    expect(r.received.map((a) => a.url.split('/').at(-2)).sort()).toEqual(['1005', '1006']);
    expect(r.exitCode).toBe(0);
  });

  it('stops at the page cap', async () => {
    const r = await run(freshRoot(), { maxPages: 1, only: ['demo-easysite'] });
    expect(r.served.filter((q) => q.path.startsWith(LIST) && /^[^/]+\.html$/.test(q.path.slice(LIST.length))).map((q) => q.path)).toEqual([
      `${LIST}index.html`,
    ]);
  });
});

describe('a second run with unchanged pages', () => {
  it('sends conditional requests, fetches no article again and changes nothing outside _state', async () => {
    const root = freshRoot();
    await run(root, { only: ['demo-easysite', 'demo-new'] });
    const before = treeHashes(root);
    const r = await run(root, { only: ['demo-easysite', 'demo-new'], now: new Date('2026-05-29T01:00:00Z') });
    const lists = r.served.filter((q) => !q.path.endsWith('robots.txt'));
    expect(lists.map((q) => q.path).sort()).toEqual([`${LIST}index.html`, 'demo.customs.gov.cn/demo_customs/100/300/index.html']);
    expect(lists.every((q) => q.headers['if-none-match'] && q.status === 304)).toBe(true);
    expect(r.received).toHaveLength(0);
    const after = treeHashes(root);
    const changed = Object.keys({ ...before, ...after }).filter((f) => before[f] !== after[f]);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((f) => f.startsWith('_state/'))).toBe(true);
    const report = runReport.parse(JSON.parse(readFileSync(path.join(root, '_state/report.json'), 'utf8')));
    expect(report.sources['demo-easysite']).toMatchObject({ state: 'ok', itemsNew: 0, lastCheckedAt: '2026-05-29T01:00:00.000Z' });
  });

  it('a dry run writes nothing at all', async () => {
    const root = freshRoot();
    const before = treeHashes(root);
    const r = await run(root, { dryRun: true, only: ['demo-easysite'] });
    expect(r.received.length).toBeGreaterThan(0);
    expect(treeHashes(root)).toEqual(before);
    expect(existsSync(path.join(root, '_state'))).toBe(false);
  });
});

describe('a walk that stops short of the end of its list', () => {
  const pageOf = (q: { path: string }) => (q.path.startsWith(LIST) && /^[^/]+\.html$/.test(q.path.slice(LIST.length)) ? q.path.slice(LIST.length) : null);
  const listPages = (served: { path: string }[]) => served.flatMap((q) => pageOf(q) ?? []);
  const resumeFile = (root: string) => JSON.parse(readFileSync(path.join(root, '_state/resume.json'), 'utf8')) as Record<string, { url: string; page: number }>;

  it('at the page cap: the next run reads on from there past the known first page, to the end of the list', async () => {
    const root = freshRoot();
    const first = await run(root, { maxPages: 1, only: ['demo-easysite'] });
    expect(listPages(first.served)).toEqual(['index.html']);
    expect(Object.values(resumeFile(root))).toEqual([{ url: `https://${LIST}abcdef12-2.html`, page: 1 }]);
    const second = await run(root, { only: ['demo-easysite'], now: new Date('2026-05-29T01:00:00Z') });
    expect(listPages(second.served)).toEqual(['index.html', 'abcdef12-2.html', 'abcdef12-3.html']);
    const got = new Set([...first.received, ...second.received].map((a) => a.url));
    expect(second.received.filter((a) => first.received.some((b) => b.url === a.url))).toEqual([]);
    expect(got.size).toBe(6);
    expect(resumeFile(root)).toEqual({});
    // Done: the run after reads the first page only.
    const third = await run(root, { only: ['demo-easysite'], now: new Date('2026-05-30T01:00:00Z') });
    expect(listPages(third.served)).toEqual(['index.html']);
  });

  it('at a page that failed: the next run reads the rest of the list', async () => {
    const overlay = tempDir('rollout-fail-list-');
    writeFileSync(
      path.join(overlay, 'responses.json'),
      JSON.stringify({ [`${LIST}abcdef12-2.html`]: { status: 503, headers: { 'content-type': 'text/html;charset=utf-8' } } }),
    );
    const failing = await serveFixtures({ roots: [overlay, OWN_FIXTURES] });
    const root = freshRoot();
    try {
      const { ingest, received } = recordingIngest();
      const r = await scrape({
        contentRoot: root,
        sources: SOURCES,
        only: ['demo-easysite'],
        mirror: failing.url,
        client: { ...fast, retry: { retries: 0, baseMs: 0, maxMs: 0, retryAfterCapMs: 0 } },
        delayMs: 0,
        now: NOW,
        ingest,
      });
      expect(r.report.sources['demo-easysite']!.state).toBe('failing');
      expect(received.length).toBeGreaterThan(0);
      expect(Object.values(resumeFile(root))).toEqual([{ url: `https://${LIST}abcdef12-2.html`, page: 1 }]);
    } finally {
      await failing.close();
    }
    const second = await run(root, { only: ['demo-easysite'], now: new Date('2026-05-29T01:00:00Z') });
    expect(listPages(second.served)).toEqual(['index.html', 'abcdef12-2.html', 'abcdef12-3.html']);
    expect(second.report.sources['demo-easysite']!.state).toBe('ok');
    expect(resumeFile(root)).toEqual({});
  });
});

describe('a list page cut short', () => {
  it('its items are read, but the walk is not clean: the source fails and the page keeps no validators', async () => {
    const overlay = tempDir('rollout-cut-list-');
    const rel = 'demo.customs.gov.cn/demo_customs/100/300/index.html';
    const whole = readFileSync(path.join(OWN_FIXTURES, 'sites', rel), 'utf8');
    const file = path.join(overlay, 'sites', rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, whole.slice(0, whole.indexOf('</li>') + 5));
    writeFileSync(
      path.join(overlay, 'responses.json'),
      JSON.stringify({ [rel]: { status: 200, headers: { 'content-type': 'text/html;charset=utf-8', etag: '"cut"' } } }),
    );
    const cutServer = await serveFixtures({ roots: [overlay, OWN_FIXTURES] });
    try {
      const root = freshRoot();
      const { ingest, received } = recordingIngest();
      const r = await scrape({ contentRoot: root, sources: SOURCES, only: ['demo-new'], mirror: cutServer.url, client: fast, delayMs: 0, now: NOW, ingest });
      expect(r.report.sources['demo-new']).toMatchObject({ state: 'failing', reason: expect.stringContaining('page cut short'), itemsNew: 1 });
      expect(received).toHaveLength(1);
      const validators = JSON.parse(readFileSync(path.join(root, '_state/validators.json'), 'utf8'));
      expect(validators[`https://${rel}`]).toBeUndefined();
    } finally {
      await cutServer.close();
    }
  });
});

describe('a blocked source', () => {
  it('keeps its existing content and its last success, and is never reported as quiet', async () => {
    const root = freshRoot();
    const kept = path.join(root, 'announcements/demo-blocked/earlier.md');
    mkdirSync(path.dirname(kept), { recursive: true });
    writeFileSync(kept, '---\ntitle: earlier\n---\n');
    mkdirSync(path.join(root, '_state'), { recursive: true });
    const earlier = '2026-05-01T01:00:00.000Z';
    writeFileSync(
      path.join(root, '_state/report.json'),
      JSON.stringify({
        generatedAt: earlier,
        sources: {
          'demo-blocked': { state: 'ok', kind: 'html-list', url: SOURCES[2]!.url, district: 'wuhan', lastCheckedAt: earlier, lastSuccessAt: earlier },
        },
      }),
    );
    const before = treeHashes(path.join(root, 'announcements'));
    const r = await run(root, { only: ['demo-blocked'] });
    expect(r.exitCode).toBe(2);
    expect(treeHashes(path.join(root, 'announcements'))).toEqual(before);
    const s = r.report.sources['demo-blocked']!;
    expect(s).toMatchObject({ state: 'blocked', lastSuccessAt: earlier, lastCheckedAt: NOW.toISOString(), itemsSeen: 0 });
  });
});

describe('the registry', () => {
  it('registers all 42 districts and leaves none unconfigured: a district without a known column is read from its home page', async () => {
    const root = copyContentRoot();
    const registry = defaultRegistry(root, {});
    const districts = registry.filter((s) => s.district !== null);
    expect(districts).toHaveLength(42);
    const r = await scrape({
      contentRoot: root,
      sources: registry,
      mirror: server.url,
      client: { ...fast, retry: { retries: 0, baseMs: 1, maxMs: 1, retryAfterCapMs: 1 } },
      delayMs: 0,
      now: NOW,
      ingest: recordingIngest().ingest,
      hostsInParallel: 8,
    });
    expect(Object.keys(r.report.sources)).toHaveLength(registry.length);
    for (const d of districts) expect(r.report.sources[d.id]!.state, d.id).not.toBe('unconfigured');
    // The demo server knows none of the real sites: failing with the reason, never "ok with no items".
    expect(r.report.sources['nanjing-notices']).toMatchObject({ state: 'failing', urlVerified: false });
    expect(r.report.sources['nanjing-notices']!.reason).toMatch(
      /^column discovery: no home page answered .*HTTP 404.* \(after https:\/\/nanjing\.customs\.gov\.cn\/\S+ answered HTTP 404\)$/,
    );
    expect(r.report.sources['wuhan-notices']).toMatchObject({ state: 'failing' });
    expect(r.report.sources['wuhan-notices']!.reason).toMatch(
      /^column discovery: no home page answered \(https:\/\/wuhan\.customs\.gov\.cn\/wuhan_customs\/index\.html: HTTP 404/,
    );
    // Only the feeds without an RSSHub stay unconfigured.
    expect(
      Object.entries(r.report.sources)
        .filter(([, s]) => s.state === 'unconfigured')
        .map(([id]) => id)
        .sort(),
    ).toEqual(['rsshub-customs-fagui', 'rsshub-govcn-zuixin']);
    expect(r.report.sources['rsshub-govcn-zuixin']!.reason).toMatch(/ROLLOUT_RSSHUB/);
    expect(r.exitCode).toBe(2);
  });

  it('a run that can start nothing is fatal', async () => {
    const root = copyContentRoot();
    const r = await scrape({ contentRoot: root, sources: defaultRegistry(root, {}), only: ['rsshub-govcn-zuixin'], ingest: recordingIngest().ingest });
    expect(r.exitCode).toBe(1);
    expect(r.fatal).toMatch(/nothing can run/);
  });
});
