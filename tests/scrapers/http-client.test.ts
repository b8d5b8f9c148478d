import { describe, expect, it, afterEach } from 'vitest';
import net from 'node:net';
import iconv from 'iconv-lite';
import { buildConnector } from 'undici';
import { HttpClient, USER_AGENT, type HttpOutcome } from '../../scrapers/http/client.ts';
import { decodeHtml } from '../../scrapers/http/charset.ts';
import { backoffMs, retryAfterMs, DEFAULT_RETRY } from '../../scrapers/http/retry.ts';
import { fast } from './helpers.ts';
import { serve, type TestServer } from '../helpers/fixture-server.ts';

const HOSTS = new Set(['a.customs.gov.cn', 'b.customs.gov.cn']);
let servers: TestServer[] = [];
let clients: HttpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  clients = [];
});

async function setup(handler: Parameters<typeof serve>[0], opts: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) {
  const server = await serve(handler);
  servers.push(server);
  const sleeps: number[] = [];
  const client = new HttpClient({ allowedHosts: HOSTS, mirror: server.url, ...fast, sleep: async (ms) => void sleeps.push(ms), ...opts });
  clients.push(client);
  return { server, client, sleeps };
}

const page = (res: import('node:http').ServerResponse, body = '<html><body>ok</body></html>', headers: Record<string, string> = {}) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
};
const noRobots = (path: string, res: import('node:http').ServerResponse) => {
  if (path.endsWith('/robots.txt')) {
    res.writeHead(404).end();
    return true;
  }
  return false;
};
const response = (o: HttpOutcome) => {
  if (o.kind !== 'response') throw new Error(`expected a response, got ${o.failure}: ${o.reason}`);
  return o;
};

describe('allow-list and redirects', () => {
  it('refuses an off-site redirect without ever requesting it', async () => {
    const { server, client } = await setup((_req, res, hit) => {
      if (noRobots(hit.path, res)) return;
      res.writeHead(301, { location: 'https://evil.example/phish' }).end();
    });
    const o = await client.get('https://a.customs.gov.cn/x/index.html');
    expect(o.kind).toBe('failure');
    if (o.kind === 'failure') {
      expect(o.failure).toBe('refused');
      expect(o.reason).toMatch(/redirect refused.*evil\.example/);
    }
    expect(server.requests.some((h) => h.path.includes('evil.example'))).toBe(false);
  });

  it('refuses IP-literal and unregistered hosts before any request', async () => {
    const { server, client } = await setup((_req, res) => page(res));
    for (const u of ['https://127.0.0.1/x', 'https://[::1]/x', 'https://not-registered.gov.cn/x', 'file:///etc/passwd']) {
      const o = await client.get(u);
      expect(o.kind, u).toBe('failure');
    }
    expect(server.requests).toHaveLength(0);
  });

  it('follows a same-site redirect through the mirror and reports the final real URL', async () => {
    const { server, client } = await setup((_req, res, hit) => {
      if (noRobots(hit.path, res)) return;
      if (hit.path === 'a.customs.gov.cn/old/index.html') res.writeHead(302, { location: 'https://a.customs.gov.cn/new/page.html' }).end();
      else if (hit.path === 'a.customs.gov.cn/new/page.html') page(res, '<html><body>moved</body></html>');
      else res.writeHead(404).end();
    });
    const o = response(await client.get('https://a.customs.gov.cn/old/index.html'));
    expect(o.status).toBe(200);
    expect(o.url).toBe('https://a.customs.gov.cn/new/page.html');
    expect(server.requests.map((h) => h.path)).toContain('a.customs.gov.cn/new/page.html');
  });

  it('stops after 3 redirects', async () => {
    const { client } = await setup((_req, res, hit) => {
      if (noRobots(hit.path, res)) return;
      const n = Number(/r(\d+)/.exec(hit.path)?.[1] ?? 0);
      res.writeHead(302, { location: `https://a.customs.gov.cn/r${n + 1}` }).end();
    });
    const o = await client.get('https://a.customs.gov.cn/r0');
    expect(o.kind === 'failure' && o.failure).toBe('redirects');
  });
});

