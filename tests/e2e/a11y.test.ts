/**
 * Accessibility: axe-core (through @axe-core/playwright) over every page type of the built site,
 * in both languages. Serious and critical violations fail; minor and moderate ones are printed.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, skipBrowserSuite, startSite, type Site } from './harness.ts';

/** Page types: fixed paths, and detail pages found by following the first link of their index. */
const FIXED: [string, string][] = [
  ['home', '/{l}/'],
  ['matrix', '/{l}/matrix/'],
  ['cities index', '/{l}/cities/'],
  ['measures index', '/{l}/measures/'],
  ['products index', '/{l}/products/'],
  ['markets index', '/{l}/markets/'],
  ['announcements index', '/{l}/announcements/'],
  ['search (with results)', '/{l}/search/?q=HACCP'],
  ['feeds list', '/{l}/feeds/'],
  ['changes', '/{l}/changes/'],
  ['changes diff', '/{l}/changes/diff/'],
  ['source health', '/{l}/sources/'],
  ['exports and codebook', '/{l}/exports/'],
  ['measure names seen, not catalogued', '/{l}/measures/seen/'],
  // Pages of the bundled reviewed evidence (content/evidence): the record and the city it names.
  ['reviewed evidence record', '/{l}/evidence/yongzhou-fresh-produce-consolidation-2026-03-12/'],
  ['city seen in evidence', '/{l}/cities/yongzhou/'],
];
const DETAIL: [string, string, string][] = [
  ['city', '/{l}/cities/', 'main a[href*="/cities/"]:not([href$="/cities/"])'],
  ['measure', '/{l}/measures/', 'main a[href*="/measures/"]:not([href$="/measures/"])'],
  ['cell', '/{l}/matrix/', 'table#matrix td[data-s]:not([data-s="unknown"]) a'],
  ['product', '/{l}/products/', 'main a[href*="/products/"]:not([href$="/products/"])'],
  ['market', '/{l}/markets/', 'main a[href*="/markets/"]:not([href$="/markets/"])'],
  ['announcement', '/{l}/announcements/', 'main a[href*="/announcements/"]:not([href$="/announcements/"])'],
];

interface Finding {
  page: string;
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

describe.skipIf(skipBrowserSuite('e2e a11y'))('accessibility of every page type (axe)', () => {
  let site: Site;
  let browser: Browser;
  const findings: Finding[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    site = await startSite();
  }, 300_000);
  afterAll(async () => {
    if (findings.length) {
      console.log(
        `[a11y] minor/moderate findings (not failing):\n${findings
          .filter((f) => f.impact !== 'serious' && f.impact !== 'critical')
          .map((f) => `  ${f.page}: ${f.id} (${f.impact}) ${f.help} x${f.nodes.length}`)
          .join('\n')}`,
      );
    }
    await browser?.close();
    await site?.stop();
  });

  async function audit(name: string, page: Page): Promise<void> {
    const result = await new AxeBuilder({ page }).analyze();
    const mine = result.violations.map((v) => ({
      page: name,
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
    findings.push(...mine);
    const bad = mine.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad, `${name}: ${JSON.stringify(bad, null, 1)}`).toEqual([]);
  }

  for (const l of ['en', 'zh']) {
    for (const [name, p] of FIXED) {
      it(`${name} (${l})`, async () => {
        const ctx = await browser.newContext();
        const page = await ctx.newPage();
        try {
          const url = p.replace('{l}', l);
          const r = await page.goto(`${site.url}${url}`);
          expect(r?.status(), url).toBe(200);
          if (url.includes('/search/')) {
            await page.locator('#search-form[data-state="done"]').waitFor({ timeout: 30_000 });
            await page.locator('[data-search-results] li').first().waitFor();
          }
          await audit(`${name} ${url}`, page);
        } finally {
          await ctx.close();
        }
      });
    }
    for (const [name, index, selector] of DETAIL) {
      it(`${name} page (${l})`, async () => {
        const ctx = await browser.newContext();
        const page = await ctx.newPage();
        try {
          await page.goto(`${site.url}${index.replace('{l}', l)}`);
          const link = page.locator(selector).first();
          expect(await link.count(), `${name}: a link on ${index}`).toBe(1);
          const href = (await link.getAttribute('href'))!;
          const r = await page.goto(new URL(href, site.url).href);
          expect(r?.status(), href).toBe(200);
          await audit(`${name} ${href}`, page);
        } finally {
          await ctx.close();
        }
      });
    }
  }

  it('404 page', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    try {
      const r = await page.goto(`${site.url}/en/no-such-page/`);
      expect(r?.status()).toBe(404);
      await audit('404', page);
    } finally {
      await ctx.close();
    }
  });
});
