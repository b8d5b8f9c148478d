/** Pure pieces: canonical URLs, list templates, robots answers, WAF shell, feed dates, mirror. */
import { describe, expect, it } from 'vitest';
import { canonicalUrl, resolveLink } from '../../scrapers/crawl/canonical.ts';
import { parseListHtml } from '../../scrapers/crawl/list-templates.ts';
import { parseFeed } from '../../scrapers/crawl/feed.ts';
import { robotsPolicy } from '../../scrapers/http/robots.ts';
import { detectChallenge } from '../../scrapers/http/waf.ts';
import { mirrorUrl } from '../../scrapers/http/mirror.ts';
import { checkUrl } from '../../scrapers/http/allowlist.ts';
import { beijingDateOf } from '../../scrapers/extract/dates.ts';
import { unmirror } from '../../scrapers/http/browser.ts';

const PAGE = 'https://demo.customs.gov.cn/demo_customs/1/2/index.html';

describe('canonical URLs', () => {
  it('strips tracking queries, upgrades to https, drops fragments, keeps meaningful queries', () => {
    expect(canonicalUrl('http://demo.customs.gov.cn/a/6612873/index.html?utm_source=wechat&utm_medium=zhiding#top')).toBe(
      'https://demo.customs.gov.cn/a/6612873/index.html',
    );
    expect(canonicalUrl('https://www.gov.cn/x.htm?id=7&spm=abc')).toBe('https://www.gov.cn/x.htm?id=7');
    expect(canonicalUrl('HTTPS://WWW.GOV.CN:443/x.htm')).toBe('https://www.gov.cn/x.htm');
  });
  it('resolves path-absolute, protocol-relative, ./ and ../../ links against the real page URL', () => {
    expect(resolveLink('/demo_customs/9/index.html', PAGE)).toBe('https://demo.customs.gov.cn/demo_customs/9/index.html');
    expect(resolveLink('//www.customs.gov.cn/customs/x.html', PAGE)).toBe('https://www.customs.gov.cn/customs/x.html');
    expect(resolveLink('./content/1.htm', 'https://www.gov.cn/zhengce/zuixin.htm')).toBe('https://www.gov.cn/zhengce/content/1.htm');
    expect(resolveLink('../../img/a.png', PAGE)).toBe('https://demo.customs.gov.cn/demo_customs/img/a.png');
    expect(resolveLink('javascript:void(0)', PAGE)).toBeNull();
  });
});

describe('list templates, detected per page', () => {
  const wrap = (inner: string) =>
    `<html><body><div class="nav"><ul><li><a href="/nav.html">导航</a></li></ul></div>${inner}<div class="right"><ul><li><a href="/customs/2026-05/01/article_1.html" title="热点">热点</a></li></ul></div></body></html>`;

  it('new template: ul.news_list, tagname next page', () => {
    const p = parseListHtml(
      wrap(
        `<ul class="news_list"><li><a href="/customs/2026-05/02/article_2.html" title="全标题">截断...</a><span>2026-05-02</span></li></ul><div class="page_more"><a title="下一页" onclick="queryArticleByCondition(this,'/demo_customs/1/2/0a1b2c3d-2.html')" tagname="/demo_customs/1/2/0a1b2c3d-2.html">下一页</a></div>`,
      ),
      PAGE,
    );
    expect(p).toEqual({
      template: 'customs-new',
      items: [{ url: 'https://demo.customs.gov.cn/customs/2026-05/02/article_2.html', title: '全标题', date: '2026-05-02' }],
      next: 'https://demo.customs.gov.cn/demo_customs/1/2/0a1b2c3d-2.html',
    });
  });

  it('EasySite: ul.conList_ul, YYYY/MM/DD dates, [NEXTPAGE] means no next page', () => {
    const p = parseListHtml(
      wrap(
        `<ul class="conList_ul"><li><a href="/demo_customs/1/2/6650118/index.html" title="标题">标题</a><span>2026/05/19</span></li></ul><div class="easysite-page-wrap"><a title="下一页" tagname="[NEXTPAGE]"><span>下一页</span></a></div>`,
      ),
      PAGE,
    );
    expect(p?.template).toBe('customs-easysite');
    expect(p?.items[0]?.date).toBe('2026-05-19');
    expect(p?.next).toBeNull();
  });

  it('gov.cn: div.list h4 > a with span.date; TRS: ul.list > li with span.date', () => {
    const g = parseListHtml(
      wrap(`<div class="list list_1"><ul><li><h4><a href="./content/202604/content_1.htm">政策</a><span class="date">2026-04-02</span></h4></li></ul></div>`),
      'https://www.gov.cn/zhengce/zuixin.htm',
    );
    expect(g).toEqual({
      template: 'govcn',
      items: [{ url: 'https://www.gov.cn/zhengce/content/202604/content_1.htm', title: '政策', date: '2026-04-02' }],
      next: null,
    });
    const t = parseListHtml(
      wrap(`<ul class="list"><li><span class="date">2026-05-12</span><a href="./202605/t20260512_1.htm" title="动态">动态</a></li></ul>`),
      'https://swt.fujian.gov.cn/xxgk/gzdt/swdt/index.htm',
    );
    expect(t?.template).toBe('trs');
    expect(t?.items[0]?.url).toBe('https://swt.fujian.gov.cn/xxgk/gzdt/swdt/202605/t20260512_1.htm');
  });

  it('a page with no known template is not an empty list', () => {
    expect(parseListHtml('<html><body><p>维护中</p></body></html>', PAGE)).toBeNull();
  });
});

