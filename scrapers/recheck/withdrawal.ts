/**
 * A page that replaced an article with a withdrawal notice ("该信息已撤销", "本文已废止", "已撤回")
 * or an answer that says the page is gone (404, 410). Pure: status and decoded text in.
 */
import * as cheerio from 'cheerio';

/** Short notices only: a long article that mentions 撤销 (a licence revoked) is not a withdrawal. */
const MAX_NOTICE_CHARS = 400;
const WITHDRAWAL =
  /(该|本)(信息|文|公告|文件|页面|稿件|内容)?(已|已经|现已)(被)?(撤销|撤回|撤稿|删除|废止|下线|失效)|(信息|公告|文件|内容)(已|已经)?(撤销|撤回|撤稿|删除|下线)|已撤稿/;

/** What a reader sees of a page: its body text without scripts, styles and the site's navigation. */
export function visibleText(html: string): string {
  const $ = cheerio.load(html);
  $('script, style, noscript, template, nav, header, footer, title').remove();
  return $('body').text();
}

export type Gone = { gone: true; reason: string } | { gone: false };

export function goneFrom(status: number, visibleText: string): Gone {
  if (status === 404 || status === 410) return { gone: true, reason: `HTTP ${status}` };
  if (status !== 200) return { gone: false };
  const text = visibleText.replace(/\s+/g, '');
  if (text.length <= MAX_NOTICE_CHARS) {
    const m = WITHDRAWAL.exec(text);
    if (m) return { gone: true, reason: `withdrawal notice: ${m[0]}` };
  }
  return { gone: false };
}