describe('retries and status codes', () => {
  it('retries 5xx with backoff and succeeds when the server recovers', async () => {
    let calls = 0;
    const { client, sleeps } = await setup(
      (_req, res, hit) => {
        if (noRobots(hit.path, res)) return;
        calls++;
        if (calls <= 2) res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
        else page(res, '<html><body>finally</body></html>');
      },
      { retry: { retries: 3, baseMs: 100, maxMs: 1000, retryAfterCapMs: 5000 } },
    );
    const o = response(await client.get('https://a.customs.gov.cn/flaky'));
    expect(o.attempts).toBe(3);
    expect(Buffer.from(o.body).toString()).toContain('finally');
    // Two waits, each within the exponential ceiling (100, then 200 ms).
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]!).toBeLessThanOrEqual(100);
    expect(sleeps[1]!).toBeLessThanOrEqual(200);
  });

  it('gives up after the retry budget and reports the status', async () => {
    const { client, server } = await setup(
      (_req, res, hit) => {
        if (noRobots(hit.path, res)) return;
        res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>500 Internal Server Error</h1>');
      },
      { retry: { retries: 2, baseMs: 10, maxMs: 10, retryAfterCapMs: 10 } },
    );
    const o = await client.get('https://a.customs.gov.cn/broken');
    expect(o.kind === 'failure' && o.failure).toBe('server');
    expect(o.kind === 'failure' && o.status).toBe(500);
    expect(server.requests.filter((h) => h.path.endsWith('/broken'))).toHaveLength(3);
  });

  it('does not retry a 404 or a 412', async () => {
    const { client, server } = await setup((_req, res, hit) => {
      if (noRobots(hit.path, res)) return;
      res.writeHead(hit.path.endsWith('gone') ? 404 : 412, { 'content-type': 'text/html' }).end('no');
    });
    expect(response(await client.get('https://a.customs.gov.cn/gone')).status).toBe(404);
    expect(response(await client.get('https://a.customs.gov.cn/waf')).status).toBe(412);
    expect(server.requests.filter((h) => !h.path.endsWith('robots.txt'))).toHaveLength(2);
  });

  it('honours Retry-After but caps it', async () => {
    let calls = 0;
    const { client, sleeps } = await setup(
      (_req, res, hit) => {
        if (noRobots(hit.path, res)) return;
        if (++calls === 1) res.writeHead(503, { 'retry-after': '3600' }).end();
        else page(res);
      },
      { retry: { retries: 1, baseMs: 10, maxMs: 10, retryAfterCapMs: 1500 } },
    );
    response(await client.get('https://a.customs.gov.cn/later'));
    expect(sleeps).toEqual([1500]);
  });

  it('backoff stays within its exponential ceiling and Retry-After dates are understood', () => {
    for (let a = 0; a < 6; a++) {
      expect(backoffMs(a, DEFAULT_RETRY, () => 1)).toBe(Math.min(DEFAULT_RETRY.maxMs, DEFAULT_RETRY.baseMs * 2 ** a));
      expect(backoffMs(a, DEFAULT_RETRY, () => 0)).toBe(0);
    }
    const now = Date.parse('2026-05-01T00:00:00Z');
    expect(retryAfterMs('Fri, 01 May 2026 00:00:10 GMT', DEFAULT_RETRY, now)).toBe(10_000);
    expect(retryAfterMs('soon', DEFAULT_RETRY, now)).toBeNull();
  });

  it('retries a connection reset', async () => {
    let calls = 0;
    const { client } = await setup((req, res, hit) => {
      if (noRobots(hit.path, res)) return;
      if (++calls === 1) req.socket.destroy();
      else page(res);
    });
    const o = response(await client.get('https://a.customs.gov.cn/reset'));
    expect(o.attempts).toBe(2);
  });
});

