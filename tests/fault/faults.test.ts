/**
 * Fault suite: the real `scripts/scrape.ts` CLI against a local misbehaving server. Each fault is
 * its own source on its own host, all in one run, beside a healthy source. After the run:
 * existing content is byte-identical, report.json names each fault, the healthy source is done,
 * and the exit code is 2 (partial). A second test kills a scrape with SIGKILL mid-run.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyContentRoot, ROOT, runScriptAsync, tempDir, type ScriptRun } from '../helpers/site.ts';
import { serveFixtures, type Handler, type TestServer } from '../helpers/fixture-server.ts';
import { runReport, type SourceRun } from '../../src/model/schemas.ts';

const hasCli = existsSync(path.join(ROOT, 'scripts', 'scrape.ts'));
const LIST = 'customs/302249/302266/302267/index.html';
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'fault');

/** A new-template customs list page linking one (absent) article. */
function listPage(title: string, article = '/customs/2026-05/01/article_20260501100000000001.html'): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>列表</title></head><body><ul class="news_list"><li><a href="${article}" title="${title}">${title}</a><span>2026-05-01</span></li></ul></body></html>`;
}
const html = (res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'text/html;charset=utf-8', ...headers }).end(body);

/** Fault name -> host, behaviour of its list page, and what the report must say. */
interface Fault {
  host: string;
  list?: Handler;
  robots?: Handler;
  expectState: SourceRun['state'];
  reason: RegExp;
}
const FAULTS: Record<string, Fault> = {
  challenge: {
    host: 'waf.customs.gov.cn',
    list: (_q, r) =>
      html(
        r,
        412,
        '<html><head><meta id="x" content="abc"><script>$_ts=window[\'$_ts\'];if(!$_ts)$_ts={};$_ts.nsd=1;</script><script src="/x.js"></script></head><body></body></html>',
      ),
    expectState: 'blocked',
    reason: /412/,
  },
  'server-error': { host: 'err5xx.customs.gov.cn', list: (_q, r) => html(r, 503, 'busy'), expectState: 'failing', reason: /503|5\d\d|server/i },
  'not-found': { host: 'gone.customs.gov.cn', list: (_q, r) => html(r, 404, 'no'), expectState: 'failing', reason: /404/ },
  'header-timeout': {
    host: 'slowhead.customs.gov.cn',
    list: () => {
      /* never answers */
    },
    expectState: 'failing',
    reason: /timeout|deadline/i,
  },
  'body-timeout': {
    host: 'slowbody.customs.gov.cn',
    list: (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html;charset=utf-8' });
      r.write('<html><body><ul class="news_list">');
    },
    expectState: 'failing',
    reason: /timeout|deadline|stall/i,
  },
  reset: { host: 'reset.customs.gov.cn', list: (q) => q.socket.destroy(), expectState: 'failing', reason: /reset|socket|closed|network|ECONN/i },
  truncated: {
    host: 'short.customs.gov.cn',
    list: (q, r) => {
      r.writeHead(200, { 'content-type': 'text/html;charset=utf-8', 'content-length': '50000' });
      r.write('<html><body><ul class="news_list"><li>', () => q.socket.destroy());
    },
    expectState: 'failing',
    reason: /reset|truncat|closed|premature|length|terminated|socket|network/i,
  },
  oversize: {
    host: 'huge.customs.gov.cn',
    list: (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/html;charset=utf-8' });
      const chunk = Buffer.alloc(1 << 20, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 12 && r.write(chunk)) sent++;
        if (sent < 12) r.once('drain', pump);
        else r.end();
      };
      r.on('error', () => {});
      pump();
    },
    expectState: 'failing',
    reason: /size|large|oversize|bytes|cap/i,
  },
  'redirect-off-list': {
    host: 'redir.customs.gov.cn',
    list: (_q, r) => r.writeHead(302, { location: 'https://evil.example/phish' }).end(),
    expectState: 'failing',
    reason: /evil\.example|off-list|refused/i,
  },
  'robots-disallow': {
    host: 'norobots.customs.gov.cn',
    robots: (_q, r) => r.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /\n'),
    list: (_q, r) => html(r, 200, listPage('不应被抓取')),
    expectState: 'failing',
    reason: /robots/i,
  },
  'robots-5xx': {
    host: 'robots500.customs.gov.cn',
    robots: (_q, r) => r.writeHead(500).end('oops'),
    list: (_q, r) => html(r, 200, listPage('不应被抓取')),
    expectState: 'failing',
    reason: /robots/i,
  },
};
/** Sources that must come through despite odd bytes. */
const HEALTHY = {
  healthy: { host: 'fine.customs.gov.cn', list: (_q, r) => html(r, 200, listPage('正常的测试列表项')) } as { host: string; list: Handler },
  'gbk-no-charset': {
    host: 'gbk.customs.gov.cn',
    list: (_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(readFileSync(path.join(FIXTURES, 'gbk-no-charset.htm'))),
  } as { host: string; list: Handler },
  'malformed-html': {
    host: 'broken.customs.gov.cn',
    list: (_q, r) =>
      html(
        r,
        200,
        '<html><body><ul class="news_list"><li><a href="/customs/2026-05/02/article_20260502100000000002.html" title="未闭合标签的测试项">未闭合<b><i>标签<span>2026-05-02<li><a href=\'/x\'><<<>>><!-- <div </ul></table></body',
      ),
  } as { host: string; list: Handler },
};

function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    const rel = path.relative(dir, full);
    if (rel.startsWith(`_state${path.sep}`)) continue;
    out.set(rel, createHash('sha256').update(readFileSync(full)).digest('hex'));
  }
  return out;
}

/** A SYNTHETIC existing announcement, to prove a failing run never touches what is there. */
function seedExisting(content: string): void {
  const dir = path.join(content, 'announcements', 'fault-test', '2026');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'existing.md'),
    '---\nurl: "https://fine.customs.gov.cn/customs/2026-01/01/article_20260101100000000009.html"\ncanonicalUrl: "https://fine.customs.gov.cn/customs/2026-01/01/article_20260101100000000009.html"\ntitle: "【合成数据】已有公告"\ndistrict: null\nsourceId: healthy\npublishedAt: "2026-01-01"\nfirstSeenAt: "2026-01-01T00:00:00Z"\ncontentHash: "sha256:' +
      'a'.repeat(64) +
      '"\nsignal: other\nextraction: { method: synthetic, version: "0", confidence: 0.5 }\nreview: { state: auto }\nsynthetic: true\n---\n\n合成的已有内容。\n',
  );
}

const runCli = (args: string[], killWhen?: (output: string) => boolean) => runScriptAsync('scripts/scrape.ts', args, killWhen ? { killWhen } : {});

function routesFor(entries: Record<string, { host: string; list?: Handler; robots?: Handler }>): Record<string, Handler> {
  const routes: Record<string, Handler> = {};
  for (const f of Object.values(entries)) {
    if (f.list) routes[`${f.host}/${LIST}`] = f.list;
    if (f.robots) routes[`${f.host}/robots.txt`] = f.robots;
  }
  return routes;
}

function sourcesFile(dir: string, entries: Record<string, { host: string }>): string {
  const file = path.join(dir, 'sources.json');
  writeFileSync(
    file,
    JSON.stringify({ sources: Object.entries(entries).map(([id, f]) => ({ id, kind: 'html-list', url: `https://${f.host}/${LIST}`, district: null })) }),
  );
  return file;
}

