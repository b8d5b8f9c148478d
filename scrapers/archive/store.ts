/**
 * The archive of what extraction read, per article: the page bytes as fetched (Brotli, quality
 * 11: deterministic, a third of gzip's size on these pages), and a JSON file with the URL, the
 * headers that describe the bytes, the fetch date, the list and feed item and the bytes' sha256.
 * `npm run reextract` runs the current extractor over it without fetching anything.
 *
 * Lives in <content root>/_archive/<owner>/<stable id>.{json,body.br} (names as announcements').
 * A version is written once: the same bytes fetched again change no file (the first fetch date of
 * a version is kept), so a no-change scrape writes nothing here either.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FetchedArticle } from '../types.ts';
import { ownerFolder, stableId } from '../write/paths.ts';
import { jsonFileText, writeAtomic, writeFileAtomic } from '../write/store.ts';

const ARCHIVE_FORMAT = 1;

/** Headers that describe the bytes (not the transfer or the moment: no Date, no Set-Cookie). */
const KEPT_HEADERS = ['content-type', 'content-language', 'etag', 'last-modified'];

interface ArchiveMeta {
  format: typeof ARCHIVE_FORMAT;
  url: string;
  linkedUrl: string;
  sourceId: string;
  district: string | null;
  /** When this version of the bytes was first fetched. */
  fetchedAt: string;
  headers: Record<string, string>;
  listItem: { title?: string | undefined; date?: string | undefined };
  feedItem?: FetchedArticle['feedItem'];
  /** sha256 of the bytes as fetched (hex); the body file holds them Brotli-compressed. */
  sha256: string;
  size: number;
}

export interface ArchivedArticle {
  meta: ArchiveMeta;
  body: Uint8Array;
}

export const archiveDir = (contentRoot: string) => path.join(contentRoot, '_archive');

export function archivePaths(archiveRoot: string, district: string | null, url: string): { meta: string; body: string } {
  const base = path.join(archiveRoot, ownerFolder(district, url), stableId(url));
  return { meta: `${base}.json`, body: `${base}.body.br` };
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const compress = (b: Uint8Array) =>
  zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } });

function metaOf(article: FetchedArticle, headers: Record<string, string> = {}): ArchiveMeta {
  const kept: Record<string, string> = {};
  const all: Record<string, string> = { ...headers, ...(article.contentType ? { 'content-type': article.contentType } : {}) };
  for (const h of KEPT_HEADERS) if (all[h]) kept[h] = all[h]!;
  return {
    format: ARCHIVE_FORMAT,
    url: article.url,
    linkedUrl: article.linkedUrl,
    sourceId: article.sourceId,
    district: article.district,
    fetchedAt: article.fetchedAt,
    headers: kept,
    listItem: { ...(article.listItem.title ? { title: article.listItem.title } : {}), ...(article.listItem.date ? { date: article.listItem.date } : {}) },
    ...(article.feedItem ? { feedItem: article.feedItem } : {}),
    sha256: sha256(article.body),
    size: article.body.length,
  };
}

async function readMeta(file: string): Promise<ArchiveMeta | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as ArchiveMeta;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Archive one fetched article. 'unchanged' when the archive already holds these bytes (and this
 * list/feed item), so nothing is written; else the body, then the meta that names its hash.
 */
export async function archiveArticle(
  archiveRoot: string,
  article: FetchedArticle,
  headers: Record<string, string> = {},
): Promise<'new' | 'changed' | 'unchanged'> {
  const p = archivePaths(archiveRoot, article.district, article.url);
  const before = await readMeta(p.meta);
  const fresh = metaOf(article, headers);
  // A feed-only article (no page bytes) never replaces an archived page.
  if (before && fresh.size === 0 && before.size > 0) return 'unchanged';
  const meta: ArchiveMeta =
    before && before.sha256 === fresh.sha256
      ? {
          ...fresh,
          fetchedAt: before.fetchedAt,
          sourceId: before.sourceId < fresh.sourceId ? before.sourceId : fresh.sourceId,
          district: before.district ?? fresh.district,
        }
      : fresh;
  const text = jsonFileText(meta);
  await mkdir(path.dirname(p.meta), { recursive: true });
  if (meta.size > 0 && (!before || before.sha256 !== meta.sha256)) await writeFileAtomic(p.body, compress(article.body));
  const wrote = await writeAtomic(p.meta, text);
  return !before ? 'new' : wrote ? 'changed' : 'unchanged';
}

/** Every archived article, in path order; a body that does not match its hash is an error entry. */
export async function* readArchive(archiveRoot: string): AsyncGenerator<ArchivedArticle | { file: string; error: string }> {
  let owners: string[];
  try {
    owners = (await readdir(archiveRoot, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  for (const owner of owners) {
    const files = (await readdir(path.join(archiveRoot, owner))).filter((f) => f.endsWith('.json')).sort();
    for (const f of files) {
      const file = path.join(archiveRoot, owner, f);
      let meta: ArchiveMeta | null;
      try {
        meta = await readMeta(file);
      } catch (err) {
        yield { file, error: `unreadable archive entry: ${(err as Error).message}` };
        continue;
      }
      if (!meta || meta.format !== ARCHIVE_FORMAT) {
        yield { file, error: `not an archive entry of format ${ARCHIVE_FORMAT}` };
        continue;
      }
      let body: Uint8Array = new Uint8Array();
      if (meta.size > 0) {
        try {
          body = new Uint8Array(zlib.brotliDecompressSync(await readFile(file.replace(/\.json$/, '.body.br'))));
        } catch (err) {
          yield { file, error: `archived body unreadable: ${(err as Error).message}` };
          continue;
        }
        if (sha256(body) !== meta.sha256) {
          yield { file, error: 'archived body does not match its sha256' };
          continue;
        }
      }
      yield { meta, body };
    }
  }
}