describe('timeouts and size', () => {
  const noRetry = { retries: 0, baseMs: 1, maxMs: 1, retryAfterCapMs: 1 };

  it('headers timeout: the server never answers', async () => {
    const { client } = await setup(
      (_req, res, hit) => {
        if (noRobots(hit.path, res)) return;
        // never respond
      },
      { headersTimeoutMs: 300, retry: noRetry },
    );
    const o = await client.get('https://a.customs.gov.cn/silent');
    expect(o.kind === 'failure' && o.failure).toBe('timeout');
    expect(o.kind === 'failure' && o.reason).toMatch(/headers timeout/);
  });

  it('body timeout: the body stalls after the headers', async () => {
    const { client } = await setup(
      (_req, res, hit) => {
        if (noRobots(hit.path, res)) return;
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body>start');
      },
      { bodyTimeoutMs: 300, retry: noRetry },
    );
    const o = await client.get('https://a.customs.gov.cn/stall');
    expect(o.kind === 'failure' && o.reason).toMatch(/body timeout/);
  });

  it('total deadline: a body that trickles forever', async () => {
    const { client } = await setup(
      (_req, res, hit) => {
        if (noRobots(hit.path, res)) return;
        res.writeHead(200, { 'content-type': 'text/html' });
        const t = setInterval(() => res.write('.'), 50);
        res.on('close', () => clearInterval(t));
      },
      { bodyTimeoutMs: 1000, deadlineMs: 500, retry: noRetry },
    );
    const o = await client.get('https://a.customs.gov.cn/trickle');
    expect(o.kind === 'failure' && o.reason).toMatch(/deadline/);
  });

  it('connect timeout: a connect that never completes', async () => {
    // A host that swallows the SYN: the TCP connect never completes.
    const never: buildConnector.connector = () => undefined;
    const { client } = await setup((_req, res) => page(res), { connector: never, connectTimeoutMs: 200, retry: noRetry, robots: false });
    const o = await client.get('https://a.customs.gov.cn/slow-connect');
    expect(o.kind === 'failure' && o.failure).toBe('timeout');
    expect(o.kind === 'failure' && o.reason).toMatch(/connect timeout/);
  });

  it('refuses an oversize body, declared or streamed', async () => {
    const big = 'x'.repeat(50_000);
    const { client } = await setup(
      (_req, res, hit) => {
        if (noRobots(hit.path, res)) return;
        if (hit.path.endsWith('declared')) page(res, big);
        else {
          res.writeHead(200, { 'content-type': 'text/html', 'transfer-encoding': 'chunked' });
          for (let i = 0; i < 10; i++) res.write(big.slice(0, 5000));
          res.end();
        }
      },
      { maxBytes: 20_000, retry: noRetry },
    );
    for (const p of ['declared', 'chunked']) {
      const o = await client.get(`https://a.customs.gov.cn/${p}`);
      expect(o.kind === 'failure' && o.failure, p).toBe('oversize');
    }
  });
});

describe('robots.txt (RFC 9309)', () => {
  it('obeys Disallow for our agent and allows the rest', async () => {
    const { client, server } = await setup((_req, res, hit) => {
      if (hit.path === 'a.customs.gov.cn/robots.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
      } else page(res);
    });
    const denied = await client.get('https://a.customs.gov.cn/private/list.html');
    expect(denied.kind === 'failure' && denied.failure).toBe('robots');
    response(await client.get('https://a.customs.gov.cn/public/list.html'));
    expect(server.requests.some((h) => h.path.includes('/private/'))).toBe(false);
    expect(server.requests.filter((h) => h.path.endsWith('robots.txt'))).toHaveLength(1);
  });

  it('a 5xx robots.txt closes the host; a 404 opens it', async () => {
    const { client, server } = await setup(
      (_req, res, hit) => {
        if (hit.path === 'a.customs.gov.cn/robots.txt') res.writeHead(503).end();
        else if (hit.path === 'b.customs.gov.cn/robots.txt') res.writeHead(404).end();
        else page(res);
      },
      { retry: { retries: 0, baseMs: 1, maxMs: 1, retryAfterCapMs: 1 } },
    );
    const a = await client.get('https://a.customs.gov.cn/list.html');
    expect(a.kind === 'failure' && a.reason).toMatch(/robots\.txt answered HTTP 503: disallow all/);
    response(await client.get('https://b.customs.gov.cn/list.html'));
    expect(server.requests.some((h) => h.path === 'a.customs.gov.cn/list.html')).toBe(false);
  });

  it('honours Crawl-delay as the host delay', async () => {
    const { client, sleeps } = await setup((_req, res, hit) => {
      if (hit.path.endsWith('robots.txt')) res.writeHead(200).end('User-agent: RolloutWatch\nCrawl-delay: 7\nAllow: /\n');
      else page(res);
    });
    response(await client.get('https://a.customs.gov.cn/1.html'));
    response(await client.get('https://a.customs.gov.cn/2.html'));
    expect(Math.max(...sleeps)).toBeGreaterThan(6000);
  });
});

