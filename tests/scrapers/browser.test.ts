/**
 * The browser strategy against a local JavaScript challenge: the page answers 412 with a script
 * that sets a cookie and reloads; only a client that runs the script gets the list. A scrape
 * run uses it by default (no --browser), for pages and for robots.txt, headed on an Xvfb display.
 * Needs Debian's Chromium: in CI (env CI set) a missing Chromium fails loudly; locally it skips.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { BrowserFetcher, chromiumAvailable, CHROMIUM_PATH } from '../../scrapers/http/browser.ts';
import { HttpClient } from '../../scrapers/http/client.ts';
import { decodeHtml } from '../../scrapers/http/charset.ts';
import { parseListHtml } from '../../scrapers/crawl/list-templates.ts';
import { scrape } from '../../scrapers/run/scrape.ts';
import { looksCutShort } from '../../scrapers/run/source-run.ts';
import { runScriptAsync, tempDir } from '../helpers/site.ts';
import { OWN_FIXTURES, fast, recordingIngest } from './helpers.ts';
import { serve, serveFixtures, type TestServer } from '../helpers/fixture-server.ts';

const inCi = !!process.env['CI'];
const canRun = chromiumAvailable() || inCi;
if (!chromiumAvailable()) {
  console.warn(
    inCi
      ? `[fail] Chromium missing at ${CHROMIUM_PATH}: CI must install it (apt-get install chromium xvfb)`
      : `[skip] browser strategy: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium xvfb)`,
  );
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
/** The article cut short after the challenge (no closing tags): the DOM would close them. */
const ARTICLE_CUT = ARTICLE.slice(0, ARTICLE.indexOf('</p>'));
const CUT_PATH = `${HOST}/js_customs/2026-05/20/article_cut.html`;
const GBK_PATH = `${HOST}/js_customs/2026-05/20/article_gbk.html`;

