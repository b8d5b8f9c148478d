/**
 * npm run scrape -- [--source id...] [--sources FILE] [--since YYYY-MM-DD] [--mirror URL]
 *                   [--content DIR] [--delay MS] [--dry-run] [--browser | --no-browser] [--headless]
 *                   [--max-pages N]
 * Progress on stderr (a line per source), summary table on stdout.
 * Exit 0: all configured sources ok; 2: partial (some blocked or failing); 1: fatal.
 */
import path from 'node:path';
import { MIRROR_ENV } from '../scrapers/http/mirror.ts';
import { scrape, summaryTable } from '../scrapers/run/scrape.ts';
import { command, contentRootOf, delayOf, mirrorOf, registryOf } from './cli.ts';

const HELP = `Usage: npm run scrape -- [options]

  --source ID        run only this source (repeatable); default: all registered sources
  --sources FILE     replace the registry with the declarations in FILE
                     ({"sources": [{"id", "kind": "html-list"|"rss", "url", "district"}]})
  --since DATE       skip list items dated before DATE (YYYY-MM-DD)
  --mirror URL       fetch https://host/path from URL/host/path (env ${MIRROR_ENV}); the
                     allow-list of source hosts is checked first
  --content DIR      content root (default: content/, or env ROLLOUT_CONTENT_DIR)
  --delay MS         minimum pause between requests to one host (default 2000; robots
                     Crawl-delay may raise it)
  --max-pages N      list pages per source at most (default 10)
  --timeout MS       connect, headers and body timeout per request (default 10000/20000/20000)
  --dry-run          fetch and report, write nothing
  (default)          a page or robots.txt that answers the JavaScript challenge is fetched
                     again, in the same run, by Chromium (playwright-core): headed, on an
                     Xvfb display started for it when there is none
  --browser          fetch every HTML page with Chromium, challenged or not
  --no-browser       never start Chromium: challenged sources are reported blocked
  --headless         run Chromium headless (the real WAF is reported to refuse it)
  --raw-dir DIR      also write every fetched article (metadata + raw bytes) to DIR
  --help             this text

Exit status: 0 all configured sources ok, 2 some blocked or failing, 1 fatal.
Run state and report: <content>/_state/ (validators.json, seen.json, report.json).`;

const { values: args, fail } = command('scrape', HELP, {
  source: { type: 'string', multiple: true },
  sources: { type: 'string' },
  since: { type: 'string' },
  mirror: { type: 'string' },
  content: { type: 'string' },
  delay: { type: 'string' },
  'max-pages': { type: 'string' },
  timeout: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  browser: { type: 'boolean', default: false },
  'no-browser': { type: 'boolean', default: false },
  headless: { type: 'boolean', default: false },
  // Headed is the default now; kept so older command lines still work.
  headed: { type: 'boolean', default: false },
  'raw-dir': { type: 'string' },
});
if (args.browser && args['no-browser']) fail('--browser and --no-browser exclude each other');
if (args.since && !/^\d{4}-\d{2}-\d{2}$/.test(args.since)) fail(`--since must be YYYY-MM-DD, got ${args.since}`);
const delayMs = delayOf(args.delay, fail);
const maxPages = args['max-pages'] === undefined ? 10 : Number(args['max-pages']);
if (!Number.isInteger(maxPages) || maxPages < 1) fail(`--max-pages must be a positive integer`);
const timeoutMs = args.timeout === undefined ? null : Number(args.timeout);
if (timeoutMs !== null && (!Number.isFinite(timeoutMs) || timeoutMs <= 0)) fail(`--timeout must be a positive number of milliseconds, got ${args.timeout}`);
const mirror = mirrorOf(args.mirror, fail);
const root = contentRootOf(args.content);
const registry = registryOf(args.sources, root, fail);

const tty = process.stderr.isTTY === true;
const result = await scrape({
  contentRoot: root,
  sources: registry,
  only: args.source,
  since: args.since ?? null,
  mirror,
  delayMs,
  maxPages,
  ...(timeoutMs !== null ? { client: { connectTimeoutMs: timeoutMs, headersTimeoutMs: timeoutMs, bodyTimeoutMs: timeoutMs, deadlineMs: timeoutMs * 3 } } : {}),
  dryRun: args['dry-run'],
  browser: args.browser ? 'always' : args['no-browser'] ? 'never' : 'auto',
  headed: !args.headless,
  rawDir: args['raw-dir'] ? path.resolve(args['raw-dir']) : null,
  progress: (line) => {
    const m = /^\[(\d+)\/(\d+)\]/.exec(line);
    if (tty && m) {
      const width = 24;
      const filled = Math.round((Number(m[1]) / Number(m[2])) * width);
      process.stderr.write(`\r\x1b[K${line}\n[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${m[1]}/${m[2]}`);
    } else process.stderr.write(`${line}\n`);
  },
});
if (tty) process.stderr.write('\r\x1b[K');
if (result.fatal) fail(result.fatal);
console.log(summaryTable(result.report));
if (args['dry-run']) console.log('\n(dry run: nothing written)');
process.exit(result.exitCode);
