/**
 * The browser strategy against a local JavaScript challenge: the page answers 412 with a script
 * that sets a cookie and reloads; only a client that runs the script gets the list.
 * Needs Debian's Chromium: in CI (env CI set) a missing Chromium fails loudly; locally it skips.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import path from 'node:path';
import { BrowserFetcher, chromiumAvailable, CHROMIUM_PATH } from '../../scrapers/http/browser.ts';
import { HttpClient } from '../../scrapers/http/client.ts';
import { decodeHtml } from '../../scrapers/http/charset.ts';
import { parseListHtml } from '../../scrapers/crawl/list-templates.ts';
import { scrape } from '../../scrapers/run/scrape.ts';
import { tempDir } from '../helpers/site.ts';
import { fast, recordingIngest, serve, type TestServer } from './helpers.ts';

const inCi = !!process.env['CI'];
const canRun = chromiumAvailable() || inCi;
if (!chromiumAvailable()) {
  console.warn(inCi ? `[fail] Chromium missing at ${CHROMIUM_PATH}: CI must install it (apt-get install chromium xvfb)` : `[skip] browser strategy: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium xvfb)`);
}

const HOST = 'js.customs.gov.cn';
const LIST = `https://${HOST}/js_customs/1/index.html`;
const SHELL = `<!DOCTYPE html><html><head><meta charset="utf-8"><script>$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=1;
document.cookie = 'challenge=passed; path=/'; setTimeout(function(){ location.reload(); }, 50);</script></head><body></body></html>`;
const LIST_PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告</title></head><body>
<ul class="news_list"><li><a href="/js_customs/2026-05/20/article_1.html" title="脚本验证后的通知">脚本验证后的通知</a><span>2026-05-20</span></li></ul>
<div class="page_more"><a tagname="[NEXTPAGE]" title="下一页">下一页</a></div>
<img src="https://tracker.example/pixel.gif"></body></html>`;
const ARTICLE = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div class="news_detail_tit"><h1>脚本验证后的通知</h1></div><div class="news_detail_con"><p>测试用虚构正文。</p></div></body></html>`;

describe.skipIf(!canRun)('browser fetch strategy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serve((req, res, hit) => {
      if (hit.path.endsWith('robots.txt')) return void res.writeHead(404).end();
      const passed = /challenge=passed/.test(req.headers.cookie ?? '');
      if (!passed) return void res.writeHead(412, { 'content-type': 'text/html; charset=utf-8' }).end(SHELL);
      const body = hit.path.includes('article_1') ? ARTICLE : LIST_PAGE;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
  });
  afterAll(async () => server?.close());

  it('plain HTTP sees only the challenge shell', async () => {
    const client = new HttpClient({ allowedHosts: new Set([HOST]), mirror: server.url, ...fast });
    const o = await client.get(LIST);
    await client.close();
    expect(o.kind === 'response' && o.status).toBe(412);
    if (o.kind === 'response') expect(parseListHtml(decodeHtml(o.body, o.headers['content-type']).text, LIST)).toBeNull();
  });

  it('Chromium runs the challenge, gets the list, and never requests off-list hosts', async () => {
    expect(chromiumAvailable(), `Chromium missing at ${CHROMIUM_PATH}`).toBe(true);
    const b = await BrowserFetcher.launch({ allowedHosts: new Set([HOST]), mirror: server.url, delayMs: 0, timeoutMs: 20_000 });
    try {
      const o = await b.get(LIST);
      if (o.kind !== 'response') throw new Error(o.reason);
      expect(o.status).toBe(200);
      const parsed = parseListHtml(decodeHtml(o.body, o.headers['content-type']).text, LIST);
      expect(parsed?.items).toEqual([{ url: `https://${HOST}/js_customs/2026-05/20/article_1.html`, title: '脚本验证后的通知', date: '2026-05-20' }]);
      const refused = await b.get('https://tracker.example/pixel.gif');
      expect(refused.kind === 'failure' && refused.failure).toBe('refused');
    } finally {
      await b.close();
    }
  });

  it('a scrape run with --browser delivers the article behind the challenge', async () => {
    expect(chromiumAvailable(), `Chromium missing at ${CHROMIUM_PATH}`).toBe(true);
    const root = path.join(tempDir('rollout-browser-'), 'content');
    const { ingest, received } = recordingIngest();
    const r = await scrape({
      contentRoot: root,
      sources: [{ id: 'js-list', kind: 'html-list', url: LIST, district: null, verified: false }],
      mirror: server.url, delayMs: 0, browser: 'always', ingest, client: fast,
    });
    expect(r.report.sources['js-list']).toMatchObject({ state: 'ok', itemsNew: 1 });
    expect(received).toHaveLength(1);
    expect(Buffer.from(received[0]!.body).toString()).toContain('脚本验证后的通知');
  });
});
