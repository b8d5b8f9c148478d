/**
 * npm run canary -- [--sources FILE] [--mirror URL] [--content DIR] [--out FILE] [--delay MS]
 *                   [--headless]
 * The live canary: one list page per customs host through the scrape's own code path; writes
 * <content>/_state/canary.json (shown on the source health page) and, with --out, a copy for the
 * workflow's artefact. Exit 0: every host passed; 2: some blocked or failing; 1: fatal.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentRoot as defaultContentRoot } from '../src/model/content-root.ts';
import { MIRROR_ENV } from '../scrapers/http/mirror.ts';
import { canaryTable, runCanary } from '../scrapers/run/canary.ts';
import { stateDir } from '../scrapers/run/state.ts';
import { defaultRegistry, loadSourcesFile } from '../scrapers/sources/registry.ts';

const HELP = `Usage: npm run canary -- [options]

  --sources FILE     replace the registry with the declarations in FILE
  --mirror URL       fetch https://host/path from URL/host/path (env ${MIRROR_ENV})
  --content DIR      content root (default: content/, or env ROLLOUT_CONTENT_DIR)
  --out FILE         also write the report here (the workflow's artefact)
  --delay MS         minimum pause between requests to one host (default 2000)
  --headless         run Chromium headless (default: headed, on an Xvfb display if needed)
  --help             this text

Per customs host: passed (the list page read as its site family), blocked (the challenge did
not pass, even in the browser) or failing (template changed, HTTP error, no column found).
Exit status: 0 all passed, 2 some blocked or failing, 1 fatal.`;

function fail(msg: string): never {
  console.error(`canary: ${msg}\n\n${HELP}`);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    options: {
      sources: { type: 'string' },
      mirror: { type: 'string' },
      content: { type: 'string' },
      out: { type: 'string' },
      delay: { type: 'string' },
      headless: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }).values;
} catch (err) {
  fail((err as Error).message);
}
if (args.help) {
  console.log(HELP);
  process.exit(0);
}
const delayMs = args.delay === undefined ? 2000 : Number(args.delay);
if (!Number.isFinite(delayMs) || delayMs < 0) fail(`--delay must be a number of milliseconds, got ${args.delay}`);
const mirror = args.mirror ?? process.env[MIRROR_ENV] ?? null;
if (mirror && !/^https?:\/\//.test(mirror)) fail(`--mirror must be an http(s) URL, got ${mirror}`);
const root = args.content ? path.resolve(args.content) : defaultContentRoot();
let registry;
try {
  registry = args.sources ? loadSourcesFile(path.resolve(args.sources)) : defaultRegistry(root);
} catch (err) {
  fail(`cannot load sources: ${(err as Error).message}`);
}
const report = await runCanary({ contentRoot: root, sources: registry, mirror, delayMs, headed: !args.headless });
if (report.hosts.length === 0) fail('no customs host among the sources');
if (args.out) copyFileSync(path.join(stateDir(root), 'canary.json'), path.resolve(args.out));
console.log(canaryTable(report));
process.exit(report.hosts.every((h) => h.state === 'passed') ? 0 : 2);
