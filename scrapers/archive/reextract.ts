/**
 * Re-extraction: the current extractor over the archive, no fetching. Each archived article goes
 * through the same extractor and writer as a scrape; attachments are not fetched again, their
 * stored tables are read again for facts. The writer writes only real changes, so a second run
 * writes nothing; every change-log entry of a run names the extractor version ("reextract 1.1.0"),
 * as does the record's `extraction.version`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import type { AttachmentRecord } from '../../src/model/schemas.ts';
import { factsEntry, type AttachmentData } from '../attachments/entry.ts';
import { loadVocabulary } from '../extract/vocab.ts';
import type { Extractor } from '../ingest.ts';
import { readFile as readAnnouncement } from '../write/frontmatter.ts';
import type { ExtractedArticle } from '../write/extracted.ts';
import { writeAnnouncement, type WriteOutcome } from '../write/write-announcement.ts';
import { readArchive } from './store.ts';

export interface ReextractOptions {
  contentRoot: string;
  archiveRoot: string;
  now: string;
  extractor: Extractor;
  dryRun?: boolean | undefined;
}

export interface ReextractResult {
  articles: number;
  counts: Record<WriteOutcome, number>;
  /** Announcement files written (new or changed), relative to the content root. */
  written: string[];
  errors: { url: string; reason: string }[];
  version: string;
}

/** Attachments of the announcements on disk, by canonical URL. */
async function storedAttachments(contentRoot: string): Promise<Map<string, AttachmentRecord[]>> {
  const out = new Map<string, AttachmentRecord[]>();
  for (const rel of (await glob('announcements/**/*.{md,mdx}', { cwd: contentRoot, ignore: ['**/_*', '**/_*/**'] })).sort()) {
    try {
      const { data } = readAnnouncement(await readFile(path.join(contentRoot, rel), 'utf8'));
      if (typeof data['canonicalUrl'] === 'string' && Array.isArray(data['attachments']))
        out.set(data['canonicalUrl'], data['attachments'] as AttachmentRecord[]);
    } catch {
      // An unreadable file is the writer's to report when it reaches it.
    }
  }
  return out;
}

export async function reextract(o: ReextractOptions): Promise<ReextractResult> {
  const vocab = loadVocabulary(o.contentRoot);
  const attachmentsByUrl = await storedAttachments(o.contentRoot);
  const result: ReextractResult = { articles: 0, counts: { new: 0, changed: 0, unchanged: 0, irrelevant: 0, error: 0 }, written: [], errors: [], version: '' };
  for await (const entry of readArchive(o.archiveRoot)) {
    if ('error' in entry) {
      result.errors.push({ url: entry.file, reason: entry.error });
      result.counts.error++;
      continue;
    }
    result.articles++;
    const { meta, body } = entry;
    let ex: unknown;
    try {
      ex = await o.extractor(
        { body, url: meta.url, contentType: meta.headers['content-type'] ?? null, feedItem: meta.feedItem, listDate: meta.listItem.date },
        o.contentRoot,
      );
    } catch (err) {
      ex = { error: 'threw', reason: (err as Error).message };
    }
    const r = ex as Partial<ExtractedArticle> & { error?: unknown; reason?: unknown };
    if (!r || typeof r !== 'object' || r.error !== undefined || typeof r.bodyHtml !== 'string') {
      result.errors.push({ url: meta.url, reason: `extraction failed: ${String(r?.error ?? 'no result')}${r?.reason ? `: ${String(r.reason)}` : ''}` });
      result.counts.error++;
      continue;
    }
    const version = typeof r.version === 'string' ? r.version : '';
    result.version ||= version;
    const attachmentData: Record<string, AttachmentData> = {};
    for (const a of attachmentsByUrl.get(meta.url) ?? []) {
      const { name: _n, url, type: _t, facts: _f, ...rest } = a;
      attachmentData[url] =
        a.status === 'parsed' && a.tables ? { ...rest, ...factsEntry(a.tables, vocab) } : { ...rest, ...(a.facts ? { facts: a.facts } : {}) };
    }
    const w = await writeAnnouncement(
      o.contentRoot,
      { sourceId: meta.sourceId, district: meta.district, url: meta.url, linkedUrl: meta.linkedUrl, listTitle: meta.listItem.title },
      { ...(r as ExtractedArticle), attachmentData },
      { now: o.now, dryRun: o.dryRun ?? false, via: `reextract ${version || 'unknown'}` },
    );
    result.counts[w.outcome]++;
    if (w.outcome === 'error') result.errors.push({ url: meta.url, reason: w.reason ?? 'write failed' });
    if ((w.outcome === 'new' || w.outcome === 'changed') && w.file) result.written.push(w.file);
  }
  return result;
}
