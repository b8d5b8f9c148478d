/** Extracted-shaped inputs for writer tests (the shape scrapers/extract returns). */
import type { CityMention } from '../../src/model/schemas.ts';
import type { ExtractedArticle } from '../../scrapers/write/extracted.ts';
import type { ArticleMeta } from '../../scrapers/write/record.ts';

export const META: ArticleMeta = {
  sourceId: 'kunming-notices',
  district: 'kunming',
  url: 'https://kunming.customs.gov.cn/kunming_customs/611308/611311/611312/6702285/index.html',
  linkedUrl: 'https://kunming.customs.gov.cn/kunming_customs/611308/611311/611312/6702285/index.html',
};

/** A city as extraction names it (Kunming unless told). */
export function city(id: string | null = 'kunming', nameZh = '昆明', adcode = '530100', nameEn = 'Kunming'): CityMention {
  return { id, nameZh, nameEn, adcode, via: [nameZh] };
}

export function extracted(over: Partial<ExtractedArticle> = {}): ExtractedArticle {
  return {
    title: '测试公告：某措施在某市启动',
    publishedAt: '2026-05-08',
    relevant: true,
    cities: [city()],
    measures: [{ id: 'paperless-trade', nameZh: '无纸化' }],
    products: [{ id: null, nameZh: '测试产品', hs: ['0901'] }],
    markets: [{ id: 'EU' }],
    eligibility: ['测试条件一'],
    signal: 'launch',
    confidence: 0.9,
    bodyHtml: '<h2>一、总体要求</h2><p>第一段正文。</p><ul><li>条目一</li><li>条目二</li></ul>',
    attachments: [],
    ...over,
  };
}
