/**
 * `npm run serve-fixtures -- [--port N] [--root DIR]`: serve recorded sites (default
 * ../shared/fixtures: sites/ + responses.json) on 127.0.0.1, laid out as the scrape mirror
 * expects: http://127.0.0.1:PORT/<host>/<path> is https://<host>/<path>. The server is the tests'
 * (tests/helpers/fixture-server.ts).
 */
import path from 'node:path';
import { SHARED_FIXTURES, serveFixtures } from '../tests/helpers/fixture-server.ts';
import { command } from './cli.ts';

const HELP = `Usage: npm run serve-fixtures -- [--port N] [--root DIR]

Serves DIR/sites (default ../shared/fixtures) with DIR/responses.json on 127.0.0.1 (port 8089).
Then: npm run scrape -- --sources ../shared/fixtures/sources.json --mirror http://127.0.0.1:N --content /tmp/content`;

const { values, fail } = command('serve-fixtures', HELP, { port: { type: 'string', default: '8089' }, root: { type: 'string' } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, got ${values.port}`);
const root = path.resolve(values.root ?? SHARED_FIXTURES);
const s = await serveFixtures({ roots: [root], port });
console.error(`serving ${root}/sites at ${s.url} (mirror layout: ${s.url}/<host>/<path>); Ctrl-C to stop`);
