import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, copyContentRoot, ROOT, sharedBuild, type BuildResult } from '../helpers/site.ts';

const ids = (folder: string) =>
  readdirSync(path.join(ROOT, 'content', folder))
    .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
    .map((f) => f.replace(/\.json$/, ''));

/** The matrix page (its own page once the site has one, else the home page). */
const matrixHtml = (b: BuildResult, lang: string) =>
  existsSync(path.join(b.outDir, lang, 'matrix', 'index.html')) ? b.read(`${lang}/matrix/index.html`) : b.read(`${lang}/index.html`);

describe('a real astro build of the bundled content', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await sharedBuild(path.join(ROOT, 'content'));
  });

  it('succeeds, with a Pagefind index', () => {
    expect(build.status, build.output).toBe(0);
    expect(existsSync(path.join(build.outDir, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it.each(['en', 'zh'])('the %s matrix lists every seeded measure and city', (lang) => {
    const html = matrixHtml(build, lang);
    for (const m of ids('measures')) expect(html).toContain(`data-measure="${m}"`);
    for (const c of ids('cities')) expect(html).toContain(`data-city="${c}"`);
  });

  it('says how many of the 45 cities are confirmed, inferred and unidentified, never inventing names', () => {
    const html = build.read('en/index.html');
    expect(html).toMatch(/17 confirmed \+ 16 inferred = 33 of 45 cities identified/);
    expect(html).toMatch(/12 cities not yet identified/);
    expect(html).toMatch(/16 of 29 measures catalogued; 0 more names seen/);
    // Yongzhou is named by the reviewed evidence record: seen, never counted among the 45.
    expect(html).toMatch(/1 more cities seen in announcements \(not counted until confirmed\)/);
  });

  it('the reviewed Yongzhou evidence shows on Yongzhou, the measure and Changsha, but sets no Changsha cell', () => {
    const yongzhou = build.read('en/cities/yongzhou/index.html');
    expect(yongzhou).toContain('Seen in announcements, participation not confirmed');
    expect(yongzhou).toContain('/en/evidence/yongzhou-fresh-produce-consolidation-2026-03-12/');
    expect(build.read('en/measures/fresh-produce-consolidation/index.html')).toContain('/en/evidence/yongzhou-fresh-produce-consolidation-2026-03-12/');
    expect(build.read('en/cities/changsha/index.html')).toContain('/en/evidence/yongzhou-fresh-produce-consolidation-2026-03-12/');
    expect(build.read('en/cells/fresh-produce-consolidation--changsha/index.html')).toMatch(/data-status="unknown"/);
    const matrix = matrixHtml(build, 'en');
    expect(matrix).toContain('data-city="yongzhou"');
    expect(matrix).toContain('data-seen="true"');
  });

  it('shows nationwide measures as operational from the national source, others as unknown', () => {
    const city = build.read('en/cities/kunming/index.html');
    expect(city).toMatch(/<html lang="en"/);
    const rowOf = (measure: string) => city.slice(city.indexOf(`/en/measures/${measure}/`)).split('</tr>')[0] ?? '';
    expect(rowOf('paperless-trade')).toMatch(/status operational/);
    expect(rowOf('one-product-one-policy')).toMatch(/status unknown/);
  });

  it('builds with legitimately empty collections and says "none yet"', () => {
    // Cell overrides are empty in the bundled content; a city with no announcement says so.
    expect(readdirSync(path.join(ROOT, 'content', 'cells')).filter((f) => !f.startsWith('_'))).toEqual([]);
    const root = copyContentRoot();
    for (const f of readdirSync(path.join(root, 'announcements'))) if (!f.startsWith('_')) rmSync(path.join(root, 'announcements', f), { recursive: true });
    const b = buildSite(root);
    expect(b.status, b.output).toBe(0);
    expect(b.read('en/cities/kunming/index.html')).toContain('None yet.');
    expect(b.read('zh/cities/kunming/index.html')).toContain('暂无。');
  });

  it('marks the three precision services as reported by trade press, not confirmed', () => {
    for (const m of ['one-product-one-policy', 'one-enterprise-one-policy', 'one-region-one-policy']) {
      expect(build.read(`en/measures/${m}/index.html`)).toMatch(/Reported by trade press, not confirmed by an official text/);
      expect(build.read(`zh/measures/${m}/index.html`)).toMatch(/行业媒体报道，尚无官方文本证实/);
    }
  });

  it('serves Chinese pages with <html lang="zh-CN"> and an unofficial notice', () => {
    const zh = build.read('zh/index.html');
    expect(zh).toMatch(/<html lang="zh-CN"/);
    expect(zh).toContain('非官方');
    expect(build.read('en/index.html')).toContain('Unofficial');
  });
});

describe('builds from another content root', () => {
  it('renders a temporary content root without touching content/', () => {
    const root = copyContentRoot();
    const file = path.join(root, 'cities', 'kunming.json');
    const city = JSON.parse(readFileSync(file, 'utf8'));
    city.name.en = 'Kunming-from-temp-root';
    writeFileSync(file, JSON.stringify(city));
    const b = buildSite(root);
    expect(b.status, b.output).toBe(0);
    expect(b.read('en/cities/kunming/index.html')).toContain('Kunming-from-temp-root');
    expect(readFileSync(path.join(ROOT, 'content/cities/kunming.json'), 'utf8')).not.toContain('temp-root');
  });

  it('fails with a clear error when a collection folder is missing', () => {
    const root = copyContentRoot();
    rmSync(path.join(root, 'cells'), { recursive: true });
    const b = buildSite(root);
    expect(b.status).not.toBe(0);
    expect(b.output).toMatch(/Content folder missing: .*cells/);
  });

  it('fails naming the file and field when a record is invalid', () => {
    const root = copyContentRoot();
    const file = path.join(root, 'measures', 'paperless-trade.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"verification": "official"', '"verification": "rumour"'));
    const b = buildSite(root);
    expect(b.status).not.toBe(0);
    expect(b.output).toMatch(/paperless-trade/);
    expect(b.output).toMatch(/verification/);
  });
});
