import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { extractArticle, isExtractError } from '../../scrapers/extract/index.ts';
import { beijingDateOf, firstDate, urlDate } from '../../scrapers/extract/dates.ts';
import { feedItemFor } from '../../scrapers/extract/page.ts';
import { enc, gaccPage, URL_GACC, vocab, T } from './helpers.ts';

const run = (html: string | Uint8Array, url = URL_GACC, extra: Record<string, unknown> = {}) =>
  extractArticle({ body: typeof html === 'string' ? enc(html) : html, url, ...extra }, vocab);

describe('dates are Beijing dates', () => {
  it.each([
    ['Thu, 02 Apr 2026 23:45:00 GMT', '2026-04-03'],
    ['Fri, 27 Mar 2026 09:05:11 GMT', '2026-03-27'],
    ['2026-04-02T16:30:00Z', '2026-04-03'],
    ['2026-04-03-07:45:00', '2026-04-03'],
  ])('%s -> %s', (v, want) => expect(beijingDateOf(v)).toBe(want));
  it.each([
    ['发布时间：2026/5/7 16:40', '2026-05-07'],
    ['2026年03月27日', '2026-03-27'],
    ['2026.5.8', '2026-05-08'],
    ['2026-02-30', null],
  ])('firstDate(%s)', (t, want) => expect(firstDate(t)).toBe(want));
  it.each([
    ['https://a.gov.cn/x/2026-05/06/article_1.html', '2026-05-06'],
    ['https://a.gov.cn/xxgk/202605/t20260512_6843127.htm', '2026-05-12'],
    ['https://a.gov.cn/x/6612873/index.html', null],
  ])('urlDate(%s)', (u, want) => expect(urlDate(u)).toBe(want));
});

