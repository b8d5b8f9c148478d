/**
 * A local, bounded mirror server for scraper tests: `http://127.0.0.1:PORT/<host>/<path>` serves
 * what `https://<host>/<path>` would. Requests are answered by a per-path behaviour (for faults),
 * else from a recorded sites/ folder + responses.json (the ../shared/fixtures layout), else 404.
 * It listens on 127.0.0.1 only, answers at most `maxRequests` requests and closes itself after
 * `lifetimeMs`, so a stuck test can never leave it running.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';

export type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;

export interface MirrorOptions {
  /** Folder laid out as sites/<host>/<path> (a path ending in / maps to index.html). */
  sites?: string;
  /** `<host>/<path>` -> { status, headers } as in ../shared/fixtures/responses.json. */
  responses?: Record<string, { status: number; headers?: Record<string, string> }>;
  /** `<host>/<path>` (no query) -> behaviour; wins over files. */
  routes?: Record<string, Behaviour>;
  maxRequests?: number;
  lifetimeMs?: number;
}

export interface Mirror {
  url: string;
  /** Every request seen: `<host>/<path>?query` and its headers. */
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  close: () => Promise<void>;
}

export async function startMirror(opts: MirrorOptions): Promise<Mirror> {
  const requests: Mirror['requests'] = [];
  const sockets = new Set<Socket>();
  const max = opts.maxRequests ?? 500;
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://mirror');
    const key = decodeURIComponent(u.pathname).replace(/^\/+/, '');
    requests.push({ path: key + u.search, headers: req.headers });
    if (requests.length > max) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('mirror request budget exhausted');
      return;
    }
    const route = opts.routes?.[key];
    if (route) return route(req, res);
    const meta = opts.responses?.[key];
    let file: string | null = null;
    if (opts.sites) {
      const f = path.join(opts.sites, key.endsWith('/') ? `${key}index.html` : key);
      if (f.startsWith(opts.sites) && existsSync(f) && statSync(f).isFile()) file = f;
    }
    if (!meta && !file) {
      res.writeHead(404, { 'content-type': 'text/html;charset=utf-8' }).end('<h1>404</h1>');
      return;
    }
    const headers = meta?.headers ?? { 'content-type': 'text/html;charset=utf-8' };
    const body = file ? readFileSync(file) : Buffer.alloc(0);
    const etag = headers.etag;
    if (etag && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(meta?.status ?? 200, { ...headers, 'content-length': String(body.length) }).end(body);
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  let closed: Promise<void> | null = null;
  const close = () => {
    closed ??= new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });
    return closed;
  };
  const timer = setTimeout(() => void close(), opts.lifetimeMs ?? 60_000);
  timer.unref();
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, close };
}

export const SHARED_FIXTURES = path.resolve(process.cwd(), '../shared/fixtures');

/** Mirror options for the recorded ../shared/fixtures sites. */
export function sharedFixtureOptions(): MirrorOptions {
  return {
    sites: path.join(SHARED_FIXTURES, 'sites'),
    responses: JSON.parse(readFileSync(path.join(SHARED_FIXTURES, 'responses.json'), 'utf8')),
  };
}
