/**
 * The site, built for real (Astro + Pagefind) from tests/fixtures/site: the seed catalogue plus
 * synthetic announcements, change log, overrides and run report. One build for the whole file.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import Parser from 'rss-parser';
import { parse } from 'csv-parse/sync';
import * as cheerio from 'cheerio';
import { sharedBuild, type BuildResult } from '../helpers/site.ts';
import { SITE_FIXTURE, html, ids, pagefindFilters, pagefindSearch, readJson } from './helpers.ts';

let build: BuildResult;
let out: string;
const measures = ids('measures');
const cities = ids('cities');
const HOSTILE_TITLE = "合成测试 <script>alert('title')</script> & <b>bold</b> ]]> {process.exit(1)}";

beforeAll(async () => {
  build = await sharedBuild(SITE_FIXTURE);
  out = build.outDir;
  if (build.status !== 0) throw new Error(`build failed:\n${build.output.slice(-3000)}`);
});

describe('the matrix page', () => {
  it('lists every seeded measure as a row and every seeded city as a column, in both languages', () => {
    for (const lang of ['en', 'zh']) {
      const $ = html(out, `${lang}/matrix/`);
      const rows = $('#matrix tbody tr[data-measure]')
        .map((_, el) => $(el).attr('data-measure'))
        .get();
      const cols = $('#matrix thead th[data-city]')
        .map((_, el) => $(el).attr('data-city'))
        .get();
      expect(rows.sort()).toEqual([...measures].sort());
      expect(cols.sort()).toEqual([...cities].sort());
      expect($('#matrix tbody td[data-s]').length).toBe(measures.length * cities.length);
    }
  });

  it('links every cell to a built cell page and shows status as text, not only colour', () => {
    const $ = html(out, 'en/matrix/');
    const links = $('#matrix tbody td[data-s] a').toArray();
    expect(links.length).toBe(measures.length * cities.length);
    for (const a of links) {
      const href = $(a).attr('href')!;
      expect(href).toMatch(/^\/en\/cells\/[a-z0-9-]+--[a-z0-9-]+\/$/);
      expect(existsSync(path.join(out, href, 'index.html')), href).toBe(true);
      expect($(a).text().trim().length).toBeGreaterThan(0);
      expect($(a).attr('class')).toContain($(a).parent().attr('data-s'));
    }
  });

  it('derives the statuses from the announcements and the reviewed override', () => {
    const $ = html(out, 'en/matrix/');
    const cell = (m: string, c: string) => {
      const col = $('#matrix thead th')
        .toArray()
        .findIndex((th) => $(th).attr('data-city') === c);
      return $(`#matrix tbody tr[data-measure="${m}"] > *`).eq(col);
    };
    expect(cell('one-product-one-policy', 'suzhou-jiangsu').attr('data-s')).toBe('operational');
    expect(cell('one-product-one-policy', 'kunming').attr('data-s')).toBe('announced');
    expect(cell('two-step-declaration', 'beijing').attr('data-s')).toBe('pilot');
    expect(cell('one-product-one-policy', 'beijing').attr('data-s')).toBe('unknown');
    // Filter data: products and markets named by the Suzhou evidence.
    expect(cell('one-product-one-policy', 'suzhou-jiangsu').attr('data-p')).toBe('synthetic-tea');
    expect(cell('one-product-one-policy', 'suzhou-jiangsu').attr('data-k')).toBe('SA EU');
  });

  it('marks inferred cities, counts the unidentified ones and rolls up per measure and per city', () => {
    const $ = html(out, 'en/matrix/');
    const inferred = cities.filter((c) => readJson<{ participation: string }>(path.join(SITE_FIXTURE, 'cities', `${c}.json`)).participation === 'inferred');
    for (const c of inferred) expect($(`#matrix th[data-city="${c}"] .badge.inferred`).text()).toBe('inferred');
    expect($('#matrix th.unid').text()).toContain('20 cities not yet identified');
    expect($('#matrix tr[data-measure="one-product-one-policy"] .rollup').text()).toBe('in 2 of 45 cities');
    // A nationwide measure applies everywhere unless a local source says otherwise: not '25 of 45'.
    expect($('#matrix tr[data-measure="paperless-trade"] .rollup').text()).toBe('nationwide since 2026-01');
    expect($('#matrix tfoot td[data-rollup="suzhou-jiangsu"]').text()).toMatch(/^\d+ of 16$/);
  });

  it('renders the filters server-side with the URL names the script reads', () => {
    const $ = html(out, 'en/matrix/');
    for (const f of ['province', 'district', 'status', 'group', 'product', 'market']) expect($(`#f-${f}`).attr('name')).toBe(f);
    expect($('#f-product option[value="synthetic-tea"]').text()).toBe('Synthetic test tea');
    expect($('#f-market option[value="SA"]').length).toBe(1);
    expect($('#export-visible').attr('disabled')).toBeDefined();
  });
});

describe("a city's bare name", () => {
  it('/cities/suzhou/ leads to the city whose id carries its province (suzhou-jiangsu), in both languages, and is no search result of its own', () => {
    for (const lang of ['en', 'zh']) {
      const $ = html(out, `${lang}/cities/suzhou/`);
      expect($('article[data-city-alias="suzhou"]').length).toBe(1);
      expect($(`article a[href="/${lang}/cities/suzhou-jiangsu/"]`).length).toBe(1);
      expect($('article').text()).toContain(lang === 'en' ? 'Jiangsu' : '江苏');
      expect($('[data-pagefind-body]').length).toBe(0);
    }
  });
});

describe('pages for every entity, in both languages', () => {
  const pages = [
    '',
    'matrix/',
    'cities/',
    'cities/suzhou-jiangsu/',
    'measures/',
    'measures/one-product-one-policy/',
    'cells/one-product-one-policy--suzhou-jiangsu/',
    'products/',
    'products/synthetic-tea/',
    'markets/',
    'markets/sa/',
    'announcements/',
    'search/',
    'feeds/',
    'changes/',
    'changes/diff/',
    'exports/',
    'sources/',
  ];
  it.each(pages)('/%s exists with the right <html lang>, hreflang and a search box', (p) => {
    for (const [lang, tag] of [
      ['en', 'en'],
      ['zh', 'zh-CN'],
    ] as const) {
      const $ = html(out, `${lang}/${p}`);
      expect($('html').attr('lang')).toBe(tag);
      expect($('link[rel="alternate"][hreflang="zh-CN"]').attr('href')).toContain(`/zh/${p}`);
      expect($('#site-search').attr('name')).toBe('q');
      expect($('#lang-switch').attr('href')).toBe(`/${lang === 'en' ? 'zh' : 'en'}/${p}`);
      expect($('link[rel="alternate"][type="application/rss+xml"]').length).toBeGreaterThan(0);
      expect($('meta[property="og:title"]').attr('content')).toBeTruthy();
    }
  });

  it('cell page: status, since, evidence with source links, products, eligibility, history, review state', () => {
    const $ = html(out, 'en/cells/one-product-one-policy--suzhou-jiangsu/');
    expect($('article').attr('data-status')).toBe('operational');
    expect($('.cell-status').text()).toContain('since 2026-05-20');
    expect($('.evidence a[href^="https://nanjing.customs.gov.cn/"]').length).toBe(2);
    expect($('.evidence a[href^="https://www.customs.gov.cn/"]').length).toBe(1);
    expect($('article').text()).toContain('合成测试茶');
    expect($('article').text()).toContain('合成测试条件：近两年无不合格记录');
    expect($('.history li').length).toBe(3);
    expect($('[data-review]').attr('data-review')).toBe('auto');
    expect($('[data-freshness]').attr('data-freshness')).toBe('fresh');
    expect($('link[rel="alternate"][href="/en/feeds/cells/one-product-one-policy--suzhou-jiangsu/rss.xml"]').length).toBe(1);
  });

  it('cell page warns when every source for the city has not succeeded recently', () => {
    expect(html(out, 'en/cells/one-product-one-policy--kunming/')('[data-freshness]').attr('data-freshness')).toBe('stale');
    expect(html(out, 'zh/cells/one-product-one-policy--kunming/')('.stale').text()).toContain('信息可能过时');
    const reviewed = html(out, 'en/cells/two-step-declaration--beijing/');
    expect(reviewed('[data-review]').attr('data-review')).toBe('reviewed');
    expect(reviewed('article').text()).toContain('Synthetic reviewed override');
  });

  it('measure page: verification badge, cities by status and the adoption timeline in order', () => {
    const $ = html(out, 'en/measures/one-product-one-policy/');
    expect($('[data-verification]').attr('data-verification')).toBe('trade-press');
    const timeline = $('.timeline li')
      .map((_, li) => $(li).text().replace(/\s+/g, ' ').trim())
      .get();
    expect(timeline).toEqual(['2026-04-10 Kunming', '2026-04-10 Suzhou']);
  });

  it('product and market pages link each other through the announcements', () => {
    const p = html(out, 'en/products/synthetic-tea/');
    expect(p('article').text()).toContain('090210');
    expect(p('a[href="/en/cells/one-product-one-policy--suzhou-jiangsu/"]').length).toBe(1);
    expect(p('a[href="/en/markets/sa/"]').length).toBe(1);
    const m = html(out, 'en/markets/sa/');
    expect(m('table.reqs').text()).toContain('SFDA');
    expect(m('table.reqs').text().toLowerCase()).toContain('halal');
    expect(m('a[href="/en/cells/one-product-one-policy--suzhou-jiangsu/"]').length).toBe(1);
  });

  it('announcement page: one page in both languages: Chinese original, English and Chinese facts, source, hash, first seen, last checked', () => {
    const $ = html(out, 'announcements/nanjing/2026/synthetic-pilot/');
    // The document is the Chinese original; every English part says so.
    expect($('html').attr('lang')).toBe('zh-CN');
    expect($('h1').attr('lang')).toBeUndefined();
    expect($('.original').text()).toContain('苏州一品一策首批试点产品为合成测试茶');
    expect($('.source-link').attr('href')).toBe('https://nanjing.customs.gov.cn/nanjing_customs/synthetic/pilot.html');
    expect($('code.hash').text()).toBe(`sha256:${'2'.repeat(64)}`);
    const meta = $('dl.meta').text();
    expect(meta).toContain('2026-05-06T10:00:00+08:00');
    expect(meta).toContain('2026-05-21T12:00:00+08:00');
    expect($('dl.meta dt span[lang="en"]').first().text()).toBe('Published');
    expect($('dl.meta dt').first().text()).toContain('发布日期');
    expect($('dd[data-review]').attr('data-review')).toBe('reviewed');
    // English facts link the English pages, Chinese facts the Chinese ones.
    const en = $('section[data-facts="en"]');
    expect(en.attr('lang')).toBe('en');
    expect(en.find('dl.tags').text()).toContain('Suzhou');
    expect(en.find('dl.tags').text()).toContain('Saudi Arabia');
    expect(en.find('a[href="/en/cities/suzhou-jiangsu/"]').length).toBe(1);
    expect(en.find('.effects').text()).toContain('Announced → Pilot');
    expect(en.find('.summary').text()).toMatch(/published on/);
    const zh = $('section[data-facts="zh"]');
    expect(zh.attr('lang')).toBe('zh-CN');
    expect(zh.find('dl.tags').text()).toContain('苏州');
    expect(zh.find('a[href="/zh/cities/suzhou-jiangsu/"]').length).toBe(1);
    // Both languages' sites are one link away; there is no per-language copy of the page.
    expect($('nav[data-lang="en"] a[href="/en/announcements/"]').length).toBe(1);
    expect($('nav[data-lang="zh"] a[href="/zh/announcements/"]').length).toBe(1);
    for (const lang of ['en', 'zh']) expect(existsSync(path.join(out, lang, 'announcements/nanjing/2026/synthetic-pilot'))).toBe(false);
    // The address a reader gets by trimming the page's own leads to both languages' lists.
    const up = html(out, 'announcements/');
    expect(up('main a[href="/en/announcements/"]').length).toBe(1);
    expect(up('main a[href="/zh/announcements/"]').length).toBe(1);
  });

  it('a 404 page exists in both languages', () => {
    const page = readFileSync(path.join(out, '404.html'), 'utf8');
    expect(page).toContain('Page not found');
    expect(page).toContain('页面不存在');
  });
});

describe('hostile scraped text', () => {
  it('shows as text on the announcement page and never becomes markup', () => {
    const $ = html(out, 'announcements/nanjing/2026/synthetic-hostile/');
    expect($('h1').text()).toBe(HOSTILE_TITLE);
    expect(
      $('script')
        .toArray()
        .filter((s) => $(s).html()?.includes('alert')),
    ).toHaveLength(0);
    expect($('img, b, Foo, foo').length).toBe(0);
    expect($('ul.eligibility').text()).toContain("<script>alert('elig')</script>条件");
    for (const lang of ['en', 'zh']) expect($(`section[data-facts="${lang}"] dl.tags`).text()).toContain('<img src=x onerror=alert(1)>测试品');
    const body = $('.original').text();
    expect(body).toContain('<script>alert(1)</script>');
    expect(body).toContain('{process.exit(1)}');
    expect(body).toContain("import fs from 'fs'");
  });

  it('shows as text on the cell page, the change log and in the exports', () => {
    const cell = html(out, 'en/cells/one-product-one-policy--suzhou-jiangsu/');
    expect(cell('img').length).toBe(0);
    expect(cell('article').text()).toContain('<img src=x onerror=alert(1)>测试品');
    const changes = html(out, 'en/changes/');
    expect(changes('table.changes').text()).toContain("<script>alert('changelog')</script>");
    expect(
      changes('main script')
        .toArray()
        .filter((s) => changes(s).html()?.includes("alert('changelog')")),
    ).toHaveLength(0);
    const rows = parse(readFileSync(path.join(out, 'exports/announcements.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.id === 'nanjing/2026/synthetic-hostile')?.title).toBe(HOSTILE_TITLE);
  });
});

describe('feeds', () => {
  const parser = new Parser();
  const read = (rel: string) => readFileSync(path.join(out, rel), 'utf8');

  it('RSS for everything parses, with what changed and the source in each item', async () => {
    for (const lang of ['en', 'zh']) {
      const feed = await parser.parseString(read(`${lang}/feeds/all/rss.xml`));
      expect(feed.items.map((i) => i.title)).toEqual([HOSTILE_TITLE, '合成测试公告：苏州一品一策首批试点产品', '合成测试公告：一品一策在苏州、昆明启动']);
      for (const item of feed.items) expect(new URL(item.link!).pathname).toMatch(/^\/announcements\//);
    }
    const en = await parser.parseString(read('en/feeds/all/rss.xml'));
    const pilot = en.items[1]!;
    expect(pilot.contentSnippet).toContain('One product, one policy in Suzhou: Announced → Pilot');
    expect(pilot.contentSnippet).toContain('new pilot products: 合成测试茶、虚构果干');
    expect(pilot.content).toContain('<a href="https://nanjing.customs.gov.cn/nanjing_customs/synthetic/pilot.html">');
    // Descriptions are HTML to readers: the hostile product name must arrive escaped, as text.
    const hostile = en.items[0]!;
    expect(hostile.content).not.toContain('<img');
    expect(cheerio.load(hostile.content ?? '')('img').length).toBe(0);
    expect(cheerio.load(hostile.content ?? '').text()).toContain('<img src=x onerror=alert(1)>测试品');
  });

  it('per city, per measure and per cell feeds hold only their scope; empty feeds are still valid', async () => {
    const kunming = await parser.parseString(read('en/feeds/cities/kunming/rss.xml'));
    expect(kunming.items.map((i) => i.title)).toEqual(['合成测试公告：一品一策在苏州、昆明启动']);
    expect(kunming.items[0]!.contentSnippet).toContain('One product, one policy in Kunming: Unknown → Announced');
    expect(kunming.items[0]!.contentSnippet).not.toContain('Suzhou:');
    const paperless = await parser.parseString(read('en/feeds/measures/paperless-trade/rss.xml'));
    expect(paperless.items).toHaveLength(1);
    const cell = await parser.parseString(read('en/feeds/cells/one-product-one-policy--kunming/rss.xml'));
    expect(cell.items).toHaveLength(1);
    const empty = await parser.parseString(read('zh/feeds/cities/beijing/rss.xml'));
    expect(empty.title).toContain('北京');
    expect(empty.items).toHaveLength(0);
    const emptyJson = JSON.parse(read('zh/feeds/cities/beijing/feed.json')) as { title: string; items: unknown[] };
    expect(emptyJson.title).toContain('北京');
    expect(emptyJson.items).toHaveLength(0);
    // A cell with no announcement has no feed of its own; its page offers the measure and city feeds.
    expect(existsSync(path.join(out, 'zh/feeds/cells/paperless-trade--beijing/feed.json'))).toBe(false);
    const cellPage = html(out, 'zh/cells/paperless-trade--beijing/');
    expect(cellPage('.no-feed').text()).toContain('暂无单元格订阅源');
    expect(cellPage('main a[href="/zh/feeds/measures/paperless-trade/feed.json"]').length).toBe(1);
    expect(cellPage('main a[href="/zh/feeds/cities/beijing/rss.xml"]').length).toBe(1);
    expect(cellPage('link[rel="alternate"][href="/zh/feeds/measures/paperless-trade/feed.json"]').length).toBe(1);
    expect(cellPage('a[href*="/feeds/cells/"], link[href*="/feeds/cells/"]').length).toBe(0);
  });

  it('the raw RSS carries hostile text escaped, and parses back to the original text', async () => {
    const raw = read('en/feeds/cities/suzhou-jiangsu/rss.xml');
    expect(raw).not.toContain('<script>');
    expect(raw).not.toContain('<img');
    const feed = await parser.parseString(raw);
    expect(feed.items).toHaveLength(3);
    expect(feed.items[0]!.title).toBe(HOSTILE_TITLE);
  });

  it('JSON Feed has the 1.1 spec shape', () => {
    const feed = JSON.parse(read('en/feeds/all/feed.json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof feed.title).toBe('string');
    expect(feed.feed_url).toBe('https://rollout-watch.github.io/en/feeds/all/feed.json');
    expect(feed.items).toHaveLength(3);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_html === 'string' || typeof item.content_text === 'string').toBe(true);
      expect(item.url).toMatch(/^https:\/\//);
      expect(item.external_url).toMatch(/^https:\/\/.*customs\.gov\.cn\//);
      expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
    }
    expect(feed.items[0].title).toBe(HOSTILE_TITLE);
    expect(feed.items[0].content_html).not.toContain('<img');
  });

  it('the feeds page lists the feeds; pages advertise theirs for autodiscovery', () => {
    const $ = html(out, 'en/feeds/');
    expect($('a[href="/en/feeds/all/rss.xml"]').length).toBeGreaterThan(0);
    expect($('a[href="/en/feeds/cities/suzhou-jiangsu/feed.json"]').length).toBe(1);
    const city = html(out, 'zh/cities/suzhou-jiangsu/');
    expect(city('link[rel="alternate"][type="application/feed+json"][href="/zh/feeds/cities/suzhou-jiangsu/feed.json"]').length).toBe(1);
  });
});

describe('exports', () => {
  it('the matrix CSV round-trips with csv-parse and matches the matrix page', () => {
    const rows = parse(readFileSync(path.join(out, 'exports/matrix.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(measures.length * cities.length);
    const json = JSON.parse(readFileSync(path.join(out, 'exports/matrix.json'), 'utf8')) as { rows: Record<string, string>[]; columns: { name: string }[] };
    expect(rows).toEqual(json.rows);
    const suzhou = rows.find((r) => r.measure_id === 'one-product-one-policy' && r.city_id === 'suzhou-jiangsu')!;
    expect(suzhou.status).toBe('operational');
    expect(suzhou.measure_en).toBe('One product, one policy');
    expect(suzhou.pilot_products).toBe('合成测试茶、虚构果干、<img src=x onerror=alert(1)>测试品');
    expect(suzhou.evidence_urls!.split(' ')).toHaveLength(3);
    // Every column is explained in the codebook, in both languages.
    for (const lang of ['en', 'zh']) {
      const $ = html(out, `${lang}/exports/`);
      const documented = $('table.codebook th code')
        .map((_, c) => $(c).text())
        .get();
      for (const c of json.columns) expect(documented).toContain(c.name);
      for (const s of ['unknown', 'not-announced', 'announced', 'details-published', 'pilot', 'operational', 'suspended']) expect(documented).toContain(s);
    }
  });
});

describe('what changed', () => {
  it('lists changes by date, newest first, with a since-date selector', () => {
    const $ = html(out, 'en/changes/');
    expect(
      $('.change-day')
        .map((_, s) => $(s).attr('data-date'))
        .get(),
    ).toEqual(['2026-05-06', '2026-04-10']);
    expect($('#f-since option').length).toBe(3);
    expect($('a[href="/en/cells/one-product-one-policy--suzhou-jiangsu/"]').length).toBeGreaterThan(0);
  });

  it('the diff highlights the cells whose status changed between the first and last date', () => {
    const $ = html(out, 'en/changes/diff/');
    const changed = $('#diff-matrix td.changed');
    expect($('#diff-count').text()).toBe(`${changed.length} cells changed`);
    // 2026-03-16 -> 2026-05-20: 一品一策 in Suzhou and Kunming, two-step in Beijing (override 04-15).
    expect(changed.length).toBe(3);
    expect($('#diff-from option:selected').val()).toBe('2026-03-16');
    expect($('#diff-to option:selected').val()).toBe('2026-05-20');
  });
});

describe('source health', () => {
  it('shows every source of the run report with its state, and marks stale ones', () => {
    const $ = html(out, 'en/sources/');
    const state = (id: string) => $(`#health tr[data-source="${id}"]`);
    expect(state('nanjing-notices').attr('data-state')).toBe('ok');
    expect(state('nanjing-notices').attr('data-stale')).toBe('false');
    expect(state('kunming-notices').attr('data-state')).toBe('blocked');
    expect(state('kunming-notices').attr('data-stale')).toBe('true');
    expect(state('gacc-announcements').attr('data-state')).toBe('failing');
    expect(state('hefei-notices').attr('data-state')).toBe('unconfigured');
    expect(html(out, 'zh/sources/')('#health').text()).toContain('被拦截');
  });

  it('shows per source its site family, the columns read and the last change; and the live canary per host', () => {
    const $ = html(out, 'en/sources/');
    const nanjing = $('#health tr[data-source="nanjing-notices"]');
    expect(nanjing.text()).toContain('customs-easysite');
    expect(nanjing.find('.health-columns li[data-how="guessed"]').text()).toContain('unverified guess');
    expect($('#canary-hosts tr[data-host="nanjing.customs.gov.cn"]').attr('data-state')).toBe('passed');
    expect($('#canary-hosts tr[data-host="nanjing.customs.gov.cn"]').text()).toContain('through the browser');
    expect($('#canary-hosts tr[data-host="wuhan.customs.gov.cn"]').text()).toContain('still the challenge after Chromium ran it');
    expect(html(out, 'zh/sources/')('#canary').text()).toBe('在线探测');
  });
});

describe('search (Pagefind: the catalogue, one index per language; announcements merged in per language)', () => {
  it('indexes both languages with filters for page type, city, measure, product and market', () => {
    const entry = JSON.parse(readFileSync(path.join(out, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'zh-cn']);
    for (const lang of ['en', 'zh']) {
      const bundle = JSON.parse(readFileSync(path.join(out, 'pagefind', `announcements-${lang}-1`, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      };
      expect(Object.keys(bundle.languages)).toEqual([lang === 'zh' ? 'zh-cn' : 'en']);
      expect(Object.values(bundle.languages)[0]!.page_count).toBe(
        readdirSync(path.join(SITE_FIXTURE, 'announcements'), { recursive: true }).filter((f) => /\.mdx?$/.test(String(f))).length,
      );
    }
    const $ = html(out, 'announcements/nanjing/2026/synthetic-pilot/');
    for (const lang of ['en', 'zh'] as const) {
      const filters = $(`section[data-facts="${lang}"] [data-pagefind-filter]`)
        .map((_, e) =>
          $(e)
            .attr('data-pagefind-filter')!
            .replace(/\[data-value\]$/, ''),
        )
        .get();
      const keys = ['type', 'city', 'measure', 'product', 'market'].map((k) => (lang === 'en' ? k : `${k}-zh`));
      expect(new Set(filters)).toEqual(new Set(keys));
    }
  });

  it('offers each language its own filter values: no 苏州 among English cities, no Suzhou among Chinese ones', async () => {
    const zh = await pagefindFilters(out, 'zh-CN');
    const en = await pagefindFilters(out, 'en');
    expect(Object.keys(zh['city-zh'] ?? {})).toContain('苏州');
    expect(Object.keys(en['city'] ?? {})).toContain('Suzhou');
    expect(Object.keys(zh['city-zh'] ?? {}).filter((v) => /^[A-Za-z]/.test(v))).toEqual([]);
    expect(Object.keys(en['city'] ?? {}).filter((v) => /\p{Script=Han}/u.test(v))).toEqual([]);
    // A name with a comma is one value, not two (values are read from an attribute).
    expect(Object.keys(en['measure'] ?? {})).toContain('One product, one policy');
  });

  it('finds 一品一策, HACCP, 苏州 and halal on the right pages', async () => {
    const zh = await pagefindSearch(out, 'zh-CN', ['一品一策', '苏州', 'HACCP']);
    const en = await pagefindSearch(out, 'en', ['HACCP', 'halal']);
    const top = (hits: { url: string }[] | undefined, n = 3) => (hits ?? []).slice(0, n).map((h) => h.url);
    expect(top(zh['一品一策'])).toContain('/zh/measures/one-product-one-policy/');
    expect(top(zh['苏州'])).toContain('/zh/cities/suzhou-jiangsu/');
    expect(top(zh['HACCP'])).toContain('/zh/measures/one-enterprise-one-policy/');
    expect(top(en['HACCP'])).toContain('/en/measures/one-enterprise-one-policy/');
    expect(top(en['halal'])).toContain('/en/markets/sa/');
    // One index per language: no English page in Chinese results and vice versa; announcement
    // pages (one for both languages) are found from either.
    for (const hits of Object.values(zh)) for (const h of hits) expect(h.url).toMatch(/^\/(zh|announcements)\//);
    for (const hits of Object.values(en)) for (const h of hits) expect(h.url).toMatch(/^\/(en|announcements)\//);
  });
});

describe('indexed once per reading language, one page', () => {
  it('the Chinese body is searchable in Chinese only; English search finds the announcement by its English facts', async () => {
    // Other spellings of the same languages than the test above: Pagefind picks the index from them.
    const zh = await pagefindSearch(out, 'zh-cn', ['合成测试文本', 'Synthetic test tea']);
    const en = await pagefindSearch(out, 'en-GB', ['合成测试文本', 'Synthetic test tea']);
    const pilot = '/announcements/nanjing/2026/synthetic-pilot/';
    expect((zh['合成测试文本'] ?? []).map((h) => h.url)).toContain(pilot);
    // The English bundle leaves the Chinese body to the Chinese one, and the other way round.
    expect((en['合成测试文本'] ?? []).map((h) => h.url)).not.toContain(pilot);
    expect((en['Synthetic test tea'] ?? []).map((h) => h.url)).toContain(pilot);
    expect((zh['Synthetic test tea'] ?? []).map((h) => h.url)).not.toContain(pilot);
    expect(html(out, 'announcements/nanjing/2026/synthetic-pilot/')('.original').text()).toContain('合成测试文本');
  });

  it('the sitemap pairs every language page with its twin (hreflang)', () => {
    const xml = readFileSync(path.join(out, 'sitemap-0.xml'), 'utf8');
    const $ = cheerio.load(xml, { xml: true });
    const urls = $('url');
    expect(urls.length).toBeGreaterThan(100);
    const cell = urls.filter((_, u) => $(u).children('loc').text() === 'https://rollout-watch.github.io/zh/cells/one-product-one-policy--suzhou-jiangsu/');
    expect(cell.length).toBe(1);
    const links = cell
      .find('xhtml\\:link')
      .map((_, l) => `${$(l).attr('hreflang')} ${$(l).attr('href')}`)
      .get();
    expect(links.sort()).toEqual([
      'en https://rollout-watch.github.io/en/cells/one-product-one-policy--suzhou-jiangsu/',
      'zh-CN https://rollout-watch.github.io/zh/cells/one-product-one-policy--suzhou-jiangsu/',
    ]);
  });
});