describe('template detection, title and visible date', () => {
  it('new template: h1 title and 发布时间 beat meta PubDate, createDate and the URL date', () => {
    const html = gaccPage(T, ['正文。'], '2026-05-07 16:40').replace(
      '<head>',
      '<head><meta name="PubDate" content="2026-05-09"><meta name="createDate" content="2026-05-06">',
    );
    const r = run(html, 'https://kunming.customs.gov.cn/kunming_customs/2026-05/06/article_1.html');
    expect(isExtractError(r) ? r : { t: r.template, title: r.title, d: r.publishedAt }).toEqual({ t: 'gacc-new', title: T, d: '2026-05-07' });
  });
  it('EasySite: body is .easysite-news-peruse minus the print bar; text after a stray </div> is kept; images are not text', () => {
    const html = `<html><body><div class="easysite-news-title"><h2>标题"一企一策"</h2><p class="easysite-news-describe">发布时间：2026-05-19 11:48</p></div>
<div class="easysite-news-peruse"><div id="easysiteText"><p><span>第一段。
<div><img src="a.jpg"></div></div>
<p><b>停在错误闭合之后的第二段。<table><tr><td>单元<td>格</table>
<p>第三段</span></div><div class="easysite-news-operation"><a href="javascript:window.print()">【打印本页】</a></div></body></html>`;
    const r = run(html, 'https://qingdao.customs.gov.cn/q/1/index.html');
    if (isExtractError(r)) throw new Error(r.reason);
    expect(r.template).toBe('easysite');
    expect(r.title).toBe('标题"一企一策"');
    expect(r.bodyText).toContain('停在错误闭合之后的第二段');
    expect(r.bodyText).toContain('第三段');
    expect(r.bodyText).not.toContain('打印本页');
    expect(r.bodyHtml).not.toContain('<img');
  });
  it('gov.cn: share-title, and 发布日期 from table.bd1 rather than 成文日期', () => {
    const html = `<html><body><table class="bd1"><tr><td><b>成文日期：</b></td><td>2026年03月25日</td></tr><tr><td><b>发布日期：</b></td><td>2026年03月27日</td></tr></table>
<div class="share-title" style="display:none">国务院办公厅关于某事的通知</div><h1 id="ti">国务院办公厅关于某事的通知</h1>
<div id="UCAP-CONTENT"><p>各省、自治区、直辖市人民政府：正文。</p><p>2026年3月25日</p></div></body></html>`;
    const r = run(html, 'https://www.gov.cn/zhengce/content/202603/content_1.htm');
    expect(isExtractError(r) ? r : [r.template, r.title, r.publishedAt]).toEqual(['govcn', '国务院办公厅关于某事的通知', '2026-03-27']);
  });
  it('TRS page in GBK bytes: decoded, .xl_tit title, .xl_info date, ../ links made absolute', () => {
    const html = `<html><head><meta charset="gb2312"></head><body><div class="xl_tit">泉州茶叶出口推进会</div><div class="xl_info"><span>发布时间：2026-05-12 09:30</span></div>
<div class="TRS_Editor"><p>会议在泉州召开。<a href="../../files/a.pdf">附件一.pdf</a></p></div></body></html>`;
    const r = run(new Uint8Array(iconv.encode(html, 'gbk')), 'https://swt.fujian.gov.cn/xxgk/gzdt/swdt/202605/t20260512_1.htm', {
      contentType: 'text/html; charset=gb2312',
    });
    if (isExtractError(r)) throw new Error(r.reason);
    expect([r.template, r.title, r.publishedAt]).toEqual(['trs', '泉州茶叶出口推进会', '2026-05-12']);
    expect(r.attachments).toEqual([{ name: '附件一.pdf', url: 'https://swt.fujian.gov.cn/xxgk/gzdt/files/a.pdf', type: 'pdf' }]);
  });
  it('feed-only item: title, description and the Beijing date of the GMT pubDate', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><item><title><![CDATA[某部门关于某事的通知]]></title>
<description><![CDATA[<p>正文第一段。</p>]]></description><pubDate>Thu, 02 Apr 2026 23:45:00 GMT</pubDate><link>https://www.gov.cn/zhengce/content_9.htm</link></item></channel></rss>`;
    const item = feedItemFor(xml, 'http://www.gov.cn/zhengce/content_9.htm?from=rss');
    expect(item?.title).toBe('某部门关于某事的通知');
    const r = run(new Uint8Array(), 'https://www.gov.cn/zhengce/content_9.htm', { feedItem: item });
    expect(isExtractError(r) ? r : [r.template, r.publishedAt, r.bodyText]).toEqual(['feed', '2026-04-03', '正文第一段。']);
  });
});

describe('a page written as a table of labelled cells', () => {
  it('is read from its innermost text table, not from a navigation table of links', () => {
    const cell = '您好！经核实，该项业务目前在本市尚未开展，具体以海关后续公告为准。'.repeat(4);
    const html = `<html><head><title>某企业咨询留言的答复</title><meta name="PubDate" content="2026-05-20 09:00"></head><body>
<table class="nav"><tr><td><a href="/a">首页</a></td><td><a href="/b">政务公开</a></td><td><a href="/c">互动交流栏目首页链接</a></td></tr></table>
<table class="layout"><tr><td><div class="title">某企业咨询留言的答复</div>
<table class="reply"><tr><th>留言标题</th><td>某企业咨询留言的答复</td></tr><tr><th>答复内容</th><td>${cell}</td></tr></table>
</td></tr></table></body></html>`;
    const r = run(html, 'https://swt.example.gov.cn/art/2026/5/20/art_1_2.html');
    if (isExtractError(r)) throw new Error(r.reason);
    expect(r.template).toBe('generic');
    expect(r.bodyText).toContain('尚未开展');
    expect(r.bodyText).not.toContain('政务公开');
    expect(r.publishedAt).toBe('2026-05-20');
  });
});

