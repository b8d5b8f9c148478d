/**
 * Feeds: all announcements, per city, per measure and per cell, as RSS 2.0 (@astrojs/rss) and JSON
 * Feed 1.1. Every item says what the announcement changed in the scope and links the source. All
 * text goes through the XML builder (escaped) or JSON.stringify, never spliced into markup by hand.
 */
import { getRssString } from '@astrojs/rss';
import { pick, useTranslations, HTML_LANG, type Lang } from '../i18n/ui.ts';
import { paths, feedPath, type FeedFormat, type FeedScope } from './paths.ts';
import type { SiteData, AnnouncementEntry } from './data.ts';
import type { CellEffect } from './changes.ts';
import { beijingMidnight } from '../model/beijing-date.ts';
import { cellKey } from '../model/rollout.ts';
import { cityLabel, generatedSummary, marketLabel, measureLabel } from './summary.ts';
import { describeChange } from './change-words.ts';

export interface FeedItemData {
  id: string;
  title: string;
  link: string;
  sourceUrl: string;
  date: Date;
  /** Plain-text lines: what changed, then the source. */
  lines: string[];
  categories: string[];
}

export interface FeedMeta {
  title: string;
  description: string;
  /** Absolute URL of the page the feed belongs to. */
  home: string;
  lang: Lang;
  self: Record<FeedFormat, string>;
}

/** Newest items per feed: a feed is a subscription to what is new, not an archive (the pages are). */
export const FEED_LIMIT = 100;

/** The group of announcements a scope reads (all relevance), newest first. */
export function scopeAnnouncements(data: SiteData, scope: FeedScope): readonly AnnouncementEntry[] {
  switch (scope.kind) {
    case 'all':
    case 'changes':
      return data.announcements;
    case 'city':
      return data.groups.city.get(scope.id) ?? [];
    case 'measure':
      return data.groups.measure.get(scope.id) ?? [];
    case 'cell':
      return data.groups.cell.get(cellKey(scope.measure, scope.city)) ?? [];
    case 'product':
      return data.groups.product.get(scope.id) ?? [];
    case 'market':
      return data.groups.market.get(scope.id) ?? [];
    case 'product-market':
      return data.groups.productMarket.get(`${scope.product}>${scope.market}`) ?? [];
  }
}

/** Relevant announcements of a scope, newest first, from the groups built once per build. */
function inScope(data: SiteData, scope: FeedScope): AnnouncementEntry[] {
  const list = scopeAnnouncements(data, scope);
  const out: AnnouncementEntry[] = [];
  for (const a of list ?? []) {
    if (!a.data.relevant) continue;
    out.push(a);
    if (out.length === FEED_LIMIT) break;
  }
  return out;
}

function effectInScope(e: CellEffect, scope: FeedScope): boolean {
  if (scope.kind === 'city') return e.city === scope.id;
  if (scope.kind === 'product' || scope.kind === 'market' || scope.kind === 'product-market') return true;
  if (scope.kind === 'measure') return e.measure === scope.id;
  if (scope.kind === 'cell') return e.city === scope.city && e.measure === scope.measure;
  return true;
}

export function scopeName(data: SiteData, lang: Lang, scope: FeedScope): string {
  const t = useTranslations(lang);
  const cityName = (id: string) => cityLabel(data, id, lang);
  const measureName = (id: string) => measureLabel(data, id, lang);
  const productName = (id: string) => {
    const p = data.byId.product.get(id);
    return p ? pick(p.data.name, lang) : id;
  };
  switch (scope.kind) {
    case 'all':
      return t('feeds.all');
    case 'city':
      return t('feeds.cityTitle', { name: cityName(scope.id) });
    case 'measure':
      return t('feeds.measureTitle', { name: measureName(scope.id) });
    case 'cell':
      return t('feeds.cellTitle', { measure: measureName(scope.measure), city: cityName(scope.city) });
    case 'product':
      return t('feeds.productTitle', { name: productName(scope.id) });
    case 'market':
      return t('feeds.marketTitle', { name: marketLabel(data, scope.id.toUpperCase(), lang) });
    case 'product-market':
      return t('feeds.productMarketTitle', { product: productName(scope.product), market: marketLabel(data, scope.market.toUpperCase(), lang) });
    case 'changes':
      return t('feeds.changesTitle');
  }
}

/** The page a scope's feed belongs to. */
export function scopeHome(lang: Lang, scope: FeedScope): string {
  switch (scope.kind) {
    case 'all':
      return paths.announcements(lang);
    case 'city':
      return paths.city(lang, scope.id);
    case 'measure':
      return paths.measure(lang, scope.id);
    case 'cell':
      return paths.cell(lang, scope.measure, scope.city);
    case 'product':
    case 'product-market':
      return paths.product(lang, scope.kind === 'product' ? scope.id : scope.product);
    case 'market':
      return paths.market(lang, scope.id);
    case 'changes':
      return paths.changes(lang);
  }
}

