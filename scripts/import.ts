/**
 * npm run import -- --url URL FILE [FILE...] [--source ID] [--sources FILE] [--content DIR]
 *                   [--charset NAME] [--dry-run]
 * Ingest a page a maintainer saved from a browser (and its attachments) through the same
 * extract and write path as a scrape, with provenance saying it came from a saved copy.
 * Exit 0: written, unchanged or irrelevant; 1: refused or failed (the reason on stderr).
 */
import path from 'node:path';
import { ingestArticle } from '../scrapers/ingest.ts';
import { ImportError, importSaved } from '../scrapers/run/import.ts';
import { command, contentRootOf, registryOf } from './cli.ts';

const HELP = `Usage: npm run import -- --url URL FILE [FILE...] [options]

  --url URL          the address of the page, as the browser showed it (its host must be a
                     registered source's)
  FILE               the page saved from the browser ("Save page as…", HTML), then any
                     attachments saved from it (PDF, XLS…), recorded with the announcement
  --source ID        file it under this source (default: the source that listed it, else the
                     first source on its host)
  --sources FILE     replace the registry with the declarations in FILE
  --content DIR      content root (default: content/, or env ROLLOUT_CONTENT_DIR)
  --charset NAME     the saved file's encoding, when its own declaration is wrong
  --dry-run          extract and validate, write nothing
  --help             this text`;

const {
  values: args,
  positionals,
  fail,
} = command(
  'import',
  HELP,
  {
    url: { type: 'string' },
    source: { type: 'string' },
    sources: { type: 'string' },
    content: { type: 'string' },
    charset: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
  true,
);
const url = args.url ?? fail('--url is required');
if (positionals.length === 0) fail('give the saved page FILE');

const root = contentRootOf(args.content);
const registry = registryOf(args.sources, root, fail);

try {
  const r = await importSaved({
    contentRoot: root,
    url,
    files: positionals.map((f) => path.resolve(f)),
    sources: registry,
    sourceId: args.source,
    charset: args.charset,
    now: new Date().toISOString(),
    dryRun: args['dry-run'],
    ingest: ingestArticle,
  });
  const { outcome, file, reason } = r.result;
  if (outcome === 'error') {
    console.error(`import: ${r.url}: ${reason ?? 'failed'}`);
    process.exit(1);
  }
  console.log(
    `${outcome}: ${r.url} (source ${r.sourceId})${file ? ` -> ${file}` : ''}${outcome === 'irrelevant' ? ' — not about the action: nothing written' : ''}`,
  );
  for (const a of r.provenance.attachments) console.log(`  attachment ${a.file}: ${a.url ?? 'no link of that name on the page'}`);
  if (args['dry-run']) console.log('(dry run: nothing written)');
} catch (err) {
  if (err instanceof ImportError) fail(err.message);
  throw err;
}