describe('pages that are not articles are errors, not empty articles', () => {
  it.each([
    [
      '404 page',
      '<html><head><title>404-页面不存在</title></head><body><p class="error_tip">抱歉，您访问的页面不存在或已被删除！</p></body></html>',
      'error-page',
    ],
    [
      'nginx 500',
      '<html><head><title>500 Internal Server Error</title></head><body><center><h1>500 Internal Server Error</h1></center><hr><center>nginx</center></body></html>',
      'error-page',
    ],
    [
      'WAF challenge shell',
      '<html><head><meta id="x" content="abc" r="m"><script>$_ts=window["$_ts"];if(!$_ts)$_ts={};$_ts.cd="qqq";</script><script src="/a/b.js" r="m"></script></head><body></body></html>',
      'waf-challenge',
    ],
    ['empty body', '', 'empty-page'],
    ['no article text', '<html><head><title>首页</title></head><body><ul><li><a href="/">首页</a></li></ul></body></html>', 'no-article'],
  ])('%s', (_, html, code) => {
    const r = run(html);
    expect(isExtractError(r) ? r.error : 'extracted').toBe(code);
  });
});

describe('sanitised body', () => {
  it('drops scripts, styles, event attributes and non-http links; keeps escaped markup as text', () => {
    const r = run(
      gaccPage(T, [
        '<p onclick="alert(1)" style="color:red">备注：&lt;script&gt;alert(1)&lt;/script&gt; 与 {process.exit(1)}</p>',
        '<script>alert(2)</script><style>p{}</style>',
        '<p><a href="javascript:alert(3)">打印</a> <a href="./b.html">相对</a> <a href="mailto:x@y.cn">邮件</a></p>',
      ]),
    );
    if (isExtractError(r)) throw new Error(r.reason);
    expect(r.bodyHtml).not.toMatch(/<script|<style|onclick|javascript:|mailto:|style=/i);
    expect(r.bodyText).toContain('<script>alert(1)</script>');
    expect(r.bodyText).toContain('{process.exit(1)}');
    expect(r.bodyHtml).toContain('href="https://www.customs.gov.cn/customs/2026-05/10/b.html"');
    expect(r.bodyText).toContain('打印');
    expect(r.bodyText).not.toContain('微博');
  });
});

describe('publication date in the conventions order: visible, meta PubDate, list date, URL, signature', () => {
  // A page of an unknown template with no visible date, so each lower rule can be reached.
  const page = (head: string, foot = '') =>
    `<html><head><title>关于某事的通知</title>${head}</head><body><h1>关于某事的通知</h1><div class="content">` +
    `<p>${'各有关单位：为做好相关工作，现将有关事项通知如下，请认真贯彻执行并按要求报送材料。'.repeat(3)}</p>` +
    `<p>本通知自2026年7月1日起施行。</p><p>某某海关</p><p>${foot}</p></div></body></html>`;
  const NO_DATE_URL = 'https://nanchang.customs.gov.cn/nanchang_customs/1/2/3/index.html';
  const date = (r: ReturnType<typeof run>) => (isExtractError(r) ? r.error : r.publishedAt);
  it('meta PubDate beats the list date, the URL date and the signature date', () => {
    expect(
      date(
        run(page('<meta name="PubDate" content="2026-06-02 09:00">', '2026年5月30日'), 'https://x.customs.gov.cn/x_customs/2026-06/01/article_1.html', {
          listDate: '2026-06-03',
        }),
      ),
    ).toBe('2026-06-02');
  });
  it('the list date beats the URL date', () => {
    expect(date(run(page(''), 'https://x.customs.gov.cn/x_customs/2026-06/01/article_1.html', { listDate: '2026-06-03' }))).toBe('2026-06-03');
  });
  it('the URL date beats the signature date', () => {
    expect(date(run(page('', '2026年5月30日'), 'https://x.customs.gov.cn/x_customs/2026-06/01/article_1.html'))).toBe('2026-06-01');
  });
  it("a date in an element the page marks as its date beats meta, list, URL and signature; a list item's date never counts", () => {
    const marked = `<div class="art-meta"><span class="pub-date">2026/06/04</span></div>`;
    const rail = `<ul class="rail"><li><a href="/a.html">另一篇</a><span class="date">2026-06-09</span></li></ul>`;
    const p = page('<meta name="PubDate" content="2026-06-02 09:00">', '2026年5月30日').replace(
      '<div class="content">',
      `${rail}${marked}<div class="content">`,
    );
    expect(date(run(p, NO_DATE_URL, { listDate: '2026-06-03' }))).toBe('2026-06-04');
    expect(
      date(run(page('<meta name="PubDate" content="2026-06-02 09:00">').replace('<div class="content">', `${rail}<div class="content">`), NO_DATE_URL)),
    ).toBe('2026-06-02');
  });
  it("a reply's header dates the question too: the asker's date is never the page's", () => {
    const header = `<div class="art-meta"><span class="pub-date">留言时间：2026-08-11 20:14　答复时间：2026-08-18 11:10</span></div>`;
    expect(date(run(page('').replace('<div class="content">', `${header}<div class="content">`), NO_DATE_URL))).toBe('2026-08-18');
  });
  it('the signature date only when nothing else gives one; an effective date is never it', () => {
    expect(date(run(page('', '2026年5月30日'), NO_DATE_URL))).toBe('2026-05-30');
  });
});

