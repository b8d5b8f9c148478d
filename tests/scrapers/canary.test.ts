/** The live canary's code path, offline: one list page per customs host, judged, reported. */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { canaryReport } from '../../src/model/schemas.ts';
import { serveFixtures, type TestServer } from '../helpers/fixture-server.ts';
import { canarySources, canaryTable, runCanary } from '../../scrapers/run/canary.ts';
import { defaultRegistry } from '../../scrapers/sources/registry.ts';
import type { SourceDecl } from '../../scrapers/sources/declarations.ts';
import { copyContentRoot, runScript } from '../helpers/site.ts';
import { OWN_FIXTURES, fast } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await serveFixtures({ roots: [OWN_FIXTURES] });
});
afterAll(async () => server.close());

describe('live canary', () => {
  it('passes, blocks or fails each customs host through the scrape code path and writes canary.json', async () => {
    const root = copyContentRoot();
    const districts = defaultRegistry(root, {}).filter((s) => ['hangzhou', 'harbin'].includes(s.district ?? ''));
    const sources: SourceDecl[] = [
      ...districts,
      { id: 'demo-new', kind: 'html-list', url: 'https://demo.customs.gov.cn/demo_customs/100/300/index.html', district: null, verified: true },
      { id: 'demo-drift', kind: 'html-list', url: 'https://demo.customs.gov.cn/demo_customs/100/500/index.html', district: null, verified: true },
      { id: 'waf-demo', kind: 'html-list', url: 'https://wafdemo.customs.gov.cn/wafdemo_customs/1/2/index.html', district: null, verified: true },
      { id: 'not-customs', kind: 'html-list', url: 'https://swt.fujian.gov.cn/xxgk/index.htm', district: null, verified: true },
    ];
    expect([...canarySources(sources).keys()].sort()).toEqual([
      'demo.customs.gov.cn',
      'hangzhou.customs.gov.cn',
      'harbin.customs.gov.cn',
      'wafdemo.customs.gov.cn',
    ]);
    const before = server.requests.length;
    const report = await runCanary({
      contentRoot: root,
      sources,
      mirror: server.url,
      client: fast,
      delayMs: 0,
      browserTiming: { settleMs: 1000 },
      now: new Date('2026-06-01T03:00:00Z'),
    });
    const by = Object.fromEntries(report.hosts.map((h) => [h.host, h]));
    expect(by['demo.customs.gov.cn']).toMatchObject({
      source: 'demo-drift',
      state: 'failing',
      family: 'customs-new',
      reason: expect.stringMatching(/^template changed: /),
    });
    expect(by['hangzhou.customs.gov.cn']).toMatchObject({
      state: 'passed',
      family: 'customs-easysite',
      items: 1,
      via: 'http',
      url: 'https://hangzhou.customs.gov.cn/hangzhou_customs/573848/573849/index.html',
    });
    expect(by['harbin.customs.gov.cn']).toMatchObject({ state: 'failing', url: null, reason: expect.stringMatching(/^column discovery: /) });
    expect(by['wafdemo.customs.gov.cn']).toMatchObject({
      state: 'blocked',
      reason: expect.stringMatching(
        /^HTTP 412 \(WAF refusal\) on https:\/\/wafdemo\.customs\.gov\.cn\/\S+; (the browser could not load it|browser unavailable)/,
      ),
    });
    // Nothing but list pages, home pages and robots.txt: no article is fetched.
    expect(server.requests.slice(before).some((q) => /article_|\/\d{4}\/index\.html$/.test(q.path))).toBe(false);
    const written = canaryReport.parse(JSON.parse(readFileSync(path.join(root, '_state/canary.json'), 'utf8')));
    expect(written).toEqual(report);
    expect(canaryTable(report)).toMatch(/passed 1, blocked 1, failing 2/);
  });

  it('the CLI explains itself', () => {
    const r = runScript('scripts/canary.ts', ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--out FILE/);
  });
});
