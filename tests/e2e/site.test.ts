/**
 * The built site in a real browser, as a user meets it: matrix, filters in the URL, cell evidence,
 * search, feeds, language switch, keyboard navigation.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, skipBrowserSuite, startSite, type Site } from './harness.ts';

const countJson = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('_')).length;

describe.skipIf(skipBrowserSuite('e2e site'))('the site in a browser', () => {
  let site: Site;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    site = await startSite();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  async function open(p: string): Promise<Page> {
    await page?.close();
    page = await browser.newPage();
    page.on('pageerror', (e) => pageErrors.push(`${p}: ${e.message}`));
    const r = await page.goto(`${site.url}${p}`);
    expect(r?.status(), `GET ${p}`).toBe(200);
    return page;
  }

  it('the matrix shows one row per measure and one status cell per city', async () => {
    const measures = countJson(path.join(site.content, 'measures'));
    const cities = countJson(path.join(site.content, 'cities'));
    for (const p of ['/en/matrix/', '/zh/matrix/']) {
      await open(p);
      const rows = page.locator('table#matrix tbody tr');
      expect(await rows.count(), p).toBe(measures);
      // Catalogue columns; cities seen in evidence follow as their own group (data-seen).
      expect(await page.locator('table#matrix thead th[data-city]:not([data-seen])').count(), p).toBe(cities);
      expect(await page.locator('table#matrix tbody td[data-s]:not([data-seen])').count(), p).toBe(measures * cities);
      // Every cell links to its cell page and names a status in words, not only colour.
      const texts = await page.locator('table#matrix tbody td[data-s]:not([data-seen]) a').allTextContents();
      expect(texts.length).toBe(measures * cities);
      expect(texts.every((x) => x.trim().length > 0)).toBe(true);
    }
  });

  it('the matrix is complete without JavaScript', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    try {
      const p = await ctx.newPage();
      await p.goto(`${site.url}/en/matrix/`);
      const measures = countJson(path.join(site.content, 'measures'));
      const cities = countJson(path.join(site.content, 'cities'));
      expect(await p.locator('table#matrix tbody td[data-s]:not([data-seen]):visible').count()).toBe(measures * cities);
    } finally {
      await ctx.close();
    }
  });

  it('a filter changes the table and the URL, and survives a reload', async () => {
    await open('/en/matrix/');
    const visibleCities = () => page.locator('table#matrix thead th[data-city]:visible').count();
    const all = await visibleCities();
    const province = await page.locator('table#matrix thead th[data-city="suzhou-jiangsu"]').getAttribute('data-province');
    expect(province).toBeTruthy();
    await page.selectOption('#f-province', province!);
    await expect.poll(() => page.url()).toContain(`province=${encodeURIComponent(province!).replace(/%20/g, '+')}`);
    const filtered = await visibleCities();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    const shown = await page.locator('table#matrix thead th[data-city]:visible').evaluateAll((ths) => ths.map((t) => (t as HTMLElement).dataset.province));
    expect(new Set(shown)).toEqual(new Set([province]));

    // A status filter on top: every visible status cell that is not dimmed has that status.
    const status = await page.locator('table#matrix tbody td[data-s]:visible').first().getAttribute('data-s');
    await page.selectOption('#f-status', status!);
    await expect.poll(() => page.url()).toContain(`status=${status}`);

    await page.reload();
    expect(await page.locator('#f-province').inputValue()).toBe(province);
    expect(await page.locator('#f-status').inputValue()).toBe(status);
    expect(await visibleCities()).toBeLessThanOrEqual(filtered);
    const undimmed = await page.locator('table#matrix tbody td[data-s]:visible:not(.dim)').evaluateAll((tds) => tds.map((t) => (t as HTMLElement).dataset.s));
    expect(undimmed.length).toBeGreaterThan(0);
    expect(new Set(undimmed)).toEqual(new Set([status]));

    // Reset brings every column back and clears the query.
    await page.click('#f-reset');
    await expect.poll(visibleCities).toBe(all);
    await expect.poll(() => new URL(page.url()).search).toBe('');
  });

  it('the cities seen in evidence are a marked column group the filter hides and shows', async () => {
    await open('/zh/matrix/');
    const seen = () => page.locator('table#matrix thead th[data-seen]:visible').count();
    // The bundled reviewed evidence names Yongzhou, which is not a catalogue city.
    expect(await page.locator('table#matrix thead th.seen-group').textContent()).toContain('见于公告');
    expect(await seen()).toBeGreaterThan(1);
    await page.selectOption('#f-seen', 'hide');
    await expect.poll(() => page.url()).toContain('seen=hide');
    await expect.poll(seen).toBe(0);
    expect(await page.locator('table#matrix tbody td[data-seen]:visible').count()).toBe(0);
    await page.selectOption('#f-seen', '');
    await expect.poll(seen).toBeGreaterThan(1);
    await page.locator('table#matrix thead th[data-city="yongzhou"] a').click();
    await page.waitForURL((u) => u.pathname === '/zh/cities/yongzhou/');
    expect(await page.locator('[data-participation="seen"]').count()).toBe(1);
  });

  it('a cell with evidence shows its announcements on the cell page', async () => {
    await open('/en/matrix/');
    const known = page.locator('table#matrix tbody td[data-s]:not([data-s="unknown"]) a');
    expect(await known.count(), 'at least one cell has evidence').toBeGreaterThan(0);
    const href = await known.first().getAttribute('href');
    await known.first().click();
    await page.waitForURL((u) => u.pathname === href);
    const evidence = page.locator('ul.evidence li');
    expect(await evidence.count()).toBeGreaterThan(0);
    // A local announcement links to its page on this site, which opens and names the same title.
    const local = page.locator('ul.evidence li a[href*="/announcements/"]');
    if (await local.count()) {
      const title = (await local.first().textContent())!.trim();
      await local.first().click();
      await page.waitForLoadState();
      expect(await page.locator('h1').first().textContent()).toContain(title);
    } else {
      // Only national evidence: it links to the official source.
      expect(await page.locator('ul.evidence li a[rel~="external"]').count()).toBeGreaterThan(0);
    }
  });

  /** Opens a search and waits until both lists have answered. */
  async function search(p: string): Promise<void> {
    await open(p);
    await page.locator('#search-form[data-state="done"]').waitFor({ timeout: 30_000 });
  }

  for (const [lang, q] of [
    ['zh', '一品一策'],
    ['en', 'HACCP'],
    ['zh', '苏州'],
    ['en', 'halal'],
    ['en', '苏州'],
  ] as const) {
    it(`search finds results for "${q}" (${lang})`, async () => {
      await search(`/${lang}/search/?q=${encodeURIComponent(q)}`);
      expect(await page.locator('[data-search-results] a').count()).toBeGreaterThan(0);
      const text = await page.locator('[data-search-results]').allTextContents();
      expect(text.join(' ').toLowerCase()).toContain(q.toLowerCase());
      expect(await page.locator('#search-status').textContent()).toContain(q);
    });
  }

  it('search answers from the catalogue before it fetches any announcements index', async () => {
    await search(`/zh/search/?q=${encodeURIComponent('一品一策')}`);
    const t = await page.evaluate(() => ({
      answered: performance.getEntriesByName('search:catalogue')[0]?.startTime ?? -1,
      announcements: performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/pagefind/announcements-'))
        .map((e) => e.startTime),
    }));
    expect(t.answered).toBeGreaterThan(0);
    expect(t.announcements.length).toBeGreaterThan(0);
    expect(Math.min(...t.announcements)).toBeGreaterThanOrEqual(t.answered);
    // The measure's own page leads the catalogue list; announcements are listed apart.
    expect(await page.locator('[data-search-results="catalogue"] li a').first().getAttribute('href')).toBe('/zh/measures/one-product-one-policy/');
    const announcementLinks = await page.locator('[data-search-results="announcements"] li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(announcementLinks.length).toBeGreaterThan(0);
    expect(announcementLinks.every((h) => h?.startsWith('/announcements/'))).toBe(true);
  });

  it('a search filter narrows both lists, and the search with its filter can be shared as a URL', async () => {
    await search(`/zh/search/?q=${encodeURIComponent('一品一策')}`);
    // The filters' values load when the reader opens them.
    expect(await page.locator('select[name="city"] option').count()).toBe(1);
    await page.locator('#search-form').evaluate((f) => delete (f as HTMLElement).dataset.state);
    await page.locator('#search-filters summary').click();
    await page.locator('#search-form[data-state="done"]').waitFor({ timeout: 30_000 });
    const city = page.locator('select[name="city"]');
    expect(await city.locator('option', { hasText: '苏州' }).count()).toBe(1);
    // Unfiltered, the measure's cells in other cities answer too.
    expect((await page.locator('[data-search-results="catalogue"] li a').allTextContents()).some((x) => /一品一策 · (?!苏州)/.test(x))).toBe(true);
    await page.locator('#search-form').evaluate((f) => delete (f as HTMLElement).dataset.state);
    await city.selectOption({ label: (await city.locator('option', { hasText: '苏州' }).textContent())!.trim() });
    await page.locator('#search-form[data-state="done"]').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).searchParams.get('city')).toBe('苏州');
    const titles = await page.locator('[data-search-results="catalogue"] li a').allTextContents();
    expect(titles).toContain('一品一策 · 苏州');
    expect(titles.filter((x) => /一品一策 · (?!苏州)/.test(x))).toEqual([]);
    // The same URL opened afresh shows the same narrowed search, its filter selected.
    const shared = page.url();
    await search(new URL(shared).pathname + new URL(shared).search);
    expect(await page.locator('select[name="city"]').inputValue()).toBe('苏州');
    expect(await page.locator('[data-search-results="catalogue"] li a').allTextContents()).toEqual(titles);
  });

  it('the header search form leads to results', async () => {
    await open('/en/');
    await page.fill('#site-search', 'HACCP');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/en\/search\/\?q=HACCP/);
    await page.locator('#search-form[data-state="done"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-search-results] a').count()).toBeGreaterThan(0);
  });

  it('feeds are linked from the page head and from the feeds page, and each is valid', async () => {
    await open('/en/');
    const heads = await page
      .locator('link[rel="alternate"][type*="xml"], link[rel="alternate"][type*="json"]')
      .evaluateAll((ls) => ls.map((l) => (l as HTMLLinkElement).href));
    // RSS and JSON Feed of everything, for autodiscovery.
    expect(heads.some((h) => h.endsWith('/feeds/all/rss.xml'))).toBe(true);
    expect(heads.some((h) => h.endsWith('/feeds/all/feed.json'))).toBe(true);
    await open('/en/feeds/');
    const listed = await page.locator('main a[href$=".xml"], main a[href$="feed.json"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(listed.length).toBeGreaterThanOrEqual(3);
    for (const href of new Set([...heads, ...listed.slice(0, 12)])) {
      const r = await fetch(href);
      expect(r.status, href).toBe(200);
      const body = await r.text();
      if (href.endsWith('.json')) {
        const feed = JSON.parse(body) as { version: string; items: unknown[] };
        expect(feed.version).toMatch(/jsonfeed\.org/);
        expect(Array.isArray(feed.items)).toBe(true);
      } else {
        expect(href).toMatch(/rss\.xml$/);
        expect(body).toMatch(/<rss[\s>]/);
        expect(body).toContain('<channel>');
      }
    }
    // The site-wide feed carries the announcements the site shows.
    const all = (await (await fetch(`${site.url}/en/feeds/all/feed.json`)).json()) as { items: { url: string }[] };
    expect(all.items.length).toBeGreaterThan(0);
  });

  it('the language switch keeps the page, and the filtered view', async () => {
    for (const p of ['/en/cities/suzhou-jiangsu/', '/en/measures/one-product-one-policy/', '/zh/matrix/']) {
      await open(p);
      const before = new URL(page.url()).pathname;
      await page.click('#lang-switch');
      // Wait for the other language's page itself, not the load state of the page being left.
      await page.waitForURL((u) => u.pathname !== before);
      await page.waitForLoadState();
      const after = new URL(page.url()).pathname;
      const [, from, ...rest] = before.split('/');
      const [, to, ...rest2] = after.split('/');
      expect(to).toBe(from === 'en' ? 'zh' : 'en');
      expect(rest2.join('/')).toBe(rest.join('/'));
      expect(await page.locator('html').getAttribute('lang')).toBe(to === 'zh' ? 'zh-CN' : 'en');
    }
    await open('/en/matrix/?province=Jiangsu');
    await page.click('#lang-switch');
    await page.waitForURL(/\/zh\/matrix\/\?province=Jiangsu/);
    expect(await page.locator('#f-province').inputValue()).toBe('Jiangsu');
  });

  it('keyboard only: the skip link leads to the content; Tab reaches the matrix cells, Enter opens one', async () => {
    await open('/en/matrix/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href'))).toBe('#main');
    await page.keyboard.press('Enter');
    // Following a fragment link updates the URL after the key event returns: wait for it, then check the target.
    await page.waitForURL((u) => u.hash === '#main');
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('main');
    await open('/en/matrix/');
    let reached: string | null = null;
    for (let i = 0; i < 300 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const el = document.activeElement;
        return el && el.closest('table#matrix td[data-s]') ? (el as HTMLAnchorElement).getAttribute('href') : null;
      });
    }
    expect(reached, 'a matrix cell link got keyboard focus').toBeTruthy();
    // The focused link is visibly marked.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === reached);
    expect(await page.locator('h1').count()).toBe(1);
  });

  it('no page threw a script error while browsing', () => {
    expect(pageErrors).toEqual([]);
  });
});
