/**
 * Page reading: decode the bytes, detect the template on this page, and take the title, the
 * visible publication date, the body fragment and its attachments. Pure: bytes + URL in,
 * record or error out. Template selectors are attested ones (see the fixtures README).
 */
import * as cheerio from 'cheerio';
import type { CheerioAPI, Cheerio } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { decodeHtml } from '../http/charset.ts';
import { isChallengeShell } from '../http/waf.ts';
import { beijingDateOf, chineseDates, DATE_IN_TEXT, firstDate, urlDate } from './dates.ts';
import { articleText, type ArticleText } from '../text/article.ts';
import { articleTemplates } from '../sites/families.ts';
import { clean, type BodyText } from '../text/body.ts';
import { toHttps } from '../text/url.ts';
import type { Attachment, ExtractInput, Explanation, Template } from './types.ts';

/** Article templates, checked in order (the first whose body selector exists wins): one home, the site-family declarations. */
const TEMPLATES = articleTemplates();
type TemplateSpec = (typeof TEMPLATES)[number];

export interface PageRecord {
  template: Template;
  lang: 'zh' | 'en';
  title: string;
  publishedAt: string;
  body: BodyText;
  /** Sanitised body fragment: what the writer stores, converted by the same text path. */
  bodyHtml: string;
  attachments: Attachment[];
  explain: Explanation[];
}

export interface PageError {
  error: string;
  reason: string;
}

const ATTACHMENT_EXT = /\.(pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z|csv|pptx?|txt)$/i;
const ERROR_PAGE = /^\s*[45]\d\d(\D|$)|页面不存在|已被删除|Not Found|Internal Server Error|Bad Gateway|Service Unavailable|Forbidden|访问出错|系统繁忙/i;
const VISIBLE_DATE = new RegExp(String.raw`发布(?:时间|日期)\s*[：:]\s*(${DATE_IN_TEXT.source})`);
const META_DATES = ['PubDate', 'pubdate', 'firstpublishedtime', 'publishdate', 'publish_date', 'article:published_time'];

function hanCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return n;
}

function firstText($: CheerioAPI, selectors: string[]): string {
  for (const s of selectors) {
    const el = $(s).first();
    if (el.length) {
      const t = clean(el.text());
      if (t) return t;
    }
  }
  return '';
}

function meta($: CheerioAPI, name: string): string | undefined {
  const v = $(`meta[name="${name}"]`).attr('content') ?? $(`meta[property="${name}"]`).attr('content');
  return v?.trim() || undefined;
}

/** Links of the body (already absolute, http(s) only) that point at a document file. */
function attachmentsOf(text: ArticleText): Attachment[] {
  const out: Attachment[] = [];
  const seen = new Set<string>();
  for (const link of text.links) {
    const m = ATTACHMENT_EXT.exec(new URL(link.url).pathname);
    if (!m || seen.has(link.url)) continue;
    seen.add(link.url);
    const name = clean(link.text) || decodeURIComponent(new URL(link.url).pathname.split('/').pop() ?? link.url);
    out.push({ name, url: link.url, type: m[1]!.toLowerCase() });
  }
  return out;
}

/** Largest block of paragraph text on a page of an unknown template. */
function genericBody($: CheerioAPI): Cheerio<AnyNode> | null {
  let best: Cheerio<AnyNode> | null = null;
  let bestScore = 0;
  $('article, div, td, section').each((_, el) => {
    const ps = $(el).children('p');
    if (!ps.length) return;
    const text = ps.text();
    // Han characters, or about five Latin letters to a word on an English page.
    const score = hanCount(text) + (text.match(/[A-Za-z]/g)?.length ?? 0) / 5;
    if (score > bestScore) {
      bestScore = score;
      best = $(el);
    }
  });
  if (bestScore >= 80) return best;
  // A page written as a table of labelled cells (a message-board reply, a form-like notice) has no
  // paragraphs: the innermost table with the most text that is not mostly links.
  $('table').each((_, el) => {
    const t = $(el);
    if (t.find('table').length) return;
    const text = t.text();
    const links = t.find('a').text();
    if (hanCount(links) * 3 > hanCount(text)) return;
    const score = hanCount(text);
    if (score > bestScore) {
      bestScore = score;
      best = t;
    }
  });
  return bestScore >= 80 ? best : null;
}

