/**
 * One declaration per site family (CMS): where it is found, how its list pages and its article
 * pages are read, and what a healthy page of it looks like. Data only; the list parser
 * (scrapers/crawl), the template-drift checks (scrapers/run) and article reading all read these
 * declarations, so a family is described once. Selectors are the attested ones (see
 * ../shared/fixtures/README.md, "What is modelled on real evidence"); anything guessed says so.
 */

export type FamilyId = 'customs-new' | 'customs-easysite' | 'customs-english' | 'govcn' | 'trs';

/** The pager: customs pages put the next page's path in `a[title="下一页"]` (`tagname`, `onclick` or `href`). */
export type PagerDecl = { kind: 'next-link'; containers: string[] } | { kind: 'none'; why: string };

export interface ListDecl {
  /** The list rows; only these are read, so navigation, right rails and footers never leak in. */
  rows: string;
  /** Within a row: the article link (first match); its `title` attribute wins over its text. */
  link: string;
  /** Within a row: the date text. `children` looks only at the row's direct children. */
  date: { selector: string; scope: 'children' | 'descendants'; pick: 'first' | 'last' };
  pager: PagerDecl;
  /** A first list page of this family with fewer items than this is a changed template. */
  minItems: number;
}

interface ArticleBodyDecl {
  body: string;
  /** Parts inside the body that are not the article (print/close bars). */
  remove: string[];
}

export interface ArticleDecl {
  /** Title selectors, first non-empty wins. */
  title: string[];
  /** Where the visible publication date is written. */
  dateAreas: string[];
  /** How the date is written there, when it is not the usual 发布时间：YYYY-MM-DD. */
  dateFormat?: 'YYYY-MM-DD' | 'YYYY/MM/DD';
  /** Body candidates, checked in order: the first present one is the body. */
  bodies: ArticleBodyDecl[];
  /** Article URLs of this family (regular expression sources, matched against the canonical https URL). */
  urlPatterns: string[];
}

export interface SiteFamily {
  id: FamilyId;
  /** What the CMS is, for people. */
  description: string;
  /** Host names this family is served from (regular expression sources). */
  hosts: string[];
  /** Language of its pages (as extraction's templates say it). */
  lang: 'zh' | 'en';
  /** The id extraction's article templates use for this family (scrapers/extract/types.ts `Template`). */
  extractTemplate: 'gacc-new' | 'easysite' | 'govcn' | 'trs' | 'english-customs';
  /** Selectors that identify a page of this family even when its list rows are gone. */
  fingerprint: string[];
  list?: ListDecl | undefined;
  article: ArticleDecl;
  /** Whether the hosts sit behind the Rivers (瑞数) JavaScript challenge. */
  challenge: boolean;
  note?: string | undefined;
}

const CUSTOMS_HOSTS = ['^(?!english\\.)([a-z0-9-]+\\.)?customs\\.gov\\.cn$'];

