/**
 * Fault suite for attachments: a relevant article (invented text) links a good pilot list and files
 * that are missing (404), oversize, of the wrong type (an HTML page), corrupt, or a scan without
 * a text layer. Each is reported per attachment; the article is written; a later run in which the
 * good list itself faults (each fault in turn, the page changed so it is read again) keeps the
 * list's earlier reading; a transient failure is tried again on the next run.
 */
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { scrape } from '../../scrapers/run/scrape.ts';
import type { SourceDecl } from '../../scrapers/sources/declarations.ts';
import type { SeenItem } from '../../scrapers/run/state.ts';
import { readFile } from '../../scrapers/write/frontmatter.ts';
import { copyContentRoot } from '../helpers/site.ts';
import * as make from '../attachments/make-files.ts';
import { serveFixtures, type Handler, type TestServer } from '../helpers/fixture-server.ts';

const HOST = 'attach.customs.gov.cn';
const LIST = `${HOST}/customs/302249/302266/302267/index.html`;
const ARTICLE = `${HOST}/customs/2026-05/01/article_20260501100000000001.html`;
const DIR = '/customs/attachDir/2026/05';
const FILES = ['list.xlsx', 'missing.pdf', 'huge.xls', 'page.pdf', 'broken.docx', 'scan.pdf'];
const source: SourceDecl = { id: 'attach-test', kind: 'html-list', url: `https://${LIST}`, district: null, verified: true };

const send = (r: ServerResponse, status: number, body: string | Uint8Array, type = 'application/octet-stream') =>
  r.writeHead(status, { 'content-type': type }).end(body);
const list = `<!doctype html><html><head><meta charset="utf-8"><title>列表</title></head><body><ul class="news_list"><li><a href="/customs/2026-05/01/article_20260501100000000001.html" title="测试用公告">测试用公告</a><span>2026-05-01</span></li></ul></body></html>`;
const article = (
  extra: string,
) => `<!doctype html><html><head><meta charset="utf-8"><meta name="ArticleTitle" content="关于在苏州开展“一品一策”试点的公告（测试用虚构文本）"><meta name="PubDate" content="2026-05-01"></head><body>
<div class="news_detail"><div class="news_detail_tit"><h1>关于在苏州开展“一品一策”试点的公告（测试用虚构文本）</h1><div class="func"><span>发布时间：2026-05-01 10:00</span></div></div>
<div class="news_detail_con"><p>本页为测试用虚构文本。为落实2026年促进跨境贸易便利化专项行动，苏州海关在苏州开展“一品一策”出口农产品试点，试点企业名单见附件。${extra}</p>
${FILES.map((f) => `<p><a href="${DIR}/${f}">附件：${f}</a></p>`).join('\n')}
</div></div></body></html>`;

function routes(good: Handler, extra = ''): Record<string, Handler> {
  return {
    [LIST]: (_q, r) => send(r, 200, list, 'text/html;charset=utf-8'),
    [ARTICLE]: (_q, r) => send(r, 200, article(extra), 'text/html;charset=utf-8'),
    [`${HOST}${DIR}/list.xlsx`]: good,
    [`${HOST}${DIR}/huge.xls`]: (_q, r) => send(r, 200, new Uint8Array(300_000)),
    [`${HOST}${DIR}/page.pdf`]: (_q, r) => send(r, 200, '<!DOCTYPE html><html><body>页面不存在</body></html>', 'text/html'),
    [`${HOST}${DIR}/broken.docx`]: (_q, r) => send(r, 200, make.docx('x').subarray(0, 200)),
    [`${HOST}${DIR}/scan.pdf`]: (_q, r) => send(r, 200, make.pdf(), 'application/pdf'),
  };
}
const goodList: Handler = (_q, r) => send(r, 200, make.xlsx());

let mirror: TestServer | null = null;
afterEach(async () => {
  await mirror?.close();
  mirror = null;
});

async function run(root: string, r: Record<string, Handler>, day: string) {
  mirror = await serveFixtures({ routes: r, maxRequests: 200 });
  const result = await scrape({
    contentRoot: root,
    sources: [source],
    mirror: mirror.url,
    delayMs: 0,
    now: new Date(day),
    client: {
      maxBytes: 100_000,
      connectTimeoutMs: 2000,
      headersTimeoutMs: 2000,
      bodyTimeoutMs: 2000,
      deadlineMs: 5000,
      retry: { retries: 0, baseMs: 1, maxMs: 1, retryAfterCapMs: 1 },
    },
  });
  await mirror.close();
  mirror = null;
  return result;
}

