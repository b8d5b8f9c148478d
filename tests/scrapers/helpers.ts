/** Shared pieces of the scraper tests (their local servers: tests/helpers/fixture-server.ts). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { SHARED_FIXTURES } from '../helpers/fixture-server.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SHARED = SHARED_FIXTURES;
export const hasShared = existsSync(path.join(SHARED, 'expected.json'));
export const OWN_FIXTURES = path.join(ROOT, 'tests/fixtures/scrapers');

export function noteSkip(what: string): void {
  if (!hasShared) console.warn(`[skip] ${what}: ../shared/fixtures not found (a clone outside the project workspace has no shared fixtures)`);
}

/** Client options for fast tests: no politeness delay, short timeouts, no real sleeping. */
export const fast = { delayMs: 0, connectTimeoutMs: 2000, headersTimeoutMs: 2000, bodyTimeoutMs: 2000, deadlineMs: 5000 };

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import type { FetchedArticle, IngestArticle } from '../../scrapers/types.ts';

/**
 * A stand-in for the writer's ingest (scrapers/ingest.ts), so crawl tests do not depend on
 * extraction: one file per article, keyed by URL, rewritten only when the bytes changed.
 */
export function recordingIngest(): { ingest: IngestArticle; received: FetchedArticle[] } {
  const received: FetchedArticle[] = [];
  const ingest: IngestArticle = async (root, article, { dryRun }) => {
    received.push(article);
    const name = createHash('sha256').update(article.url).digest('hex').slice(0, 12);
    const rel = path.join('announcements', article.sourceId, `${name}.md`);
    const file = path.join(root, rel);
    const text = `---\nurl: ${article.url}\nbytes: ${createHash('sha256').update(article.body).digest('hex')}\n---\n`;
    const before = existsSync(file) ? readFileSync(file, 'utf8') : null;
    if (before === text) return { outcome: 'unchanged', file: rel };
    if (!dryRun) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    return { outcome: before === null ? 'new' : 'changed', file: rel };
  };
  return { ingest, received };
}

/** sha256 of every file below `dir`, by relative path. */
export function treeHashes(dir: string, base = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) Object.assign(out, treeHashes(p, base));
    else out[path.relative(base, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
  }
  return out;
}