describe('english.customs.gov.cn articles', () => {
  const en = (
    title: string,
    date: string,
    body: string,
  ) => `<!DOCTYPE html><html lang="en"><head><title>${title} - General Administration of Customs</title></head><body>
<div class="nav"><a href="/">Home</a> <a href="/Statics/list.html">News</a></div>
<div class="atcl"><div class="atcl-ttl">${title}</div><div class="atcl-date">${date}</div>
<div class="atcl-cnt">${body}</div></div>
<div class="rail"><a href="/Statics/aaa.html">Customs clearance of fresh produce speeds up in Xiamen</a></div>
<div class="footer">Address: No. 6 Jianguomennei Avenue, Dongcheng District, Beijing</div></body></html>`;
  const URL_EN = 'https://english.customs.gov.cn/Statics/1d2c3b4a-0000-4000-8000-000000000001.html';
  it('take title, the YYYY/MM/DD date and the body, and read English measure names', () => {
    const r = run(
      en(
        'Changsha starts one product, one policy service for tea exports',
        '2026/06/12',
        "<p>Changsha Customs launched the One Product, One Policy service on June 10 under this year's cross-border trade facilitation special action.</p><p>Exporters of black tea may apply.</p>",
      ),
      URL_EN,
    );
    if (isExtractError(r)) throw new Error(r.reason);
    expect(r.template).toBe('english-customs');
    expect(r.title).toBe('Changsha starts one product, one policy service for tea exports');
    expect(r.publishedAt).toBe('2026-06-12');
    expect(r.relevant).toBe(true);
    expect(r.measures.map((m) => m.id)).toContain('one-product-one-policy');
    expect(r.bodyText).not.toContain('Jianguomennei');
  });
  it('a page of an unknown English layout still extracts, and never crashes', () => {
    const html = `<html><head><title>Notice on import quarantine of frozen beef</title><meta name="PubDate" content="2026-05-03"></head><body><div class="main"><h1>Notice on import quarantine of frozen beef</h1>
<div class="text"><p>${'Imported frozen beef shall be inspected at the port of entry according to the applicable standards. '.repeat(6)}</p><p>Importers should keep records.</p></div></div></body></html>`;
    const r = run(html, URL_EN);
    if (isExtractError(r)) throw new Error(r.reason);
    expect(r.template).toBe('generic');
    expect(r.publishedAt).toBe('2026-05-03');
    expect(r.relevant).toBe(false);
  });
});