const ROBOTS_HOST = 'jsrobots.customs.gov.cn';
const STUCK = 'stuck.customs.gov.cn';
const STATIC_SHELL = `<html><head><meta id="x" content="t"><script>$_ts=window['$_ts'];if(!$_ts)$_ts={};$_ts.nsd=2;</script></head><body></body></html>`;
const ROBOTS_LIST = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><ul class="news_list">
<li><a href="/js_customs/private/article_2.html" title="不许抓取">不许抓取</a><span>2026-05-21</span></li>
<li><a href="/js_customs/2026-05/21/article_3.html" title="可以抓取">可以抓取</a><span>2026-05-21</span></li></ul></body></html>`;

describe.skipIf(!canRun)('browser fetch strategy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serve((req, res, hit) => {
      const passed = /challenge=passed/.test(req.headers.cookie ?? '');
      // stuck.*: robots.txt is a challenge shell that never passes (no script runs it).
      if (hit.path.startsWith(`${STUCK}/`)) {
        if (hit.path.endsWith('robots.txt')) return void res.writeHead(412, { 'content-type': 'text/html' }).end(STATIC_SHELL);
        return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(LIST_PAGE);
      }
      if (hit.path.endsWith('robots.txt')) {
        if (!hit.path.startsWith(`${ROBOTS_HOST}/`)) return void res.writeHead(404).end();
        // jsrobots.*: robots.txt itself is behind the challenge.
        if (!passed) return void res.writeHead(412, { 'content-type': 'text/html; charset=utf-8' }).end(SHELL);
        return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /js_customs/private/\n');
      }
      if (!passed) return void res.writeHead(412, { 'content-type': 'text/html; charset=utf-8' }).end(SHELL);
      if (hit.path === GBK_PATH)
        return void res
          .writeHead(200, { 'content-type': 'text/html; charset=gb2312' })
          .end(iconv.encode(ARTICLE.replace('<meta charset="utf-8">', '<meta charset="gb2312">'), 'gb18030'));
      if (hit.path === CUT_PATH) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE_CUT);
      const body = hit.path.includes('article_') ? ARTICLE : hit.path.startsWith(`${ROBOTS_HOST}/`) ? ROBOTS_LIST : LIST_PAGE;
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

  it('hands back the bytes as served after the challenge, so a page cut short is seen as cut short', async () => {
    expect(chromiumAvailable(), `Chromium missing at ${CHROMIUM_PATH}`).toBe(true);
    const b = await BrowserFetcher.launch({ allowedHosts: new Set([HOST]), mirror: server.url, delayMs: 0, timeoutMs: 20_000 });
    try {
      const cut = await b.get(`https://${CUT_PATH}`);
      if (cut.kind !== 'response') throw new Error(cut.reason);
      expect(cut.status).toBe(200);
      expect(Buffer.from(cut.body).toString('utf8')).toBe(ARTICLE_CUT);
      expect(looksCutShort(decodeHtml(cut.body, cut.headers['content-type']).text)).toBe(true);
      const whole = await b.get(`https://${HOST}/js_customs/2026-05/20/article_1.html`);
      if (whole.kind !== 'response') throw new Error(whole.reason);
      expect(Buffer.from(whole.body).toString('utf8')).toBe(ARTICLE);
      expect(whole.headers['content-type']).toBe('text/html; charset=utf-8');
      // A GB2312 page: Chromium hands its text back as UTF-8, and says so (the meta tag still says gb2312).
      const gbk = await b.get(`https://${GBK_PATH}`);
      if (gbk.kind !== 'response') throw new Error(gbk.reason);
      expect(gbk.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(decodeHtml(gbk.body, gbk.headers['content-type']).text).toContain('测试用虚构正文。</p></div></body></html>');
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
      mirror: server.url,
      delayMs: 0,
      browser: 'always',
      ingest,
      client: fast,
    });
    expect(r.report.sources['js-list']).toMatchObject({ state: 'ok', itemsNew: 1 });
    expect(received).toHaveLength(1);
    expect(Buffer.from(received[0]!.body).toString()).toContain('脚本验证后的通知');
  });

  it('a scrape run passes the challenge by default (no --browser): plain HTTP first, then Chromium for the rest of the host', async () => {
    expect(chromiumAvailable(), `Chromium missing at ${CHROMIUM_PATH}`).toBe(true);
    const root = path.join(tempDir('rollout-browser-'), 'content');
    const { ingest, received } = recordingIngest();
    const before = server.requests.length;
    const r = await scrape({
      contentRoot: root,
      sources: [{ id: 'js-list', kind: 'html-list', url: LIST, district: null, verified: false }],
      mirror: server.url,
      delayMs: 0,
      ingest,
      client: fast,
    });
    expect(r.report.sources['js-list']).toMatchObject({ state: 'ok', itemsNew: 1, via: 'browser', family: 'customs-new' });
    expect(Buffer.from(received[0]!.body).toString()).toContain('脚本验证后的通知');
    const hits = server.requests.slice(before).filter((h) => !h.path.endsWith('robots.txt'));
    // The list: plain HTTP (412), the browser (412, runs the script), the browser again with the
    // cookie. The article: only the browser, straight away with the host's cookie.
    expect(hits.filter((h) => h.path === LIST.slice(8)).map((h) => /challenge=passed/.test(String(h.headers.cookie)))).toEqual([false, false, true]);
    expect(hits.filter((h) => h.path.includes('article_1')).map((h) => /challenge=passed/.test(String(h.headers.cookie)))).toEqual([true]);
  });

  it('a robots.txt behind the challenge is read through the browser before anything on its host, and obeyed', async () => {
    const root = path.join(tempDir('rollout-browser-'), 'content');
    const { ingest, received } = recordingIngest();
    const before = server.requests.length;
    const url = `https://${ROBOTS_HOST}/js_customs/1/index.html`;
    const r = await scrape({
      contentRoot: root,
      sources: [{ id: 'js-robots', kind: 'html-list', url, district: null, verified: false }],
      mirror: server.url,
      delayMs: 0,
      ingest,
      client: fast,
    });
    expect(r.report.sources['js-robots'], r.report.sources['js-robots']?.reason).toMatchObject({ state: 'ok', itemsNew: 1 });
    expect(received.map((a) => a.url)).toEqual([`https://${ROBOTS_HOST}/js_customs/2026-05/21/article_3.html`]);
    const hits = server.requests.slice(before).map((h) => h.path);
    expect(hits[0]).toBe(`${ROBOTS_HOST}/robots.txt`);
    expect(hits.some((p) => p.includes('/private/'))).toBe(false);
  });

  it('a robots.txt challenge that cannot be passed blocks the host: nothing else on it is requested', async () => {
    const root = path.join(tempDir('rollout-browser-'), 'content');
    const before = server.requests.length;
    const r = await scrape({
      contentRoot: root,
      sources: [{ id: 'stuck', kind: 'html-list', url: `https://${STUCK}/stuck_customs/1/index.html`, district: null, verified: false }],
      mirror: server.url,
      delayMs: 0,
      ingest: recordingIngest().ingest,
      client: fast,
      browserTiming: { settleMs: 1000 },
    });
    expect(r.report.sources['stuck']).toMatchObject({
      state: 'blocked',
      reason: expect.stringMatching(/robots\.txt answered a JavaScript challenge that could not be passed.*still the challenge after Chromium ran it/),
    });
    expect(server.requests.slice(before).every((h) => h.path === `${STUCK}/robots.txt`)).toBe(true);
  });
});