export const FAMILIES: readonly SiteFamily[] = [
  {
    id: 'customs-new',
    extractTemplate: 'gacc-new',
    description: 'customs.gov.cn 2025 redesign (GACC and migrated district sites)',
    hosts: CUSTOMS_HOSTS,
    lang: 'zh',
    fingerprint: ['div.page_more', '.news_detail_tit', '.news_detail_con'],
    list: {
      rows: 'ul.news_list > li',
      link: 'a[href]',
      date: { selector: 'span', scope: 'children', pick: 'last' },
      pager: { kind: 'next-link', containers: ['div.page_more'] },
      minItems: 1,
    },
    article: {
      title: ['.news_detail_tit h1', '.news_detail_tit'],
      dateAreas: ['.news_detail_tit .func', '.func'],
      bodies: [{ body: '.news_detail_con', remove: [] }],
      // GACC ids have 20 digits, district ids 19: accept any.
      urlPatterns: ['^https://([a-z0-9-]+\\.)?customs\\.gov\\.cn/([a-z0-9]+_)?customs/\\d{4}-\\d{2}/\\d{2}/article_\\d+\\.html$'],
    },
    challenge: true,
  },
  {
    id: 'customs-easysite',
    extractTemplate: 'easysite',
    description: 'customs.gov.cn old EasySite template (most district sites)',
    hosts: CUSTOMS_HOSTS,
    lang: 'zh',
    fingerprint: ['.easysite-page-wrap', '.easysite-total-page', '#easysiteHiddenDiv', '.easysite-news-title', '#easysiteText'],
    list: {
      rows: 'ul.conList_ul > li, ul.conList_ull > li',
      link: 'a[href]',
      date: { selector: 'span', scope: 'children', pick: 'last' },
      pager: { kind: 'next-link', containers: ['.easysite-page-wrap', 'div.page_more'] },
      minItems: 1,
    },
    article: {
      title: ['.easysite-news-title h2', '.easysite-news-title'],
      dateAreas: ['.easysite-news-describe'],
      // The whole .easysite-news-peruse first: a stray </div> can close #easysiteText early.
      bodies: [
        { body: '.easysite-news-peruse', remove: ['.easysite-news-operation', '.easysite-news-title', '.easysite-news-describe'] },
        { body: '#easysiteText', remove: [] },
      ],
      urlPatterns: ['^https://[a-z0-9-]+\\.customs\\.gov\\.cn/[a-z0-9]+_customs/(\\d+/)+index\\.html$'],
    },
    challenge: true,
  },
  {
    id: 'govcn',
    extractTemplate: 'govcn',
    description: 'www.gov.cn (State Council) policy pages',
    hosts: ['^www\\.gov\\.cn$'],
    lang: 'zh',
    fingerprint: ['#UCAP-CONTENT', 'meta[name="manuscriptId"]', 'meta[name="lanmu"]'],
    list: {
      // Guessed list markup (the real page may be filled by script; RSSHub reads /zhengce/zuixin/).
      rows: 'div.list li:has(h4 > a)',
      link: 'h4 > a[href]',
      date: { selector: 'span.date', scope: 'descendants', pick: 'first' },
      pager: { kind: 'none', why: 'one page of the latest policies' },
      minItems: 1,
    },
    article: {
      title: ['div.share-title', 'h1#ti', '.article h1'],
      dateAreas: ['table.bd1', '.pages-date'],
      bodies: [{ body: '#UCAP-CONTENT', remove: [] }],
      urlPatterns: ['^https://www\\.gov\\.cn/zhengce/(.+/)?content_\\d+\\.htm$'],
    },
    challenge: false,
  },
  {
    id: 'trs',
    extractTemplate: 'trs',
    description: 'TRS portals (provincial departments, e.g. swt.fujian.gov.cn)',
    hosts: ['^(?!www\\.gov\\.cn$)(?!([a-z0-9-]+\\.)*customs\\.gov\\.cn$)([a-z0-9-]+\\.)+gov\\.cn$'],
    lang: 'zh',
    fingerprint: ['.TRS_Editor', '.xl_tit'],
    list: {
      rows: 'ul.list > li',
      link: 'a[href]',
      date: { selector: 'span.date', scope: 'descendants', pick: 'first' },
      // The pager is written by a script (createPageHTML): there is no link to follow.
      pager: { kind: 'none', why: 'pager written by script' },
      minItems: 1,
    },
    article: {
      title: ['.xl_tit', '.article-title', 'h1'],
      dateAreas: ['.xl_info'],
      bodies: [{ body: '.TRS_Editor', remove: [] }],
      urlPatterns: ['/t\\d{8}_\\d+\\.s?html?$'],
    },
    challenge: false,
  },
  {
    id: 'customs-english',
    extractTemplate: 'english-customs',
    description: 'english.customs.gov.cn (GACC English site)',
    hosts: ['^english\\.customs\\.gov\\.cn$'],
    lang: 'en',
    fingerprint: ['.atcl-ttl', '.atcl-cnt'],
    // No list markup is attested for the English site: it is read only from links and imports.
    list: undefined,
    article: {
      title: ['.atcl-ttl'],
      dateAreas: ['.atcl-date'],
      dateFormat: 'YYYY/MM/DD',
      bodies: [{ body: '.atcl-cnt', remove: [] }],
      urlPatterns: ['^https://english\\.customs\\.gov\\.cn/Statics/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\.html$'],
    },
    challenge: true,
  },
];

/** Feeds are read as RSS/Atom, whatever serves them (e.g. a self-hosted RSSHub). */
export const FEED_FAMILY = { id: 'rss', description: 'RSS 2.0 / Atom feed (e.g. RSSHub routes)', minItems: 0 } as const;

/** Families whose declared hosts include this host name. */
export function familiesForHost(hostname: string): SiteFamily[] {
  const h = hostname.toLowerCase();
  return FAMILIES.filter((f) => f.hosts.some((p) => new RegExp(p).test(h)));
}

/** Families with a list declaration, in detection order. */
export function listFamilies(): (SiteFamily & { list: ListDecl })[] {
  return FAMILIES.filter((f): f is SiteFamily & { list: ListDecl } => f.list !== undefined);
}

/** Article templates in the shape extraction reads (one entry per body candidate, in order). */
export function articleTemplates(): {
  id: SiteFamily['extractTemplate'];
  family: FamilyId;
  lang: SiteFamily['lang'];
  body: string;
  remove: string[];
  title: string[];
  dateAreas: string[];
  dateFormat: ArticleDecl['dateFormat'];
  urlPatterns: string[];
}[] {
  return FAMILIES.flatMap((f) =>
    f.article.bodies.map((b) => ({
      id: f.extractTemplate,
      family: f.id,
      lang: f.lang,
      body: b.body,
      remove: b.remove,
      title: f.article.title,
      dateAreas: f.article.dateAreas,
      dateFormat: f.article.dateFormat,
      urlPatterns: f.article.urlPatterns,
    })),
  );
}