const DATE_MARKED = '[class*="date" i], [id*="date" i], [class*="pubtime" i], [class*="publish" i]';

/** A reply page's header dates the question too (留言时间：…　答复时间：…): the asker's date is not the page's. */
const ASKED_AT = /(留言|来信|提问|咨询|来电|写信)(时间|日期)[：:]\s*[0-9０-９年月日/.-]+(\s*\d{1,2}[:：]\d{2}([:：]\d{2})?)?/gu;
const withoutAskedAt = (t: string) => t.replace(ASKED_AT, ' ');

function decideDate($: CheerioAPI | null, areas: string[], input: ExtractInput, text: string): { date: string | null; rule: string } {
  if ($) {
    for (const s of areas) {
      const m = VISIBLE_DATE.exec(clean($(s).first().text()));
      const d = m ? firstDate(m[1]!) : null;
      if (d) return { date: d, rule: `visible 发布时间 in ${s}` };
    }
    const m = VISIBLE_DATE.exec(clean($('body').text()));
    const d = m ? firstDate(m[1]!) : null;
    if (d) return { date: d, rule: 'visible 发布时间 on the page' };
    // An unlabelled date in the title's own line (e.g. "2026-03-27　来源：…" under the h1).
    for (const s of [...areas, 'h1 + *', 'h2 + *']) {
      // A list next to the title is other articles with their own dates.
      if (!areas.includes(s) && $(s).first().is('ul, ol, table')) continue;
      const t = withoutAskedAt(clean($(s).first().text()));
      if (!t.trim() || /成文日期/.test(t) || t.length > 120) continue;
      const d = firstDate(t);
      if (d) return { date: d, rule: `visible date next to the title (${s})` };
    }
    // An element the page itself marks as a date (class or id naming a date or time), short,
    // outside any list (a right rail's items carry their own dates): a template not declared.
    for (const el of $(DATE_MARKED).toArray()) {
      const node = $(el);
      if (node.closest('li, ul, ol, table').length) continue;
      const t = withoutAskedAt(clean(node.text()));
      if (!t.trim() || t.length > 40 || /成文日期/.test(t)) continue;
      const d = firstDate(t);
      if (d) return { date: d, rule: 'a date in an element marked as the date' };
    }
    for (const name of META_DATES) {
      const v = meta($, name);
      const md = v ? (name.includes(':') ? beijingDateOf(v) : firstDate(v)) : null;
      if (md) return { date: md, rule: `meta ${name}` };
    }
  }
  // The list page's date for the item, then the feed's (a feed is a list with instants).
  if (input.listDate && /^\d{4}-\d{2}-\d{2}$/.test(input.listDate)) return { date: input.listDate, rule: 'the list page date of the item' };
  if (input.feedItem?.pubDate) {
    const d = beijingDateOf(input.feedItem.pubDate);
    if (d) return { date: d, rule: 'feed pubDate in Asia/Shanghai' };
  }
  const u = urlDate(input.url);
  if (u) return { date: u, rule: 'date in the URL path' };
  // The signature date at the foot: only when the page, the list and the URL give none.
  const inBody = chineseDates(text);
  const last = inBody[inBody.length - 1];
  if (last) return { date: last.date, rule: 'signature date (last date written in the body)' };
  return { date: null, rule: 'none' };
}

function fromFeed(input: ExtractInput): PageRecord | PageError {
  const item = input.feedItem;
  const title = clean(item?.title ?? '');
  if (!title) return { error: 'no-article', reason: 'empty page and no feed item title' };
  const text = articleText(item?.description ?? '', input.url);
  const { date, rule } = decideDate(null, [], input, text.body.text);
  if (!date) return { error: 'no-date', reason: 'feed item without a usable pubDate' };
  return {
    template: 'feed',
    lang: 'zh',
    title,
    publishedAt: date,
    body: text.body,
    bodyHtml: text.html,
    attachments: attachmentsOf(text),
    explain: [
      { field: 'template', value: 'feed', rule: 'no page body: the feed item is the article', position: -1 },
      { field: 'publishedAt', value: date, rule, position: -1 },
    ],
  };
}

