/** Local HTTP servers for scraper tests (127.0.0.1, port 0; nothing touches the network). */
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SHARED = path.resolve(ROOT, '../shared/fixtures');
export const hasShared = existsSync(path.join(SHARED, 'expected.json'));
export const OWN_FIXTURES = path.join(ROOT, 'tests/fixtures/scrapers');

export function noteSkip(what: string): void {
  if (!hasShared) console.warn(`[skip] ${what}: ../shared/fixtures not found (a clone outside the project workspace has no shared fixtures)`);
}

export interface Hit {
  /** `<host>/<path>?query`, as the mirror layout sends it. */
  path: string;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export interface TestServer {
  url: string;
  hits: Hit[];
  close(): Promise<void>;
}

/** A server whose behaviour is a handler; every request is logged first. */
export function serve(handler: (req: http.IncomingMessage, res: http.ServerResponse, hit: Hit) => void): Promise<TestServer> {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    const hit = { path: (req.url ?? '/').replace(/^\//, ''), headers: req.headers, at: Date.now() };
    hits.push(hit);
    handler(req, res, hit);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        hits,
        close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}

/** Client options for fast tests: no politeness delay, short timeouts, no real sleeping. */
export const fast = { delayMs: 0, connectTimeoutMs: 2000, headersTimeoutMs: 2000, bodyTimeoutMs: 2000, deadlineMs: 5000 };
