/**
 * Local HTTP servers for tests and benchmarks (127.0.0.1, port 0 unless given; nothing touches
 * the network), one implementation for all:
 * - `serve(handler)`: any behaviour, every request logged;
 * - `serveFixtures(o)`: recorded sites in the scrape mirror's layout,
 *   `http://127.0.0.1:PORT/<host>/<path>` answering what `https://<host>/<path>` would, from folders
 *   laid out as ../shared/fixtures (sites/<host>/<path>, a path ending in / is its index.html, and
 *   responses.json: `<host>/<path>` -> status and headers), with per-path routes for faults;
 * - `serveDir(dir)`: a built site's files (dist/) as a static host serves them.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';

export interface Served {
  method: string;
  /** `<host>/<path>?query` as requested (the mirror layout), without the leading slash. */
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The status answered, once the answer is sent. */
  status?: number;
}

export interface TestServer {
  url: string;
  port: number;
  /** Every request, in arrival order. */
  requests: Served[];
  /** Stops listening and ends open connections. */
  close(): Promise<void>;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, served: Served) => void;

export interface ServeOptions {
  port?: number;
  /** Answer 503 to every request past this many (a runaway client cannot loop for ever). */
  maxRequests?: number;
}

/** A server whose behaviour is `handler`; every request is logged first. */
export function serve(handler: Handler, o: ServeOptions = {}): Promise<TestServer> {
  const requests: Served[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const served: Served = { method: req.method ?? 'GET', path: (req.url ?? '/').replace(/^\/+/, ''), headers: req.headers };
    requests.push(served);
    res.on('finish', () => (served.status = res.statusCode));
    if (o.maxRequests !== undefined && requests.length > o.maxRequests) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('test server request budget exhausted');
      return;
    }
    handler(req, res, served);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  let closed: Promise<void> | null = null;
  const close = () =>
    (closed ??= new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, port, requests, close });
    });
  });
}

export interface FixtureResponse {
  status: number;
  headers?: Record<string, string>;
}

export interface FixtureOptions extends ServeOptions {
  /** Folders holding `sites/` and optionally `responses.json`, overlaid: a path is served from the first that has it. */
  roots?: string[];
  /** `<host>/<path>` (no query) -> behaviour; wins over the folders. */
  routes?: Record<string, Handler>;
  /** Answer a matching If-None-Match / If-Modified-Since with 304 (default true). */
  conditional?: boolean;
}

/** The recorded customs pages next to the project (absent outside the project workspace). */
export const SHARED_FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures');

const NOT_FOUND = '<html><body><h1>404 Not Found</h1></body></html>';

/** Recorded sites (and routes) in the scrape mirror's layout. */
export function serveFixtures(o: FixtureOptions): Promise<TestServer> {
  const layers = (o.roots ?? []).map((root) => {
    const responsesFile = path.join(root, 'responses.json');
    const responses: Record<string, FixtureResponse> = existsSync(responsesFile) ? JSON.parse(readFileSync(responsesFile, 'utf8')) : {};
    return { sites: path.join(root, 'sites'), responses };
  });
  const isFile = (f: string) => existsSync(f) && statSync(f).isFile();
  return serve((req, res) => {
    const key = decodeURIComponent((req.url ?? '/').replace(/^\/+/, '').split('?')[0] ?? '');
    const route = o.routes?.[key];
    if (route) return route(req, res, { method: req.method ?? 'GET', path: key, headers: req.headers });
    const rel = key.endsWith('/') || key === '' ? `${key}index.html` : key;
    const send = (status: number, headers: Record<string, string>, body?: Buffer) => res.writeHead(status, headers).end(body);
    if (layers.some((l) => !path.join(l.sites, rel).startsWith(l.sites + path.sep)))
      return send(400, { 'content-type': 'text/plain' }, Buffer.from('bad path'));
    const layer = layers.find((l) => l.responses[key] || isFile(path.join(l.sites, rel)));
    const file = layer && isFile(path.join(layer.sites, rel)) ? path.join(layer.sites, rel) : null;
    const entry = layer?.responses[key];
    if (!entry && !file) return send(404, { 'content-type': 'text/html;charset=utf-8' }, Buffer.from(NOT_FOUND));
    const status = entry?.status ?? 200;
    const headers = { ...(entry?.headers ?? { 'content-type': 'text/html;charset=utf-8' }) };
    if (status === 200 && o.conditional !== false) {
      const inm = req.headers['if-none-match'];
      const ims = req.headers['if-modified-since'];
      if ((inm && headers['etag'] && inm === headers['etag']) || (!inm && ims && headers['last-modified'] && ims === headers['last-modified'])) {
        const h: Record<string, string> = {};
        for (const k of ['etag', 'last-modified', 'cache-control']) if (headers[k]) h[k] = headers[k]!;
        return send(304, h);
      }
    }
    const body = file ? readFileSync(file) : Buffer.alloc(0);
    send(status, { ...headers, 'content-length': String(body.length) }, body);
  }, o);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** The files of a built site, `/` as index.html, 404 for anything else. */
export function serveDir(dir: string, o: ServeOptions = {}): Promise<TestServer> {
  const root = path.resolve(dir);
  return serve((req, res) => {
    let p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (p.endsWith('/')) p += 'index.html';
    const file = path.join(root, path.normalize(p));
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size });
    createReadStream(file).pipe(res);
  }, o);
}
