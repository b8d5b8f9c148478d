/**
 * Cells a user can trust, on a real build: tests/fixtures/site plus the SYNTHETIC overlay in
 * tests/fixtures/site/_trust (see its README). One build for the whole file.
 */
import { cpSync, existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import Parser from 'rss-parser';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { buildSite, runScript, tempDir, type BuildResult } from '../helpers/site.ts';
import { SITE_FIXTURE, html } from './helpers.ts';
import { FORMULA_START } from '../../src/lib/csv-safe.ts';
import { REPOSITORY_URL } from '../../src/site-config.ts';
import { ui } from '../../src/i18n/ui.ts';

let build: BuildResult;
let out: string;
let root: string;
const read = (rel: string) => readFileSync(path.join(out, rel), 'utf8');
const FORMULA_TITLE = '=HYPERLINK("http://evil.invalid/x","合成测试：点击查看")';

beforeAll(() => {
  root = path.join(tempDir('rollout-trust-'), 'content');
  cpSync(SITE_FIXTURE, root, { recursive: true });
  cpSync(path.join(SITE_FIXTURE, '_trust'), root, { recursive: true });
  rmSync(path.join(root, '_trust'), { recursive: true });
  build = buildSite(root);
  out = build.outDir;
  if (build.status !== 0) throw new Error(`build failed:\n${build.output.slice(-3000)}`);
});

describe('exports and links cannot be turned against the reader', () => {
  it.each(['exports/announcements.csv', 'exports/matrix.csv'])('no cell of %s starts with a formula character', (file) => {
    const rows = parse(read(file), { bom: true }) as string[][];
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) for (const cell of row) expect(FORMULA_START.test(cell), cell).toBe(false);
  });

  it('the hostile title, product and conditions arrive as text behind an apostrophe', () => {
    const rows = parse(read('exports/announcements.csv'), { bom: true, columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.id === 'nanjing/2026/synthetic-formula')!;
    expect(row.title).toBe(`'${FORMULA_TITLE}`);
    expect(row.products).toBe("'+合成测试品");
    const matrix = parse(read('exports/matrix.csv'), { bom: true, columns: true }) as Record<string, string>[];
    expect(matrix.find((r) => r.measure_id === 'one-region-one-policy' && r.city_id === 'suzhou-jiangsu')!.eligibility).toBe(
      "'@SUM(1,1)合成条件 | -1+1合成条件",
    );
  });

  it('scraped links carry rel="nofollow ugc noopener": source, body links, evidence lists', () => {
    const $ = html(out, 'announcements/nanjing/2026/synthetic-formula/');
    expect($('h1').text()).toBe(FORMULA_TITLE);
    expect($('.source-link').attr('rel')).toBe('nofollow ugc noopener');
    const body = $('.original a[href="https://evil.invalid/attachment.html"]');
    expect(body.length).toBe(1);
    expect(body.attr('rel')).toBe('nofollow ugc noopener');
    for (const lang of ['en', 'zh']) {
      const cell = html(out, `${lang}/cells/one-region-one-policy--suzhou-jiangsu/`);
      expect(cell('.evidence a[href^="https://nanjing.customs.gov.cn/"]').attr('rel')).toBe('nofollow ugc noopener');
    }
  });
});

describe('status you can defend', () => {
  const cell = (lang: string, key: string) => html(out, `${lang}/cells/${key}/`);

  it('a nationwide measure with a later local launch notice stays operational, decided by the national source', () => {
    const $ = cell('en', 'paperless-trade--kunming');
    expect($('article').attr('data-status')).toBe('operational');
    expect($('.decided-by').attr('data-decided-by')).toBe('nationwide');
    expect($('.evidence').text()).toContain('合成测试公告：昆明启动无纸化');
  });

  it('a low-confidence extraction shows as pending and leaves its cell unchanged', () => {
    const $ = cell('en', 'one-product-one-policy--kunming');
    expect($('article').attr('data-status')).toBe('announced');
    expect($('.decided-by').attr('data-decided-by')).toBe('gacc/2026/synthetic-launch');
    expect($('.pending li').text()).toContain('昆明一品一策运行（低置信度）');
    expect($('.pending [data-review="pending"], .pending li[data-review="pending"]').length).toBeGreaterThan(0);
    const ann = html(out, 'announcements/kunming/2026/synthetic-low-confidence/');
    expect(ann('[data-review="pending"]').text()).toContain('0.3');
  });

  it('a withdrawn page is listed and stops counting', () => {
    const $ = cell('zh', 'one-product-one-policy--kunming');
    expect($('.withdrawn').text()).toContain('已撤下');
    expect(html(out, 'announcements/kunming/2026/synthetic-withdrawn/')('[data-withdrawn]').attr('data-withdrawn')).toBe('2026-05-15');
  });

  it('reviewed evidence decides a cell and is marked reviewed; machine evidence is marked machine-extracted', () => {
    const $ = cell('en', 'fresh-produce-consolidation--kunming');
    expect($('article').attr('data-status')).toBe('operational');
    expect($('.decided-by').attr('data-decided-by')).toBe('evidence/synthetic-kunming-consolidation');
    expect($('.decided-by a').attr('href')).toBe('/en/evidence/synthetic-kunming-consolidation/');
    expect($('.decided-by').text()).toContain('reviewed');
    expect(cell('en', 'one-product-one-policy--suzhou-jiangsu')('.evidence li[data-review="auto"]').first().text()).toContain('machine-extracted');
    // The matrix and the city page mark the reviewed cell too.
    const m = html(out, 'en/matrix/');
    const col = m('#matrix thead th')
      .toArray()
      .findIndex((x) => m(x).attr('data-city') === 'kunming');
    expect(m('#matrix tbody tr[data-measure="fresh-produce-consolidation"] > *').eq(col).find('.reviewed-mark').text()).toBe('reviewed');
    expect(html(out, 'en/cities/kunming/')('tr[data-measure="fresh-produce-consolidation"] [data-review="reviewed"]').length).toBe(1);
  });

  it('every cell page has a prefilled report-a-problem link with the cell, its status and what decided it', () => {
    const link = new URL(cell('en', 'paperless-trade--kunming')('a.report-problem').attr('href')!);
    expect(`${link.origin}${link.pathname}`).toBe(`${REPOSITORY_URL}/issues/new`);
    const body = link.searchParams.get('body')!;
    expect(link.searchParams.get('title')).toContain('paperless-trade--kunming');
    expect(body).toContain('Current status: operational');
    expect(body).toContain('Decided by: nationwide');
    expect(html(out, 'announcements/nanjing/2026/synthetic-formula/')('a.report-problem').attr('href')).toContain('/issues/new?');
  });
});

describe('cities seen in announcements', () => {
  it('form a marked column group of the matrix that the filter can hide', () => {
    for (const lang of ['en', 'zh']) {
      const $ = html(out, `${lang}/matrix/`);
      expect($('#matrix thead th.seen-group').text()).toBe(lang === 'en' ? 'Seen in announcements, participation not confirmed' : '见于公告，是否参加尚未确认');
      const th = $('#matrix thead th[data-city="yuxi"]');
      expect(th.attr('data-seen')).toBe('true');
      expect($('#f-seen option[value="hide"]').length).toBe(1);
      const col = $('#matrix thead th')
        .toArray()
        .findIndex((x) => $(x).attr('data-city') === 'yuxi');
      expect($('#matrix tbody tr[data-measure="one-product-one-policy"] > *').eq(col).attr('data-s')).toBe('announced');
    }
  });

  it('have their own page, feed and calendar, and are counted apart from the 45', () => {
    const $ = html(out, 'en/cities/yuxi/');
    expect($('[data-participation="seen"]').text()).toBe('Seen in announcements, participation not confirmed');
    expect($('article').text()).toContain('530400');
    expect($('a[href="/announcements/gacc/2026/synthetic-seen-city/"]').length).toBe(1);
    expect(html(out, 'zh/cities/yuxi/')('h1').text()).toContain('玉溪');
    expect(html(out, 'en/')('#count-seen').text()).toContain('1 more cities seen in announcements (not counted until confirmed)');
    expect(existsSync(path.join(out, 'en/calendar/cities/yuxi.ics'))).toBe(true);
  });

  it('the seen-city feed lists its announcement', async () => {
    const feed = await new Parser().parseString(read('en/feeds/cities/yuxi/rss.xml'));
    expect(feed.items.map((i) => i.title)).toEqual(['合成测试公告：一品一策在玉溪启动']);
  });

  it('measure names seen but not catalogued are listed and counted', () => {
    const $ = html(out, 'en/measures/seen/');
    expect($('tr[data-name="合成测试新措施"] a').attr('href')).toBe('/announcements/gacc/2026/synthetic-seen-city/');
    expect(html(out, 'en/')('#count-measures').text()).toContain('16 of 29 measures catalogued; 1 more names seen');
  });
});

describe('npm run review', () => {
  it('lists pending evidence, seen cities and measure names, cell changes and withdrawn pages; --markdown prints the same as Markdown', () => {
    const env = { ROLLOUT_CONTENT_DIR: root };
    const text = runScript('scripts/review.ts', ['--base-dir', SITE_FIXTURE], env);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain(
      'kunming/2026/synthetic-low-confidence, confidence 0.3; if accepted: one-product-one-policy--kunming announced → operational',
    );
    expect(text.stdout).toContain('玉溪 / Yuxi (Yunnan, adcode 530400)');
    expect(text.stdout).toContain('合成测试新措施');
    expect(text.stdout).toContain('fresh-produce-consolidation--kunming: unknown → operational (decided by evidence/synthetic-kunming-consolidation)');
    expect(text.stdout).toContain('kunming/2026/synthetic-withdrawn; no longer counts for one-product-one-policy--kunming');
    const md = runScript('scripts/review.ts', ['--markdown', '--base-dir', SITE_FIXTURE], env);
    expect(md.stdout).toMatch(/^## Review/);
    expect(md.stdout).toContain('### Pending review (low confidence) (1)');
    expect(md.stdout).toContain('[合成测试公告：昆明一品一策运行（低置信度）](https://kunming.customs.gov.cn/kunming_customs/synthetic/low.html)');
    // The hostile title stays text in the pull request body.
    expect(md.stdout).not.toContain('=HYPERLINK("http');
  });

  it('the scheduled scrape opens its pull request with that Markdown as the body', () => {
    const wf = readFileSync(path.join(SITE_FIXTURE, '../../../.github/workflows/scrape.yml'), 'utf8');
    expect(wf).toMatch(/npm run --silent review -- --markdown[^\n]*> "\$RUNNER_TEMP\/pr-body\.md"/);
    expect(wf).toContain('body-path: ${{ runner.temp }}/pr-body.md');
  });
});

describe('in the reader’s language', () => {
  it('each announcement has a generated summary, labelled, with the Chinese original below', () => {
    const $ = html(out, 'announcements/gacc/2026/synthetic-seen-city/');
    const summary = $('[data-facts="en"] .generated .summary').text();
    expect($('[data-facts="en"] .generated h3').text()).toBe('Summary (generated from the extracted facts)');
    expect($('[data-facts="zh"] .generated h3').text()).toBe(ui.zh['summary.label']);
    expect(summary).toBe(
      'a national source published on 2026-05-12 a launch notice for One product, one policy in Yuxi. Products named: Synthetic test tea. Target markets: Malaysia and Saudi Arabia. It sets 2 eligibility condition(s). It takes effect on 2026-06-01. Applications are due by 2026-05-25.',
    );
    // The summary comes before the original, which stays Chinese (the page's language).
    expect($.html().indexOf('class="generated"')).toBeLessThan($.html().indexOf('class="original"'));
    expect($('.original').closest('[lang]').attr('lang')).toBe('zh-CN');
  });

  it('English feed items carry the summary', async () => {
    const feed = await new Parser().parseString(read('en/feeds/all/rss.xml'));
    const item = feed.items.find((i) => i.title === '合成测试公告：一品一策在玉溪启动')!;
    expect(item.contentSnippet).toContain('Summary (generated from the extracted facts): a national source published on 2026-05-12');
  });

  it('"What changed" and the change-log feed say each change in words, never JSON', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const $ = html(out, `${lang}/changes/`);
      const text = $('table.changes').text();
      expect(text).not.toMatch(/[{[]"/);
      expect(text).toContain(
        lang === 'en'
          ? 'New announcement from a national source; measures: One product, one policy; cities: Suzhou.'
          : '全国性来源发布新公告；措施：一品一策；城市：苏州。',
      );
      expect(text).toContain(lang === 'en' ? 'Status Unknown → Announced.' : '状态：未知 → 已宣布。');
      expect(text).toContain(lang === 'en' ? 'Markets: Saudi Arabia → Saudi Arabia and European Union.' : '市场：沙特阿拉伯 → 沙特阿拉伯和欧盟。');
    }
    const feed = await new Parser().parseString(read('en/feeds/changes/rss.xml'));
    expect(feed.items.length).toBeGreaterThan(3);
    for (const i of feed.items) expect(`${i.title} ${i.contentSnippet}`).not.toMatch(/[{[]"/);
    expect(feed.items.map((i) => i.title)).toContain('合成测试公告：昆明一品一策试点名单（已撤下）: Withdrawn by its publisher on 2026-05-15.');
  });
});

describe('alerts by product and market', () => {
  const parser = new Parser();
  it('product, market and product x market feeds list their announcements', async () => {
    const product = await parser.parseString(read('en/feeds/products/synthetic-tea/rss.xml'));
    expect(product.items.map((i) => i.title)).toContain('合成测试公告：一品一策在玉溪启动');
    const market = await parser.parseString(read('en/feeds/markets/sa/rss.xml'));
    expect(market.items.map((i) => i.title)).toEqual(['合成测试公告：一品一策在玉溪启动', '合成测试公告：苏州一品一策首批试点产品']);
    const pair = JSON.parse(read('en/feeds/products/synthetic-tea/markets/my/feed.json')) as { title: string; items: { title: string }[] };
    expect(pair.title).toContain('Synthetic test tea to Malaysia');
    expect(pair.items.map((i) => i.title)).toEqual(['合成测试公告：一品一策在玉溪启动']);
    // No pair feed where no announcement names both.
    expect(existsSync(path.join(out, 'en/feeds/products/synthetic-noodles/markets/my'))).toBe(false);
  });

  it('product and market pages link their feeds', () => {
    const p = html(out, 'en/products/synthetic-tea/');
    expect(p('a[href="/en/feeds/products/synthetic-tea/rss.xml"]').length).toBe(1);
    expect(p('a[href="/en/feeds/products/synthetic-tea/markets/my/rss.xml"]').length).toBe(1);
    const m = html(out, 'zh/markets/sa/');
    expect(m('a[href="/zh/feeds/markets/sa/feed.json"]').length).toBe(1);
    expect(m('a[href="/zh/feeds/products/synthetic-tea/markets/sa/rss.xml"]').length).toBe(1);
  });
});

describe('calendars (iCal, parsed by ical.js)', () => {
  const events = (rel: string) => {
    const cal = new ICAL.Component(ICAL.parse(read(rel)));
    return cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  };

  it('every calendar parses, and every event has a uid, a date and a link', () => {
    const files = [
      'en/calendar/all.ics',
      ...readdirSync(path.join(out, 'zh/calendar/cities')).map((f) => `zh/calendar/cities/${f}`),
      ...readdirSync(path.join(out, 'en/calendar/measures')).map((f) => `en/calendar/measures/${f}`),
    ];
    for (const f of files) {
      for (const e of events(f)) {
        expect(e.uid, f).toMatch(/@rollout-watch$/);
        expect(e.startDate.isDate, f).toBe(true);
        expect(e.component.getFirstPropertyValue('url'), f).toMatch(/^https:\/\//);
      }
    }
  });

  it('holds publication, effective date, application deadline and status changes, each linking its page', () => {
    const all = events('en/calendar/all.ics');
    const byUid = new Map(all.map((e) => [e.uid, e]));
    const effective = byUid.get('effective-gacc/2026/synthetic-seen-city@rollout-watch')!;
    expect(effective.startDate.toString()).toBe('2026-06-01');
    expect(effective.summary).toBe('Takes effect: 合成测试公告：一品一策在玉溪启动');
    expect(effective.component.getFirstPropertyValue('url')).toBe('https://rollout-watch.github.io/announcements/gacc/2026/synthetic-seen-city/');
    expect(byUid.get('apply-by-gacc/2026/synthetic-seen-city@rollout-watch')!.startDate.toString()).toBe('2026-05-25');
    expect(byUid.get('published-nanjing/2026/synthetic-pilot@rollout-watch')!.startDate.toString()).toBe('2026-05-06');
    const status = byUid.get('status-one-product-one-policy--suzhou-jiangsu-2026-05-06-pilot@rollout-watch')!;
    expect(status.summary).toBe('One product, one policy in Suzhou: Announced → Pilot');
    expect(status.component.getFirstPropertyValue('url')).toBe('https://rollout-watch.github.io/en/cells/one-product-one-policy--suzhou-jiangsu/');
  });

  it('per city and per measure calendars hold only their scope', () => {
    const kunming = events('zh/calendar/cities/kunming.ics');
    expect(kunming.length).toBeGreaterThan(0);
    for (const e of kunming) expect(e.summary).toMatch(/昆明/);
    const measure = events('en/calendar/measures/fresh-produce-consolidation.ics');
    expect(measure.map((e) => e.summary)).toEqual(['Fresh produce consolidation in Kunming: Unknown → Operational']);
  });
});
