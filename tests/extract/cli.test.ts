import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const NODE = path.resolve(process.cwd(), 'node_modules/.bin/node');
const FIX = path.resolve(process.cwd(), 'tests/fixtures/extract');
const CONTRACT_KEYS = ['title', 'publishedAt', 'relevant', 'cities', 'measures', 'products', 'markets', 'eligibility', 'signal', 'confidence'];

function cli(...args: string[]) {
  const r = spawnSync(NODE, ['scripts/extract.ts', ...args], { encoding: 'utf8', cwd: process.cwd() });
  const lines = r.stdout.trim().split('\n');
  return { code: r.status, lines, json: JSON.parse(lines[lines.length - 1] ?? '{}') };
}

describe('extract CLI contract', () => {
  it('prints exactly one JSON object with the contract fields for a GBK page', () => {
    const r = cli('--url', 'https://swt.example.gov.cn/xxgk/202606/t20260615_7000002.htm', path.join(FIX, 'quanzhi-gbk.htm'));
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(1);
    expect(Object.keys(r.json)).toEqual(CONTRACT_KEYS);
    expect(r.json.title).toBe('长沙市商务局关于组织申报生鲜集拼出口试点企业的通知');
    expect(r.json.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r.json.cities).toEqual([{ id: 'changsha', nameZh: '长沙', nameEn: 'Changsha' }]);
    expect(r.json.measures).toEqual([{ id: 'fresh-produce-consolidation', nameZh: '生鲜集拼' }]);
    expect(r.json.markets).toEqual([{ id: 'HK' }]);
    expect(typeof r.json.confidence).toBe('number');
  });
  it("products carry id (lexicon id or null), nameZh (core noun), display (the page's form) and hs when known", () => {
    const r = cli('--url', 'https://xiamen.customs.gov.cn/xiamen_customs/490391/490392/7000001/index.html', path.join(FIX, 'xiamen-list.html'));
    expect(r.code).toBe(0);
    for (const p of r.json.products) {
      expect(Object.keys(p).filter((k) => k !== 'hs' && k !== 'display')).toEqual(['id', 'nameZh']);
      expect(p.id === null || typeof p.id === 'string').toBe(true);
    }
    expect(r.json.products[0]).toEqual({ id: 'grapes', nameZh: '葡萄', display: '鲜食葡萄', hs: ['080610'] });
  });
  it.each([
    [
      'an nginx 500 page',
      '<html><head><title>500 Internal Server Error</title></head><body><center><h1>500 Internal Server Error</h1></center><hr><center>nginx</center></body></html>',
      'error-page',
    ],
    ['a 404 page', '<html><head><title>404-页面不存在</title></head><body><p>抱歉，您访问的页面不存在或已被删除！</p></body></html>', 'error-page'],
    ['a WAF shell', '<html><head><script>$_ts=window["$_ts"];$_ts.cd="x";</script></head><body></body></html>', 'waf-challenge'],
  ])('%s: a JSON error object and a non-zero exit', (_, html, code) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'extract-cli-'));
    const file = path.join(dir, 'page.html');
    writeFileSync(file, html);
    const r = cli('--url', 'https://kunming.customs.gov.cn/k/article_1.html', file);
    expect(r.code).not.toBe(0);
    expect(r.json).toMatchObject({ error: code, url: 'https://kunming.customs.gov.cn/k/article_1.html' });
  });
  it('bad usage exits 2 with a JSON error', () => {
    const r = cli(path.join(FIX, 'xiamen-list.html'));
    expect(r.code).toBe(2);
    expect(r.json.error).toBe('usage');
  });
  it('an RSS file is read as the feed item linking the URL', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'extract-cli-'));
    const file = path.join(dir, 'feed.xml');
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><item><title><![CDATA[测试用虚构通知]]></title><description><![CDATA[<p>无关内容。</p>]]></description><pubDate>Tue, 31 Mar 2026 17:30:00 GMT</pubDate><link>https://www.gov.cn/zhengce/content/202603/content_1.htm</link></item></channel></rss>`,
    );
    const r = cli('--url', 'https://www.gov.cn/zhengce/content/202603/content_1.htm', file);
    expect(r.code).toBe(0);
    expect([r.json.title, r.json.publishedAt, r.json.relevant, r.json.signal]).toEqual(['测试用虚构通知', '2026-04-01', false, 'other']);
  });
});
