import { extractArticle, isExtractError, type Extracted } from '../../scrapers/extract/index.ts';
import { loadVocabulary } from '../../scrapers/extract/vocab.ts';
import path from 'node:path';

export const vocab = loadVocabulary(path.resolve(process.cwd(), 'content'));
export const enc = (s: string) => new TextEncoder().encode(s);

/** A new-template (GACC 2025) article page around the given title and paragraphs. */
export function gaccPage(title: string, paragraphs: string[], date = '2026-05-10 10:00'): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="head_nav"><a href="/customs/index.html">首页</a></div>
<div class="news_detail"><div class="news_detail_tit"><h1>${title}</h1><div class="func"><span>发布时间：${date}</span></div></div>
<div class="news_detail_con">${paragraphs.map((p) => (p.startsWith('<') ? p : `<p>${p}</p>`)).join('\n')}</div></div>
<div class="customs_con_right"><a href="//www.customs.gov.cn/customs/2025-12/23/article_1.html">微博</a></div>
</body></html>`;
}

export const URL_GACC = 'https://www.customs.gov.cn/customs/2026-05/10/article_20260510100000000001.html';

export function extract(title: string, paragraphs: string[], date?: string): Extracted {
  const r = extractArticle({ body: enc(gaccPage(title, paragraphs, date)), url: URL_GACC }, vocab);
  if (isExtractError(r)) throw new Error(`unexpected extraction error: ${r.error} ${r.reason}`);
  return r;
}

/** A relevant title, so rules other than relevance can be tested in isolation. */
export const T = '关于落实2026年促进跨境贸易便利化专项行动的公告';