describe('robots answers (RFC 9309)', () => {
  const robots = 'https://demo.customs.gov.cn/robots.txt';
  it('no matching rule allows; a URL of another host is not allowed (robots-parser says undefined)', () => {
    const p = robotsPolicy(robots, { kind: 'ok', status: 200, text: 'User-agent: *\nDisallow: /admin/\n' });
    expect(p.isAllowed('https://demo.customs.gov.cn/news/1.html', 'RolloutWatch')).toBe(true);
    expect(p.isAllowed('https://demo.customs.gov.cn/admin/x', 'RolloutWatch')).toBe(false);
    expect(p.isAllowed('https://other.customs.gov.cn/news/1.html', 'RolloutWatch')).toBe(false);
  });
  it('4xx allows all (this host only); 5xx and unreachable disallow all', () => {
    const open = robotsPolicy(robots, { kind: 'status', status: 404 });
    expect(open.isAllowed('https://demo.customs.gov.cn/x', 'RolloutWatch')).toBe(true);
    expect(open.isAllowed('https://other.gov.cn/x', 'RolloutWatch')).toBe(false);
    expect(robotsPolicy(robots, { kind: 'status', status: 503 }).isAllowed('https://demo.customs.gov.cn/x', 'RolloutWatch')).toBe(false);
    expect(robotsPolicy(robots, { kind: 'unreachable', reason: 'timeout' }).closedReason).toMatch(/disallow all/);
  });
});

describe('WAF challenge, feeds, mirror, allow-list', () => {
  it('recognises the 412 $_ts shell, and a 200 that is only the shell', () => {
    const shell = `<html><head><script>$_ts=window['$_ts'];if(!$_ts)$_ts={};</script></head><body></body></html>`;
    expect(detectChallenge(412, shell)?.reason).toMatch(/412.*\$_ts/);
    expect(detectChallenge(200, shell)).not.toBeNull();
    expect(detectChallenge(200, '<html><body><ul class="news_list"></ul></body></html>')).toBeNull();
  });

  it('feed dates become Beijing dates (a GMT evening is the next day in Beijing)', async () => {
    expect(beijingDateOf('Thu, 02 Apr 2026 16:30:00 GMT')).toBe('2026-04-03');
    expect(beijingDateOf('Tue, 28 Apr 2026 00:00:00 GMT')).toBe('2026-04-28');
    const items = await parseFeed(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>A</title><link>http://www.customs.gov.cn/customs/a.html</link><description><![CDATA[]]></description><pubDate>Fri, 10 Apr 2026 00:00:00 GMT</pubDate></item></channel></rss>`,
      'https://rsshub.local/x',
    );
    expect(items).toEqual([{ url: 'http://www.customs.gov.cn/customs/a.html', title: 'A', description: undefined, pubDate: 'Fri, 10 Apr 2026 00:00:00 GMT' }]);
  });

  it('mirror maps host and path (query kept) and back; the allow-list refuses what the mirror would hide', () => {
    expect(mirrorUrl('https://www.gov.cn/zhengce/zuixin.htm?a=1', 'http://127.0.0.1:8089/')).toBe('http://127.0.0.1:8089/www.gov.cn/zhengce/zuixin.htm?a=1');
    expect(unmirror('http://127.0.0.1:8089/www.gov.cn/x.htm', 'http://127.0.0.1:8089')).toBe('https://www.gov.cn/x.htm');
    expect(unmirror('https://evil.example/x', 'http://127.0.0.1:8089')).toBeNull();
    const hosts = new Set(['www.gov.cn']);
    expect(checkUrl('https://www.gov.cn/x', hosts).ok).toBe(true);
    expect(checkUrl('https://www.gov.cn.evil.example/x', hosts).ok).toBe(false);
    expect(checkUrl('https://user:pw@www.gov.cn/x', hosts).ok).toBe(false);
    expect(checkUrl('https://www.gov.cn:8443/x', hosts).ok).toBe(false);
  });
});
