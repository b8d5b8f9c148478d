/**
 * The recorded customs pages in ../shared/fixtures, served on 127.0.0.1 in the mirror layout.
 * Skips (with a note) in a clone that has no ../shared.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serveFixtures, type TestServer } from '../helpers/fixture-server.ts';
import { HttpClient } from '../../scrapers/http/client.ts';
import { decodeHtml } from '../../scrapers/http/charset.ts';
import { detectChallenge } from '../../scrapers/http/waf.ts';
import { parseListHtml } from '../../scrapers/crawl/list-templates.ts';
import { parseFeed } from '../../scrapers/crawl/feed.ts';
import { scrape } from '../../scrapers/run/scrape.ts';
import { defaultRegistry, loadSourcesFile, registryHosts } from '../../scrapers/sources/registry.ts';
import { copyContentRoot, tempDir } from '../helpers/site.ts';
import { OWN_FIXTURES, SHARED, fast, hasShared, noteSkip, recordingIngest, treeHashes } from './helpers.ts';

noteSkip('shared fixture suites (list parse, full offline run)');

interface ListExpectation {
  items: string[];
  next: string | null;
  blocked?: boolean;
}

describe.skipIf(!hasShared)('recorded customs pages (../shared/fixtures)', () => {
  let server: TestServer;
  let expected: Record<string, ListExpectation & Record<string, unknown>>;
  const sourcesFile = path.join(SHARED, 'sources.json');
  beforeAll(async () => {
    server = await serveFixtures({ roots: [SHARED] });
    expected = JSON.parse(readFileSync(path.join(SHARED, 'expected.json'), 'utf8'));
  });
  afterAll(async () => server?.close());

  it('every list and feed page yields exactly its items and next page', async () => {
    const lists = Object.entries(expected).filter(([, v]) => Array.isArray(v.items));
    expect(lists.length).toBeGreaterThanOrEqual(12);
    const client = new HttpClient({ allowedHosts: registryHosts(loadSourcesFile(sourcesFile)), mirror: server.url, ...fast });
    try {
      for (const [url, want] of lists) {
        const o = await client.get(url);
        if (o.kind !== 'response') throw new Error(`${url}: ${o.reason}`);
        const text = decodeHtml(o.body, o.headers['content-type']).text;
        if (want.blocked) {
          expect(detectChallenge(o.status, text), url).not.toBeNull();
          expect(parseListHtml(text, url), url).toBeNull();
          continue;
        }
        if (/rss|xml/.test(o.headers['content-type'] ?? '')) {
          expect(
            (await parseFeed(text, url)).map((e) => e.url),
            url,
          ).toEqual(want.items);
          expect(want.next, url).toBeNull();
        } else {
          const parsed = parseListHtml(text, url);
          expect(
            parsed?.items.map((i) => i.url),
            url,
          ).toEqual(want.items);
          expect(parsed?.next ?? null, url).toBe(want.next);
        }
      }
    } finally {
      await client.close();
    }
  });

  it('a full offline run: blocked, refused, failing and good items each end up where they belong', async () => {
    const root = path.join(tempDir('rollout-shared-'), 'content');
    const { ingest, received } = recordingIngest();
    const sources = loadSourcesFile(sourcesFile);
    const served = server.requests.length;
    const r = await scrape({
      contentRoot: root,
      sources,
      mirror: server.url,
      client: { ...fast, retry: { retries: 1, baseMs: 1, maxMs: 1, retryAfterCapMs: 1 } },
      delayMs: 0,
      ingest,
      now: new Date('2026-05-28T01:00:00Z'),
    });
    const requests = server.requests.slice(served);
    const rep = r.report.sources;

    expect(r.exitCode).toBe(2);
    expect(rep['wuhan-notices']).toMatchObject({ state: 'blocked', itemsSeen: 0 });
    // Tried by the browser by default, and given up on when the shell sat still (seconds), not at the page timeout.
    expect(rep['wuhan-notices']!.reason).toMatch(
      /HTTP 412 with a \$_ts JavaScript challenge .* still the challenge after Chromium ran it \(no reload for 5 s\)/,
    );
    console.log(`wuhan-notices blocked after ${(rep['wuhan-notices']!.durationMs / 1000).toFixed(1)} s`);
    for (const id of Object.keys(rep).filter((id) => id !== 'wuhan-notices')) expect(rep[id]!.state, id).toBe('ok');

    // Off-site redirect: refused, recorded, never requested.
    expect(requests.some((q) => q.path.startsWith('evil.example'))).toBe(false);
    expect(rep['nanjing-notices']!.errors).toContainEqual({
      url: 'https://nanjing.customs.gov.cn/nanjing_customs/589281/589283/589284/6594406/index.html',
      reason: expect.stringMatching(/redirect refused.*evil\.example/),
    });
    // 500 and 404 recorded; the other items of the same source still delivered.
    expect(rep['kunming-notices']!.errors.find((e) => e.url.endsWith('article_2026051817254630981.html'))?.reason).toMatch(/HTTP 500/);
    expect(rep['guangzhou-notices']!.errors.find((e) => e.url.endsWith('article_2026051116200311842.html'))?.reason).toBe('HTTP 404');
    const urls = received.map((a) => a.url);
    expect(urls).toContain('https://guangzhou.customs.gov.cn/guangzhou_customs/2026-05/14/article_2026051410224806531.html');
    // Same-site redirect: handed over under its final URL, with the link as listed.
    const moved = received.find((a) => a.linkedUrl.endsWith('/6702285/index.html'));
    expect(moved?.url).toBe('https://kunming.customs.gov.cn/kunming_customs/2026-05/20/article_2026052009301172215.html');
    // Tracking-query duplicate fetched once; http feed links fetched once, as https.
    expect(requests.filter((q) => q.path.startsWith('nanjing.customs.gov.cn/nanjing_customs/589281/589283/589284/6612873/'))).toHaveLength(1);
    expect(requests.filter((q) => q.path === 'www.customs.gov.cn/customs/2026-04/28/article_20260428153240117583.html')).toHaveLength(1);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.every((u) => u.startsWith('https://'))).toBe(true);
    // GBK article bytes and their header reach the writer intact.
    const tea = received.find((a) => a.url.endsWith('t20260512_6843127.htm'))!;
    expect(decodeHtml(tea.body, tea.contentType).text).toContain('泉州');
    // Feed-only items (no page) are handed over with the feed's title and description.
    const feedOnly = received.find((a) => a.url === 'https://www.gov.cn/zhengce/content/202604/content_7063201.htm');
    expect(feedOnly?.body.length).toBe(0);
    expect(feedOnly?.feedItem?.title).toBeTruthy();
    expect(feedOnly?.feedItem?.description).toBeTruthy();
    // A GMT midnight pubDate is the same Beijing day.
    const gfx = received.find((a) => a.url.endsWith('article_20260410151845302716.html'));
    expect(gfx?.listItem.date).toBe('2026-04-10');

    // Second run: lists answered 304 to conditional requests; nothing outside _state changes.
    const before = treeHashes(root);
    const served2 = server.requests.length;
    // No re-checks here (an empty schedule): tests/recheck/recheck-run.test.ts covers those.
    const r2 = await scrape({
      contentRoot: root,
      sources,
      mirror: server.url,
      client: { ...fast, retry: { retries: 0, baseMs: 1, maxMs: 1, retryAfterCapMs: 1 } },
      delayMs: 0,
      ingest,
      now: new Date('2026-05-29T01:00:00Z'),
      recheck: [],
    });
    const second = server.requests.slice(served2);
    const withValidators = [
      'www.customs.gov.cn/customs/302249/302266/302267/index.html',
      'nanjing.customs.gov.cn/nanjing_customs/589281/589283/589284/index.html',
      'qingdao.customs.gov.cn/qingdao_customs/406484/406513/index.html',
      'www.gov.cn/zhengce/zuixin.htm',
    ];
    for (const p of withValidators) {
      const q = second.find((x) => x.path === p);
      expect(q?.headers['if-none-match'] ?? q?.headers['if-modified-since'], p).toBeTruthy();
      expect(q?.status, p).toBe(304);
    }
    // Pages already delivered are not fetched again (none is due for a re-check).
    expect(second.some((q) => q.path.includes('6612873'))).toBe(false);
    const after = treeHashes(root);
    const changed = Object.keys({ ...before, ...after }).filter((f) => before[f] !== after[f]);
    expect(
      changed.every((f) => f.startsWith('_state/')),
      changed.join(', '),
    ).toBe(true);
    expect(r2.report.sources['wuhan-notices']!.state).toBe('blocked');
  });

  it('the full registry over the recorded sites and the invented home pages: no district is left unconfigured', async () => {
    const both = await serveFixtures({ roots: [SHARED, OWN_FIXTURES] });
    try {
      const root = copyContentRoot();
      const registry = defaultRegistry(root, {});
      const r = await scrape({
        contentRoot: root,
        sources: registry,
        mirror: both.url,
        client: { ...fast, retry: { retries: 0, baseMs: 1, maxMs: 1, retryAfterCapMs: 1 } },
        delayMs: 0,
        ingest: recordingIngest().ingest,
        now: new Date('2026-05-28T01:00:00Z'),
        hostsInParallel: 8,
      });
      const districts = registry.filter((s) => s.district !== null);
      expect(districts).toHaveLength(42);
      for (const d of districts) expect(r.report.sources[d.id]!.state, `${d.id}: ${r.report.sources[d.id]!.reason}`).not.toBe('unconfigured');
      // The recorded columns (c.2019 ids) are read; the invented home page gives its columns.
      for (const id of ['nanjing-notices', 'qingdao-notices', 'kunming-notices', 'guangzhou-notices', 'hangzhou-notices'])
        expect(r.report.sources[id]!.state, id).toBe('ok');
      expect(r.report.sources['hangzhou-notices']!.columns.every((c) => c.how === 'discovered')).toBe(true);
      // A district whose home page is not recorded says so.
      expect(r.report.sources['beijing-notices']).toMatchObject({
        state: 'failing',
        reason: expect.stringMatching(/^column discovery: no home page answered/),
      });
    } finally {
      await both.close();
    }
  });
});
