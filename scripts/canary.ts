/**
 * npm run canary -- [--sources FILE] [--mirror URL] [--content DIR] [--out FILE] [--delay MS]
 *                   [--headless]
 * The live canary: one list page per customs host through the scrape's own code path; writes
 * <content>/_state/canary.json (shown on the source health page) and, with --out, a copy for the
 * workflow's artefact. Exit 0: every host passed; 2: some blocked or failing; 1: fatal.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { MIRROR_ENV } from '../scrapers/http/mirror.ts';
import { canaryTable, runCanary } from '../scrapers/run/canary.ts';
import { stateDir } from '../scrapers/run/state.ts';
import { command, contentRootOf, delayOf, mirrorOf, registryOf } from './cli.ts';

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

const { values: args, fail } = command('canary', HELP, {
  sources: { type: 'string' },
  mirror: { type: 'string' },
  content: { type: 'string' },
  out: { type: 'string' },
  delay: { type: 'string' },
  headless: { type: 'boolean', default: false },
});
const delayMs = delayOf(args.delay, fail);
const mirror = mirrorOf(args.mirror, fail);
const root = contentRootOf(args.content);
const registry = registryOf(args.sources, root, fail);
const report = await runCanary({ contentRoot: root, sources: registry, mirror, delayMs, headed: !args.headless });
if (report.hosts.length === 0) fail('no customs host among the sources');
if (args.out) copyFileSync(path.join(stateDir(root), 'canary.json'), path.resolve(args.out));
console.log(canaryTable(report));
process.exit(report.hosts.every((h) => h.state === 'passed') ? 0 : 2);