describe.skipIf(!hasCli)('scrape CLI against a misbehaving server', () => {
  let mirror: TestServer;
  let content: string;
  let before: Map<string, string>;
  let run: ScriptRun;
  let report: ReturnType<typeof runReport.parse>;

  beforeAll(async () => {
    const all = { ...FAULTS, ...HEALTHY };
    mirror = await serveFixtures({ routes: routesFor(all), maxRequests: 300 });
    content = copyContentRoot();
    seedExisting(content);
    before = hashTree(content);
    run = await runCli(['--sources', sourcesFile(tempDir('fault-'), all), '--mirror', mirror.url, '--content', content, '--delay', '0', '--timeout', '1500']);
    report = runReport.parse(JSON.parse(readFileSync(path.join(content, '_state', 'report.json'), 'utf8')));
  }, 150_000);
  afterAll(async () => {
    await mirror?.close();
    // What the report said about each fault, for whoever reads the CI log.
    if (report)
      console.log(
        Object.entries(report.sources)
          .map(([id, r]) => `  ${id}: ${r.state} — ${r.reason ?? r.errors[0]?.reason ?? ''}`)
          .join('\n'),
      );
  });

  it('exits 2 (partial) and prints a summary naming every source', () => {
    expect(run.status, run.output).toBe(2);
    for (const id of [...Object.keys(FAULTS), ...Object.keys(HEALTHY)]) expect(run.output).toContain(id);
  });

  for (const [id, f] of Object.entries(FAULTS)) {
    it(`${id}: the report names the fault (${f.expectState})`, () => {
      const r = report.sources[id];
      expect(r, `report has ${id}`).toBeDefined();
      expect(r!.state).toBe(f.expectState);
      const said = [r!.reason ?? '', ...r!.errors.map((e) => e.reason)].join(' | ');
      expect(said).toMatch(f.reason);
      expect(r!.lastCheckedAt).not.toBeNull();
      expect(r!.lastSuccessAt).toBeNull();
    });
  }

  it('robots disallow and robots 5xx: the list page itself is never requested', () => {
    for (const id of ['robots-disallow', 'robots-5xx'] as const) {
      const host = FAULTS[id]!.host;
      expect(
        mirror.requests.some((q) => q.path === `${host}/robots.txt`),
        `${id} robots fetched`,
      ).toBe(true);
      expect(mirror.requests.filter((q) => q.path.startsWith(`${host}/`) && q.path !== `${host}/robots.txt`)).toEqual([]);
    }
  });

  it('a redirect off the allow-list is never followed', () => {
    expect(mirror.requests.some((q) => q.path.startsWith('evil.example'))).toBe(false);
  });

  it('retries are bounded: no fault host got more than a handful of requests', () => {
    for (const f of Object.values(FAULTS)) {
      const n = mirror.requests.filter((q) => q.path.startsWith(`${f.host}/`)).length;
      expect(n, f.host).toBeLessThanOrEqual(6);
    }
  });

  it('the healthy, GBK and malformed sources are still done', () => {
    for (const id of Object.keys(HEALTHY)) {
      const r = report.sources[id];
      expect(r?.state, `${id}: ${r?.reason}`).toBe('ok');
      expect(r!.listsFetched).toBe(1);
      expect(r!.itemsSeen).toBeGreaterThanOrEqual(1);
      expect(r!.lastSuccessAt).not.toBeNull();
    }
  });

  it('GBK without any charset is decoded to the right Chinese title', () => {
    const seen = JSON.parse(readFileSync(path.join(content, '_state', 'seen.json'), 'utf8')) as Record<string, Record<string, { title?: string }>>;
    const titles = Object.values(seen['gbk-no-charset'] ?? {}).map((s) => s.title);
    expect(titles).toContain('测试页：关于茶叶出口一品一策的通知');
  });

  it('existing content is byte-identical; nothing was written for a failing source', () => {
    const after = hashTree(content);
    for (const [rel, h] of before) expect(after.get(rel), rel).toBe(h);
    const added = [...after.keys()].filter((k) => !before.has(k));
    // Only the healthy sources may add files (announcements or the change log).
    expect(added.filter((k) => !/^(announcements|changelog)\//.test(k))).toEqual([]);
    expect(added.filter((k) => /\.(tmp|partial)$|~$/.test(k))).toEqual([]);
  });
});

describe.skipIf(!hasCli)('scrape killed with SIGKILL mid-run', () => {
  it('leaves content intact and valid state; the next run completes', async () => {
    // The first source answers; the others are held until the run is killed, so the kill lands
    // mid-run whatever the machine's speed. The next run gets every answer at once.
    let held: (() => void)[] | null = [];
    const answer = (r: ServerResponse) => html(r, 200, listPage('慢速列表项'));
    const waiting: Handler = (_q, r) => (held ? held.push(() => answer(r)) : answer(r));
    const entries: Record<string, { host: string; list: Handler }> = {};
    for (let i = 0; i < 6; i++) entries[`slow-${i}`] = { host: `slow${i}.customs.gov.cn`, list: i === 0 ? (_q, r) => answer(r) : waiting };
    const mirror = await serveFixtures({ routes: routesFor(entries), maxRequests: 200 });
    try {
      const content = copyContentRoot();
      seedExisting(content);
      const before = hashTree(content);
      const file = sourcesFile(tempDir('fault-kill-'), entries);
      const args = ['--sources', file, '--mirror', mirror.url, '--content', content, '--delay', '0', '--timeout', '5000'];
      // Kill as soon as the first source finished (progress line "[1/6]").
      const killed = await runCli(args, (out) => /\[1\/6\]/.test(out));
      expect(killed.signal).toBe('SIGKILL');
      expect(killed.output).not.toMatch(/\[2\/6\]/);
      for (const release of held) release();
      held = null;
      const mid = hashTree(content);
      for (const [rel, h] of before) expect(mid.get(rel), rel).toBe(h);
      // Whatever state files exist are complete JSON (atomic writes), never half-written.
      const stateDir = path.join(content, '_state');
      for (const f of readdirSync(stateDir).filter((x) => x.endsWith('.json'))) {
        expect(() => JSON.parse(readFileSync(path.join(stateDir, f), 'utf8')), f).not.toThrow();
      }
      // A kill may leave only hidden `.name.tmp-PID` files beside them, which the next run sweeps.
      expect(readdirSync(stateDir).filter((x) => !/\.(json|md)$/.test(x) && !/^\..+\.tmp-\d+$/.test(x))).toEqual([]);
      const again = await runCli(args);
      expect(readdirSync(stateDir).filter((x) => /\.tmp-\d+$/.test(x))).toEqual([]);
      expect(again.status, again.output).toBe(0);
      const report = runReport.parse(JSON.parse(readFileSync(path.join(stateDir, 'report.json'), 'utf8')));
      for (const id of Object.keys(entries)) expect(report.sources[id]?.state).toBe('ok');
      const after = hashTree(content);
      for (const [rel, h] of before) expect(after.get(rel), rel).toBe(h);
    } finally {
      await mirror.close();
    }
  }, 120_000);
});