const record = (root: string) => {
  const dir = path.join(root, 'announcements');
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md') && !path.basename(f).startsWith('_'));
  expect(files).toHaveLength(1);
  return readFile(readFileSync(path.join(dir, files[0]!), 'utf8')).data;
};
const byName = (d: Record<string, unknown>) =>
  Object.fromEntries((d['attachments'] as { url: string }[]).map((a) => [a.url.split('/').pop()!, a as Record<string, unknown>]));

describe('attachment faults', () => {
  it('each bad file is reported on its own, the article and the good list are written, and later faults keep the list', async () => {
    const root = copyContentRoot();
    await run(root, routes(goodList), '2026-05-02T01:00:00Z');
    const first = record(root);
    const a = byName(first);
    expect(a['list.xlsx']).toMatchObject({ status: 'parsed', facts: { enterpriseCount: 3 } });
    expect(a['missing.pdf']).toMatchObject({ status: 'missing', reason: 'HTTP 404' });
    expect(a['huge.xls']).toMatchObject({ status: 'oversize' });
    expect(a['page.pdf']).toMatchObject({ status: 'unsupported' });
    expect(a['broken.docx']).toMatchObject({ status: 'corrupt' });
    expect(a['scan.pdf']).toMatchObject({ status: 'no-text-layer' });
    expect(first['enterpriseCount']).toBe(3);
    const kept = a['list.xlsx'];

    const faults: Record<string, Handler> = {
      'not found': (_q, r) => send(r, 404, 'no'),
      'server error': (_q, r) => send(r, 500, 'busy'),
      'wrong type': (_q, r) => send(r, 200, '<html><body>维护中</body></html>', 'text/html'),
      corrupt: (_q, r) => send(r, 200, make.xlsx().subarray(0, 300)),
      'no text layer': (_q, r) => send(r, 200, make.pdf()),
      oversize: (_q, r) => send(r, 200, new Uint8Array(300_000)),
    };
    let n = 0;
    for (const [name, fault] of Object.entries(faults)) {
      n++;
      // The page changes (so it is read again), the list faults.
      await run(root, routes(fault, `（第${n}次修订）`), `2026-05-0${2 + n}T01:00:00Z`);
      const d = record(root);
      expect(byName(d)['list.xlsx'], name).toEqual(kept);
      expect(d['enterpriseCount'], name).toBe(3);
      expect(d['relevant'], name).toBe(true);
    }
  });

  it('a corrupt file or an HTML page where a document is linked backs off (data), not fetched on every run', async () => {
    const root = copyContentRoot();
    const item = () => Object.values(JSON.parse(readFileSync(path.join(root, '_state/seen.json'), 'utf8'))[source.id] as Record<string, SeenItem>)[0]!;
    // broken.docx (corrupt) and page.pdf (an HTML page) are the only files left to read again.
    const hours = ['01', '02', '03', '04'];
    const states: (number | undefined)[] = [];
    for (const h of hours) {
      await run(root, routes(goodList), `2026-05-02T${h}:00:00Z`);
      states.push(item().attachmentFailures);
    }
    // Runs 1-3 fetch the page and its files (the next two runs after the first: no pause yet);
    // after the third bad answer in a row the item waits a day, so run 4 fetches nothing.
    expect(states).toEqual([1, 2, 3, 3]);
    expect(item()).toMatchObject({ retry: 'attachments', nextTryAt: '2026-05-03T03:00:00.000Z' });
    expect(byName(record(root))['list.xlsx']).toMatchObject({ status: 'parsed' });
  });

  it('a transient attachment failure is tried again on the next run, through the whole page', async () => {
    const root = copyContentRoot();
    await run(
      root,
      routes((_q, r) => send(r, 503, 'busy')),
      '2026-05-02T01:00:00Z',
    );
    expect(byName(record(root))['list.xlsx']).toMatchObject({ status: 'failed' });
    const seen = JSON.parse(readFileSync(path.join(root, '_state/seen.json'), 'utf8'))[source.id];
    expect(Object.values(seen as Record<string, { retry?: string }>).some((s) => s.retry === 'attachments')).toBe(true);
    await run(root, routes(goodList), '2026-05-03T01:00:00Z');
    expect(byName(record(root))['list.xlsx']).toMatchObject({ status: 'parsed' });
    expect(record(root)['enterpriseCount']).toBe(3);
  });
});
