/**
 * The site built from the seed catalogue alone: no announcements, change log, products, overrides
 * or run report yet (the state of a fresh checkout before the first scrape).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import Parser from 'rss-parser';
import { parse } from 'csv-parse/sync';
import { buildSite, tempDir, type BuildResult } from '../helpers/site.ts';
import { SITE_FIXTURE, html, ids } from './helpers.ts';
import { BUDGETS, measurePage } from '../../scripts/budgets.ts';

let build: BuildResult;
let out: string;

beforeAll(() => {
  const root = path.join(tempDir('rollout-site-empty-'), 'content');
  cpSync(SITE_FIXTURE, root, { recursive: true });
  for (const folder of ['announcements', 'changelog', 'cells', 'products', '_state']) {
    rmSync(path.join(root, folder), { recursive: true, force: true });
    mkdirSync(path.join(root, folder));
    if (!folder.startsWith('_')) writeFileSync(path.join(root, folder, '_README.md'), 'empty on purpose\n');
  }
  build = buildSite(root);
  out = build.outDir;
  if (build.status !== 0) throw new Error(`build failed:\n${build.output.slice(-3000)}`);
});

describe('a site with no scraped data yet', () => {
  it('says there has been no run, on the source health page and on cell pages', () => {
    expect(html(out, 'en/sources/')('#health-none').text()).toContain('No run yet');
    expect(html(out, 'zh/sources/')('#health-none').text()).toContain('尚未运行');
    expect(html(out, 'en/cells/one-product-one-policy--suzhou-jiangsu/')('[data-freshness]').attr('data-freshness')).toBe('no-run');
  });

  it('still writes valid, empty feeds', async () => {
    const parser = new Parser();
    for (const rel of [
      'en/feeds/all/rss.xml',
      'zh/feeds/all/rss.xml',
      'en/feeds/cities/suzhou-jiangsu/rss.xml',
      'zh/feeds/measures/one-product-one-policy/rss.xml',
    ]) {
      const feed = await parser.parseString(readFileSync(path.join(out, rel), 'utf8'));
      expect(feed.title).toBeTruthy();
      expect(feed.items).toHaveLength(0);
    }
    const json = JSON.parse(readFileSync(path.join(out, 'en/feeds/all/feed.json'), 'utf8'));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items).toEqual([]);
    // No cell has an announcement yet, so no cell has a feed of its own.
    expect(existsSync(path.join(out, 'en/feeds/cells'))).toBe(false);
  });

  it('shows the matrix with nationwide measures operational and the rest unknown, and exports it', () => {
    const $ = html(out, 'en/matrix/');
    const nationwide = ids('measures').filter(
      (m) => JSON.parse(readFileSync(path.join(SITE_FIXTURE, 'measures', `${m}.json`), 'utf8')).scope.kind === 'nationwide',
    );
    for (const m of ids('measures')) {
      const statuses = new Set(
        $(`#matrix tr[data-measure="${m}"] td[data-s]`)
          .map((_, td) => $(td).attr('data-s'))
          .get(),
      );
      expect([...statuses]).toEqual([nationwide.includes(m) ? 'operational' : 'unknown']);
    }
    const rows = parse(readFileSync(path.join(out, 'exports/matrix.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(ids('measures').length * ids('cities').length);
    expect(parse(readFileSync(path.join(out, 'exports/announcements.csv'), 'utf8'), { bom: true, columns: true })).toEqual([]);
  });

  it('says "none yet" where there is nothing to list', () => {
    expect(html(out, 'en/changes/')('main').text()).toContain('No changes recorded yet.');
    expect(html(out, 'en/products/')('main').text()).toContain('No pilot products named yet');
    expect(html(out, 'zh/announcements/')('main').text()).toContain('暂无公告');
  });

  it('keeps the matrix page within its weight budgets with the seeded catalogue', () => {
    for (const lang of ['en', 'zh']) {
      const f = measurePage(out, `${lang}/matrix/`);
      expect(f.scripts.length).toBeGreaterThan(0);
      expect(f.htmlGzip).toBeLessThanOrEqual(BUDGETS.matrixHtmlGzip);
      expect(f.jsGzip).toBeLessThanOrEqual(BUDGETS.matrixJsGzip);
    }
  });
});
