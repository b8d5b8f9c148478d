/**
 * npm run reextract -- [--content DIR] [--archive DIR] [--dry-run]
 * Runs the current extractor over the archive of fetched articles (<content>/_archive by default)
 * and writes only real changes to the announcements, each noted in the change log as made by
 * "reextract <extractor version>". Nothing is fetched. Exit 0; 2 when some entries failed; 1 usage.
 */
import path from 'node:path';
import { archiveDir } from '../scrapers/archive/store.ts';
import { reextract } from '../scrapers/archive/reextract.ts';
import { loadExtractArticle } from '../scrapers/ingest.ts';
import { command, contentRootOf } from './cli.ts';

const { values: args } = command('reextract', 'usage: npm run reextract -- [--content DIR] [--archive DIR] [--dry-run]', {
  content: { type: 'string' },
  archive: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
});
const root = contentRootOf(args.content);
const r = await reextract({
  contentRoot: root,
  archiveRoot: args.archive ? path.resolve(args.archive) : archiveDir(root),
  now: new Date().toISOString(),
  extractor: await loadExtractArticle(),
  dryRun: args['dry-run'],
});
console.log(
  `extractor ${r.version || '(none run)'}: ${r.articles} archived articles; new ${r.counts.new}, changed ${r.counts.changed}, unchanged ${r.counts.unchanged}, irrelevant ${r.counts.irrelevant}, errors ${r.counts.error}${args['dry-run'] ? ' (dry run: nothing written)' : ''}`,
);
for (const f of r.written) console.log(`  wrote ${f}`);
for (const e of r.errors) console.error(`  error ${e.url}: ${e.reason}`);
process.exit(r.errors.length ? 2 : 0);
