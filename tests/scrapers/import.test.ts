/**
 * `npm run import`: a page saved from a browser goes through the same extract and write path as
 * a scraped one. The saved copy (tests/fixtures/scrapers/saved, invented) is also served to the
 * scraper, so both must write the same announcement; the import adds its provenance.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { announcement } from '../../src/model/schemas.ts';
import { scrape } from '../../scrapers/run/scrape.ts';
import { loadSourcesFile } from '../../scrapers/sources/registry.ts';
import { serveFixtures } from '../helpers/fixture-server.ts';
import { copyContentRoot, runScriptAsync, tempDir } from '../helpers/site.ts';
import { OWN_FIXTURES, fast } from './helpers.ts';

const SAVED = path.join(OWN_FIXTURES, 'saved');
const PAGE = path.join(SAVED, 'article_20260506120000000001.html');
const ATTACHMENT = path.join(SAVED, '2026050612000000001.xls');
const LIST = 'https://www.customs.gov.cn/customs/302249/302266/302267/index.html';
const ARTICLE = 'https://www.customs.gov.cn/customs/2026-05/06/article_20260506120000000001.html';

const importCli = (args: string[]) => runScriptAsync('scripts/import.ts', args);

function announcements(root: string): Map<string, { data: Record<string, unknown>; body: string }> {
  const dir = path.join(root, 'announcements');
  const out = new Map<string, { data: Record<string, unknown>; body: string }>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !/\.mdx?$/.test(e.name) || e.name.startsWith('_')) continue;
    const full = path.join(e.parentPath, e.name);
    const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(readFileSync(full, 'utf8'))!;
    out.set(path.relative(root, full), { data: yaml.load(m[1]!) as Record<string, unknown>, body: m[2]! });
  }
  return out;
}

describe('npm run import', () => {
  let sources: string;
  let scraped: Map<string, { data: Record<string, unknown>; body: string }>;
  beforeAll(async () => {
    sources = path.join(tempDir('rollout-import-'), 'sources.json');
    writeFileSync(sources, JSON.stringify({ sources: [{ id: 'gacc-announcements', kind: 'html-list', url: LIST, district: null }] }));
    const list = `<!doctype html><html><head><meta charset="utf-8"></head><body><ul class="news_list"><li><a href="${ARTICLE.slice(26)}" title="t">t</a><span>2026-05-06</span></li></ul></body></html>`;
    const mirror = await serveFixtures({
      routes: {
        [LIST.slice(8)]: (_q, r) => r.writeHead(200, { 'content-type': 'text/html;charset=utf-8' }).end(list),
        [ARTICLE.slice(8)]: (_q, r) => r.writeHead(200, { 'content-type': 'text/html;charset=utf-8' }).end(readFileSync(PAGE)),
      },
      maxRequests: 20,
    });
    const root = copyContentRoot();
    try {
      const r = await scrape({ contentRoot: root, sources: loadSourcesFile(sources), mirror: mirror.url, client: fast, delayMs: 0 });
      expect(r.report.sources['gacc-announcements'], r.report.sources['gacc-announcements']?.reason).toMatchObject({ state: 'ok', itemsNew: 1 });
    } finally {
      await mirror.close();
    }
    scraped = announcements(root);
    expect(scraped.size).toBe(1);
  }, 120_000);

  it('writes the same announcement the scraper writes, with the import provenance', async () => {
    const root = copyContentRoot();
    const r = await importCli(['--url', ARTICLE, '--sources', sources, '--content', root, PAGE, ATTACHMENT]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^new: https:\/\/www\.customs\.gov\.cn\/.* \(source gacc-announcements\) -> announcements\//);
    expect(r.stdout).toContain('attachment 2026050612000000001.xls: https://www.customs.gov.cn/customs/attachDir/2026/05/2026050612000000001.xls');
    const imported = announcements(root);
    expect([...imported.keys()]).toEqual([...scraped.keys()]);
    const [file] = [...imported.keys()];
    const a = imported.get(file!)!;
    const s = scraped.get(file!)!;
    expect(a.body).toBe(s.body);
    const { provenance, firstSeenAt: _a, attachments: attA, ...restA } = a.data;
    const { firstSeenAt: _s, attachments: attS, ...restS } = s.data;
    expect(restA).toEqual(restS);
    // The same link; the scraper found no file at it (the mirror has none), the import read the saved copy.
    const [ia, sa] = [(attA as Record<string, unknown>[])[0]!, (attS as Record<string, unknown>[])[0]!];
    expect(ia['url']).toBe(sa['url']);
    expect(sa).toMatchObject({ status: 'missing' });
    expect(ia).toMatchObject({ status: 'unsupported', sha256: (provenance as { attachments: { sha256: string }[] }).attachments[0]!.sha256 });
    expect(s.data['provenance']).toBeUndefined();
    expect(provenance).toMatchObject({
      via: 'import',
      note: 'imported from a copy saved in a browser, not fetched by the scraper',
      file: 'article_20260506120000000001.html',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      attachments: [
        {
          file: '2026050612000000001.xls',
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
          url: 'https://www.customs.gov.cn/customs/attachDir/2026/05/2026050612000000001.xls',
        },
      ],
    });
    announcement.parse(a.data);
    // Importing the same copy again changes nothing.
    const again = await importCli(['--url', ARTICLE, '--sources', sources, '--content', root, PAGE, ATTACHMENT]);
    expect(again.status, again.stderr).toBe(0);
  });

  it('refuses a URL off the allow-list, a saved challenge page, and a page that is not the article', async () => {
    const root = copyContentRoot();
    const off = await importCli(['--url', 'https://evil.example/customs/2026-05/06/article_1.html', '--sources', sources, '--content', root, PAGE]);
    expect(off.status).toBe(1);
    expect(off.stderr).toMatch(/refused off-list host evil\.example/);
    const shell = await importCli([
      '--url',
      ARTICLE,
      '--sources',
      sources,
      '--content',
      root,
      path.join(OWN_FIXTURES, 'sites/demo.customs.gov.cn/demo_customs/100/412/index.html'),
    ]);
    expect(shell.status).toBe(1);
    expect(shell.stderr).toMatch(/is the JavaScript challenge page, not the article/);
    const wrong = await importCli([
      '--url',
      ARTICLE,
      '--sources',
      sources,
      '--content',
      root,
      path.join(OWN_FIXTURES, 'sites/demo.customs.gov.cn/demo_customs/100/300/index.html'),
    ]);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/template changed: customs-new article without its body/);
    expect(announcements(root).size).toBe(0);
    expect((await importCli(['--help'])).stdout).toMatch(/--url URL/);
  });
});