/** The change log as feed items: one per change, in words, newest first. */
function changeItems(data: SiteData, lang: Lang, site: URL): FeedItemData[] {
  const t = useTranslations(lang);
  const out: FeedItemData[] = [];
  for (const day of data.changelog) {
    const changes = [...day.data.changes].sort((a, b) => b.detectedAt.localeCompare(a.detectedAt) || a.record.localeCompare(b.record));
    for (const [n, c] of changes.entries()) {
      const w = describeChange(data, c, lang);
      const page = new URL(`${paths.changes(lang)}#d-${day.data.date}`, site).href;
      out.push({
        id: `${page}-${n}`,
        title: `${w.subject}: ${w.text}`,
        link: w.href ? new URL(w.href, site).href : page,
        sourceUrl: c.sourceUrl ?? page,
        date: new Date(c.detectedAt),
        lines: [w.text, ...(c.sourceUrl ? [t('feed.source', { url: c.sourceUrl })] : [])],
        categories: [],
      });
      if (out.length === FEED_LIMIT) return out;
    }
  }
  return out;
}

/** Items of one feed, newest first. */
export function feedItems(data: SiteData, lang: Lang, scope: FeedScope, site: URL): FeedItemData[] {
  if (scope.kind === 'changes') return changeItems(data, lang, site);
  const t = useTranslations(lang);
  const cityName = (id: string) => cityLabel(data, id, lang);
  const measureName = (id: string) => measureLabel(data, id, lang);
  const status = (s: string) => t(`status.${s}` as Parameters<typeof t>[0]);
  return inScope(data, scope).map((a) => {
    const effects = (data.effects.get(a.id) ?? []).filter((e) => effectInScope(e, scope));
    const lines = effects.map((e) => {
      const head =
        e.from === e.to
          ? t('feed.confirms', { measure: measureName(e.measure), city: cityName(e.city), status: status(e.to) })
          : t('feed.changed', { measure: measureName(e.measure), city: cityName(e.city), from: status(e.from), to: status(e.to) });
      return e.newProducts.length ? `${head}; ${t('feed.newProducts', { list: e.newProducts.join('、') })}` : head;
    });
    // English readers get the generated summary first (labelled); the title stays the original.
    if (lang === 'en') lines.unshift(`${t('summary.label')}: ${generatedSummary(data, a.data, lang)}`);
    if (a.data.withdrawnAt) lines.unshift(t('feed.withdrawn', { date: a.data.withdrawnAt }));
    lines.push(t('feed.source', { url: a.data.canonicalUrl }));
    const tags = [...a.data.cities.map(cityName), ...a.data.measures.map(measureName)];
    return {
      id: new URL(paths.announcement(a.id), site).href,
      title: a.data.title,
      link: new URL(paths.announcement(a.id), site).href,
      sourceUrl: a.data.canonicalUrl,
      date: beijingMidnight(a.data.publishedAt),
      lines,
      categories: [...new Set(tags)],
    };
  });
}

export function feedMeta(data: SiteData, lang: Lang, scope: FeedScope, site: URL): FeedMeta {
  const t = useTranslations(lang);
  const abs = (p: string) => new URL(p, site).href;
  return {
    title: `${scopeName(data, lang, scope)} · ${t('site.name')}`,
    description: t('feed.description'),
    home: abs(scopeHome(lang, scope)),
    lang,
    self: {
      'rss.xml': abs(feedPath(lang, scope, 'rss.xml')),
      'feed.json': abs(feedPath(lang, scope, 'feed.json')),
    },
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Item body as HTML whose every text is escaped: readers render RSS descriptions and JSON Feed content_html as HTML. */
function itemHtml(item: FeedItemData): string {
  return item.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('') + `<p><a href="${escapeHtml(item.sourceUrl)}">${escapeHtml(item.sourceUrl)}</a></p>`;
}

export async function renderFeed(format: FeedFormat, meta: FeedMeta, items: FeedItemData[]): Promise<string> {
  if (format === 'rss.xml') {
    return getRssString({
      title: meta.title,
      description: meta.description,
      site: meta.home,
      trailingSlash: true,
      customData: `<language>${HTML_LANG[meta.lang]}</language>`,
      items: items.map((i) => ({
        title: i.title,
        link: i.link,
        pubDate: i.date,
        // Readers treat <description> as HTML: give them escaped HTML (the XML builder escapes it again).
        description: itemHtml(i),
        categories: i.categories,
      })),
    });
  }
  // JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): plain text in titles and summaries,
  // escaped HTML in content_html.
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: meta.title,
      home_page_url: meta.home,
      feed_url: meta.self['feed.json'],
      description: meta.description,
      language: HTML_LANG[meta.lang],
      items: items.map((i) => ({
        id: i.id,
        url: i.link,
        external_url: i.sourceUrl,
        title: i.title,
        content_html: itemHtml(i),
        content_text: i.lines.join('\n'),
        summary: i.lines.join('\n'),
        date_published: i.date.toISOString(),
        date_modified: i.date.toISOString(),
        ...(i.categories.length ? { tags: i.categories } : {}),
      })),
    },
    null,
    2,
  );
}
