/**
 * Serve recorded sites (default ../shared/fixtures/sites + responses.json) on 127.0.0.1, laid out
 * as the scrape mirror expects: http://127.0.0.1:PORT/<host>/<path> is https://<host>/<path>.
 * `npm run serve-fixtures -- [--port N] [--root DIR]`; tests import `startFixtureServer` (port 0).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

export interface FixtureResponse {
  status: number;
  headers: Record<string, string>;
}

export interface ServedRequest {
  method: string;
  /** `<host>/<path>?query` as requested. */
  path: string;
  headers: http.IncomingHttpHeaders;
  status: number;
}

export interface FixtureServer {
  url: string;
  port: number;
  requests: ServedRequest[];
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  /** Folder holding `sites/` and optionally `responses.json`. */
  root: string;
  /** More such folders, overlaid: a path is served from the first folder that has it. */
  more?: string[];
  port?: number;
  /** Answer matching If-None-Match / If-Modified-Since with 304 (default true). */
  conditional?: boolean;
}

export const DEFAULT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/fixtures');

export function startFixtureServer(o: FixtureServerOptions): Promise<FixtureServer> {
  const layers = [o.root, ...(o.more ?? [])].map((root) => {
    const responsesFile = path.join(root, 'responses.json');
    const responses: Record<string, FixtureResponse> = existsSync(responsesFile) ? JSON.parse(readFileSync(responsesFile, 'utf8')) : {};
    return { sites: path.join(root, 'sites'), responses };
  });
  const requests: ServedRequest[] = [];
  const server = http.createServer((req, res) => {
    const raw = (req.url ?? '/').replace(/^\/+/, '');
    const key = decodeURIComponent(raw.split('?')[0] ?? '');
    const rel = key.endsWith('/') || key === '' ? `${key}index.html` : key;
    const send = (status: number, headers: Record<string, string>, body?: Buffer) => {
      requests.push({ method: req.method ?? 'GET', path: raw, headers: req.headers, status });
      res.writeHead(status, headers);
      res.end(body);
    };
    const first = layers[0]!;
    if (!path.join(first.sites, rel).startsWith(first.sites + path.sep)) return send(400, { 'content-type': 'text/plain' }, Buffer.from('bad path'));
    const layer = layers.find((l) => l.responses[key] || (existsSync(path.join(l.sites, rel)) && statSync(path.join(l.sites, rel)).isFile()));
    const file = layer ? path.join(layer.sites, rel) : '';
    const isFile = !!layer && existsSync(file) && statSync(file).isFile();
    const entry = layer?.responses[key];
    if (!entry && !isFile) return send(404, { 'content-type': 'text/html;charset=utf-8' }, Buffer.from('<html><body><h1>404 Not Found</h1></body></html>'));
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
    send(status, headers, isFile ? readFileSync(file) : Buffer.alloc(0));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        requests,
        close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '8089' }, root: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log('npm run serve-fixtures -- [--port N] [--root DIR]\nServes DIR/sites (default ../shared/fixtures) with DIR/responses.json on 127.0.0.1.\nThen: npm run scrape -- --sources ../shared/fixtures/sources.json --mirror http://127.0.0.1:N --content /tmp/content');
  } else {
    const root = path.resolve(values.root ?? DEFAULT_ROOT);
    const s = await startFixtureServer({ root, port: Number(values.port) });
    console.error(`serving ${root}/sites at ${s.url} (mirror layout: ${s.url}/<host>/<path>); Ctrl-C to stop`);
  }
}