/** Read one article page. */
export function readPage(input: ExtractInput): PageRecord | PageError {
  const hasFeedText = !!input.feedItem?.title;
  if (input.body.byteLength === 0) {
    return hasFeedText ? fromFeed(input) : { error: 'empty-page', reason: 'the page body is empty' };
  }
  const { text: html } = decodeHtml(input.body, input.contentType ?? null);
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  if (isChallengeShell(html)) {
    return { error: 'waf-challenge', reason: 'a JavaScript challenge shell ($_ts), not the article' };
  }
  let spec: TemplateSpec | undefined;
  for (const t of TEMPLATES) {
    if ($(t.body).length) {
      spec = t;
      break;
    }
  }
  let root: Cheerio<AnyNode> | null = null;
  let template: Template;
  let title: string;
  if (spec) {
    template = spec.id;
    root = $(spec.body).first().clone();
    for (const r of spec.remove) root.find(r).remove();
    title = firstText($, spec.title) || meta($, 'ArticleTitle') || '';
  } else {
    const pageTitle = clean($('title').first().text());
    const h1 = firstText($, ['h1', 'h2']);
    if (ERROR_PAGE.test(pageTitle) || ERROR_PAGE.test(h1)) {
      return hasFeedText ? fromFeed(input) : { error: 'error-page', reason: `an error page ("${pageTitle || h1}"), not an article` };
    }
    root = genericBody($);
    if (!root) return hasFeedText ? fromFeed(input) : { error: 'no-article', reason: 'no known article template and no article-like text block' };
    template = 'generic';
    root = root.clone();
    title = meta($, 'ArticleTitle') || h1 || pageTitle.split(/[_|]/)[0]!.trim();
  }
  if (!title && input.feedItem?.title) title = clean(input.feedItem.title);
  if (!title) return { error: 'no-title', reason: `template ${template}: no title found` };
  const text = articleText(root.html() ?? '', input.url);
  const body = text.body;
  // A notice can be just an attachment link; only a body with no text and no file is empty.
  if (!/\S/.test(body.fullText) && !root.find('a[href], img[src]').length && !(input.feedItem?.description ?? '').trim()) {
    return { error: 'empty-body', reason: `template ${template}: the article body is empty` };
  }
  const { date, rule } = decideDate($, spec?.dateAreas ?? [], input, body.text);
  if (!date) return { error: 'no-date', reason: 'no publication date on the page, in the feed, the URL or the body' };
  return {
    template,
    lang: spec?.lang ?? (hanCount(body.fullText) * 4 < body.fullText.length ? 'en' : 'zh'),
    title,
    publishedAt: date,
    body,
    bodyHtml: text.html,
    attachments: attachmentsOf(text),
    explain: [
      { field: 'template', value: template, rule: spec ? `body selector ${spec.body}` : 'largest paragraph block', position: -1 },
      { field: 'publishedAt', value: date, rule, position: -1 },
    ],
  };
}

/** The item of an RSS/Atom document whose link is `url` (http/https and a trailing query ignored). */
export function feedItemFor(xml: string, url: string): { title?: string; description?: string; pubDate?: string } | null {
  const $ = cheerio.load(xml, { xml: true });
  const norm = (raw: string) => {
    const u = URL.parse(raw.trim());
    if (!u) return raw.trim();
    u.search = '';
    u.hash = '';
    return toHttps(u).href;
  };
  const want = norm(url);
  let found: { title?: string; description?: string; pubDate?: string } | null = null;
  $('item, entry').each((_, it) => {
    if (found) return;
    const link = $(it).children('link').first();
    const href = link.attr('href') ?? link.text();
    if (norm(href) !== want) return;
    found = {
      title: $(it).children('title').first().text().trim(),
      description: ($(it).children('description').first().text() || $(it).children('content, summary').first().text()).trim(),
      pubDate: ($(it).children('pubDate').first().text() || $(it).children('published, updated').first().text()).trim(),
    };
  });
  return found;
}