describe('playwright-core is loaded only for a challenge', () => {
  // A resolve hook that makes playwright-core absent, as in a production install without dev dependencies.
  const HOOK = `data:text/javascript,${encodeURIComponent(`import { registerHooks } from 'node:module';
registerHooks({ resolve(specifier, context, next) {
  if (specifier === 'playwright-core') { process.stderr.write('[hook] playwright-core requested\\n'); throw Object.assign(new Error("Cannot find package 'playwright-core'"), { code: 'ERR_MODULE_NOT_FOUND' }); }
  return next(specifier, context);
} });`)}`;
  const cli = (args: string[]) => runScriptAsync('scripts/scrape.ts', args, { preload: HOOK, env: { ROLLOUT_MIRROR: '' } });

  it('plain sources scrape without it; a challenged source is blocked and says why', async () => {
    const fixtures = await serveFixtures({ roots: [OWN_FIXTURES] });
    try {
      const dir = tempDir('rollout-noplaywright-');
      const sources = path.join(dir, 'sources.json');
      writeFileSync(
        sources,
        JSON.stringify({
          sources: [
            { id: 'demo-new', kind: 'html-list', url: 'https://demo.customs.gov.cn/demo_customs/100/300/index.html', district: null },
            { id: 'demo-blocked', kind: 'html-list', url: 'https://demo.customs.gov.cn/demo_customs/100/412/index.html', district: null },
          ],
        }),
      );
      const plain = await cli(['--sources', sources, '--source', 'demo-new', '--mirror', fixtures.url, '--content', path.join(dir, 'a'), '--delay', '0']);
      expect(plain.status, plain.stderr).toBe(0);
      expect(plain.stderr).not.toMatch(/\[hook\]/);
      const both = await cli(['--sources', sources, '--mirror', fixtures.url, '--content', path.join(dir, 'b'), '--delay', '0']);
      expect(both.status, both.stderr).toBe(2);
      expect(both.stderr).toMatch(/\[hook\] playwright-core requested/);
      expect(both.stdout).toMatch(/demo-blocked\s+blocked .*HTTP 412.*browser unavailable: playwright-core is not installed/);
      expect(both.stdout).toMatch(/demo-new\s+ok/);
    } finally {
      await fixtures.close();
    }
  });
});