describe('politeness, headers and decoding', () => {
  it('sends one request at a time per host, hosts in parallel', async () => {
    // Requests are held until both hosts have one open, then answered together: a client that
    // sent two to one host would show it on arrival, and one that serialised the hosts would never
    // get its first answer.
    const active = new Map<string, number>();
    const maxActive = new Map<string, number>();
    let maxTotal = 0;
    let open: { host: string; res: import('node:http').ServerResponse }[] = [];
    const { client } = await setup((_req, res, hit) => {
      if (noRobots(hit.path, res)) return;
      const host = hit.path.split('/')[0]!;
      active.set(host, (active.get(host) ?? 0) + 1);
      open.push({ host, res });
      maxTotal = Math.max(maxTotal, open.length);
      maxActive.set(host, Math.max(maxActive.get(host) ?? 0, active.get(host)!));
      if (new Set(open.map((o) => o.host)).size < 2) return;
      for (const o of open) {
        active.set(o.host, active.get(o.host)! - 1);
        page(o.res);
      }
      open = [];
    });
    await Promise.all(['a', 'a', 'a', 'b', 'b', 'b'].map((h, i) => client.get(`https://${h}.customs.gov.cn/${i}.html`)));
    expect(maxActive.get('a.customs.gov.cn')).toBe(1);
    expect(maxActive.get('b.customs.gov.cn')).toBe(1);
    expect(maxTotal).toBe(2);
  });

  it('waits the minimum delay between two requests to one host', async () => {
    const { client, sleeps } = await setup(
      (_req, res, hit) => {
        if (noRobots(hit.path, res)) return;
        page(res);
      },
      { delayMs: 2000 },
    );
    response(await client.get('https://a.customs.gov.cn/1.html'));
    response(await client.get('https://a.customs.gov.cn/2.html'));
    expect(sleeps.some((ms) => ms > 1500 && ms <= 2000)).toBe(true);
  });

  it('sends an honest User-Agent and the validators of a conditional GET', async () => {
    const { client, server } = await setup((req, res, hit) => {
      if (noRobots(hit.path, res)) return;
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end();
      else page(res, 'x', { etag: '"v1"' });
    });
    const first = response(await client.get('https://a.customs.gov.cn/list.html'));
    expect(first.headers['etag']).toBe('"v1"');
    const second = response(await client.get('https://a.customs.gov.cn/list.html', { etag: '"v1"', lastModified: 'Fri, 22 May 2026 06:35:08 GMT' }));
    expect(second.status).toBe(304);
    const last = server.requests.at(-1)!;
    expect(last.headers['if-none-match']).toBe('"v1"');
    expect(last.headers['if-modified-since']).toBe('Fri, 22 May 2026 06:35:08 GMT');
    expect(last.headers['user-agent']).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/https?:\/\//);
  });

  it('decodes a GBK page served as gb2312 to the right text', async () => {
    const html = '<html><head><meta charset="gb2312"><title>商务动态</title></head><body><div class="xl_tit">泉州茶叶出口“一品一策”</div></body></html>';
    const { client } = await setup((_req, res, hit) => {
      if (noRobots(hit.path, res)) return;
      res.writeHead(200, { 'content-type': 'text/html; charset=gb2312' });
      res.end(iconv.encode(html, 'gbk'));
    });
    const o = response(await client.get('https://a.customs.gov.cn/gbk.htm'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(o.body)).toThrow();
    const d = decodeHtml(o.body, o.headers['content-type']);
    expect(d.text).toContain('泉州茶叶出口“一品一策”');
    // Without the header, the <meta> must still lead to the right decoding.
    expect(decodeHtml(o.body, 'text/html').text).toContain('泉州茶叶出口');
  });
});

describe('no request escapes to the network', () => {
  it('the mirror is applied after the allow-list, so a mirrored client still refuses off-list hosts', async () => {
    const { client, server } = await setup((_req, res) => page(res));
    const o = await client.get('https://evil.example/phish');
    expect(o.kind === 'failure' && o.failure).toBe('refused');
    expect(server.requests).toHaveLength(0);
    expect(net.isIP('127.0.0.1')).toBe(4);
  });
});
