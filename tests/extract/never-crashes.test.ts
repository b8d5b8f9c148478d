/**
 * A page in any template or language never crashes extraction: generated pages built from real
 * template chrome, hostile fragments, English and Chinese text, broken markup and random bytes
 * either extract or return an error object; nothing throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../scrapers/extract/index.ts';
import { vocab } from './helpers.ts';

const SHELLS = [
  (t: string, b: string) =>
    `<div class="news_detail_tit"><h1>${t}</h1><div class="func">发布时间：2026-05-07</div></div><div class="news_detail_con">${b}</div>`,
  (t: string, b: string) =>
    `<div class="easysite-news-title"><h2>${t}</h2></div><p class="easysite-news-describe">发布时间：2026-05-07 10:00</p><div class="easysite-news-peruse"><div id="easysiteText">${b}</div></div>`,
  (t: string, b: string) => `<div class="atcl-ttl">${t}</div><div class="atcl-date">2026/05/07</div><div class="atcl-cnt">${b}</div>`,
  (t: string, b: string) =>
    `<div class="share-title">${t}</div><table class="bd1"><tr><td>发布日期：</td><td>${t}</td></tr></table><div id="UCAP-CONTENT">${b}</div>`,
  (t: string, b: string) => `<div class="xl_tit">${t}</div><div class="xl_info">${b}</div><div class="TRS_Editor">${b}</div>`,
  (t: string, b: string) => `<h1>${t}</h1><div>${b}</div>`,
];
const PIECES = [
  '<p>',
  '</p>',
  '<table><tr><td>',
  '</td><td>',
  '</tr></table>',
  '<br>',
  '</div>',
  '<span>一品</span><span>一策</span>',
  '跨境贸易便利化专项行动',
  'cross-border trade facilitation special action',
  '苏州',
  'Changsha',
  '冷冻鱿鱼',
  '出口至越南、泰国',
  '2026年5月8日',
  '发布时间：',
  '<a href="javascript:x">a</a>',
  '<a href="/x.xls">名单.xls</a>',
  '&lt;script&gt;',
  '<script>x</script>',
  '{x}',
  '\u0000',
  '\ud800',
  '。',
  '，',
  '：',
];

const page = fc
  .tuple(
    fc.integer({ min: 0, max: SHELLS.length - 1 }),
    fc.array(fc.constantFrom(...PIECES), { maxLength: 20 }),
    fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }),
  )
  .map(([i, t, b]) => `<html><head><meta charset="utf-8"><title>${t.join('')}</title></head><body>${SHELLS[i]!(t.join(''), b.join(''))}</body></html>`);

describe('extraction never crashes', () => {
  it('on generated pages of every template', () => {
    fc.assert(
      fc.property(page, (html) => {
        const r = extractArticle({ body: new TextEncoder().encode(html), url: 'https://english.customs.gov.cn/Statics/1.html' }, vocab);
        expect(typeof r).toBe('object');
      }),
      { numRuns: 1500, seed: 20261130 },
    );
  });
  it('on bytes that decode to lone surrogates (an invalid GB18030 four-byte sequence)', () => {
    const r = extractArticle(
      { body: Uint8Array.from([228, 48, 129, 48]), url: 'https://x.customs.gov.cn/a.html', contentType: 'text/html; charset=gbk' },
      vocab,
    );
    expect(r).toMatchObject({ error: expect.any(String) });
  });
  it('on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const r = extractArticle(
          { body: bytes, url: 'https://nanjing.customs.gov.cn/nanjing_customs/1/2/3/4/index.html', contentType: 'text/html; charset=gbk' },
          vocab,
        );
        expect(typeof r).toBe('object');
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });
});
