/**
 * The archive of fetched articles and `reextract` over it: a version is written once (same bytes,
 * same files), a changed page adds a new version; re-extraction writes only real changes, notes
 * the extractor version in the record and the change log, and a second run writes nothing. Over
 * the shared fixture mirror (skipped without ../shared): a scrape, then re-extraction changes
 * nothing. Invented pages come from tests/fixtures/extract (labelled invented there).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveArticle, archiveDir, archivePaths, readArchive } from '../../scrapers/archive/store.ts';
import { reextract } from '../../scrapers/archive/reextract.ts';
import { createIngest, ingestArticle, loadExtractArticle, type Extractor } from '../../scrapers/ingest.ts';
import { scrape } from '../../scrapers/run/scrape.ts';
import { loadSourcesFile } from '../../scrapers/sources/registry.ts';
import type { FetchedArticle } from '../../scrapers/types.ts';
import { readFile } from '../../scrapers/write/frontmatter.ts';
import { markWithdrawn } from '../../scrapers/write/withdraw.ts';
import { serveFixtures, type TestServer } from '../helpers/fixture-server.ts';
import { copyContentRoot, tempDir } from '../helpers/site.ts';
import { SHARED, fast, hasShared, treeHashes } from '../scrapers/helpers.ts';

const PAGE = readFileSync(path.resolve(import.meta.dirname, '../fixtures/extract/quanzhi-gbk.htm'));
const URL_ = 'https://swt.example.gov.cn/xxgk/202606/t20260615_7000002.htm';

function article(body: Uint8Array, over: Partial<FetchedArticle> = {}): FetchedArticle {
  return {
    sourceId: 'test-source',
    district: null,
    url: URL_,
    linkedUrl: URL_,
    body,
    contentType: 'text/html; charset=gb2312',
    headers: { etag: '"v1"', date: 'Mon, 15 Jun 2026 01:00:00 GMT', 'set-cookie': 'x=1' },
    fetchedAt: '2026-06-15T01:00:00.000Z',
    listItem: { title: '测试标题', date: '2026-06-15' },
    ...over,
  };
}

describe('archive', () => {
  it('writes a version once; the same bytes fetched later change no file; new bytes are a new version', async () => {
    const root = tempDir('archive-');
    expect(await archiveArticle(root, article(new Uint8Array(PAGE)), article(new Uint8Array(PAGE)).headers)).toBe('new');
    const first = treeHashes(root);
    expect(await archiveArticle(root, article(new Uint8Array(PAGE), { fetchedAt: '2026-06-16T01:00:00.000Z' }), { etag: '"v1"' })).toBe('unchanged');
    expect(treeHashes(root)).toEqual(first);
    const p = archivePaths(root, null, URL_);
    const meta = JSON.parse(readFileSync(p.meta, 'utf8'));
    expect(meta.headers).toEqual({ 'content-type': 'text/html; charset=gb2312', etag: '"v1"' }); // no Date, no cookie
    expect(meta.fetchedAt).toBe('2026-06-15T01:00:00.000Z');
    const changed = new Uint8Array(Buffer.concat([PAGE, Buffer.from('<!-- changed -->')]));
    expect(await archiveArticle(root, article(changed, { fetchedAt: '2026-06-17T01:00:00.000Z' }))).toBe('changed');
    const entries = [];
    for await (const e of readArchive(root)) entries.push(e);
    expect(entries).toHaveLength(1);
    expect('meta' in entries[0]! && Buffer.from(entries[0].body).equals(changed)).toBe(true);
    // A feed item without page bytes never replaces an archived page.
    expect(await archiveArticle(root, article(new Uint8Array(), { feedItem: { title: 't', description: 'd' } }))).toBe('unchanged');
  });

  it('a body that does not match its hash is reported, not re-extracted', async () => {
    const root = tempDir('archive-bad-');
    await archiveArticle(root, article(new Uint8Array(PAGE)));
    const p = archivePaths(root, null, URL_);
    const meta = JSON.parse(readFileSync(p.meta, 'utf8'));
    (await import('node:fs')).writeFileSync(p.meta, JSON.stringify({ ...meta, sha256: '0'.repeat(64) }));
    const out = [];
    for await (const e of readArchive(root)) out.push(e);
    expect(out[0]).toMatchObject({ error: 'archived body does not match its sha256' });
  });
});

describe('reextract', () => {
  it('writes only real changes, names the extractor version, and a second run writes nothing', async () => {
    const content = copyContentRoot();
    const r0 = await ingestArticle(content, article(new Uint8Array(PAGE)), { dryRun: false, now: '2026-06-15T01:00:00.000Z' });
    expect(r0.outcome).toBe('new');
    expect(readdirSync(archiveDir(content))).toEqual(['swt-example-gov-cn']);
    const base = await loadExtractArticle();
    const same = await reextract({ contentRoot: content, archiveRoot: archiveDir(content), now: '2026-06-20T01:00:00.000Z', extractor: base });
    expect(same).toMatchObject({ articles: 1, written: [], errors: [] });
    expect(same.counts.unchanged).toBe(1);

    // A "newer extractor": one more eligibility criterion and a new version.
    const newer: Extractor = async (input, root) => {
      const r = (await base(input, root)) as Record<string, unknown>;
      return { ...r, eligibility: [...(r['eligibility'] as string[]), '测试用新增条件'], version: '9.9.9' };
    };
    const before = treeHashes(content);
    const changed = await reextract({ contentRoot: content, archiveRoot: archiveDir(content), now: '2026-06-21T01:00:00.000Z', extractor: newer });
    expect(changed.counts.changed).toBe(1);
    expect(changed.written).toEqual([r0.file]);
    const { data } = readFile(readFileSync(path.join(content, r0.file!), 'utf8'));
    expect(data['extraction']).toMatchObject({ version: '9.9.9' });
    expect(data['eligibility']).toContain('测试用新增条件');
    expect(data['firstSeenAt']).toBe('2026-06-15T01:00:00.000Z');
    const log = JSON.parse(readFileSync(path.join(content, 'changelog/2026-06-21.json'), 'utf8'));
    expect(log.changes.map((c: { field: string }) => c.field).sort()).toEqual(['eligibility', 'extraction']);
    expect(log.changes.every((c: { via?: string }) => c.via === 'reextract 9.9.9')).toBe(true);

    const after = treeHashes(content);
    expect(after).not.toEqual(before);
    const again = await reextract({ contentRoot: content, archiveRoot: archiveDir(content), now: '2026-06-22T01:00:00.000Z', extractor: newer });
    expect(again.written).toEqual([]);
    expect(treeHashes(content)).toEqual(after);
  });

  it('a withdrawn record stays withdrawn through re-extraction; only the page answering again lifts it', async () => {
    const content = copyContentRoot();
    const r0 = await ingestArticle(content, article(new Uint8Array(PAGE)), { dryRun: false, now: '2026-06-15T01:00:00.000Z' });
    expect(await markWithdrawn(content, r0.file!, { now: '2026-06-18T01:00:00.000Z', sourceUrl: URL_ })).toBe('withdrawn');
    const base = await loadExtractArticle();
    const newer: Extractor = async (input, root) => ({ ...((await base(input, root)) as Record<string, unknown>), version: '9.9.9' });
    const r = await reextract({ contentRoot: content, archiveRoot: archiveDir(content), now: '2026-06-21T01:00:00.000Z', extractor: newer });
    expect(r.counts.changed).toBe(1);
    const withdrawnAt = () => readFile(readFileSync(path.join(content, r0.file!), 'utf8')).data['withdrawnAt'];
    expect(withdrawnAt()).toBe('2026-06-18');
    // A saved copy imported by hand is no proof the page is back either.
    await ingestArticle(
      content,
      article(new Uint8Array(PAGE), {
        provenance: {
          via: 'import',
          note: 'test: a saved copy',
          file: 'saved.htm',
          sha256: '0'.repeat(64),
          importedAt: '2026-06-22T01:00:00.000Z',
          attachments: [],
        },
      }),
      { dryRun: false, now: '2026-06-22T01:00:00.000Z' },
    );
    expect(withdrawnAt()).toBe('2026-06-18');
    // The page itself answering with the article is.
    const back = await ingestArticle(content, article(new Uint8Array(PAGE), { fetchedAt: '2026-06-25T01:00:00.000Z' }), {
      dryRun: false,
      now: '2026-06-25T01:00:00.000Z',
    });
    expect(back.outcome).toBe('changed');
    expect(withdrawnAt()).toBeUndefined();
    const log = JSON.parse(readFileSync(path.join(content, 'changelog/2026-06-25.json'), 'utf8'));
    expect(log.changes).toContainEqual(expect.objectContaining({ field: 'withdrawnAt', old: '2026-06-18', new: null }));
  });

  it('an extractor that fails on an entry is reported; the announcement is kept', async () => {
    const content = copyContentRoot();
    const r0 = await ingestArticle(content, article(new Uint8Array(PAGE)), { dryRun: false, now: '2026-06-15T01:00:00.000Z' });
    const before = treeHashes(content);
    const broken: Extractor = () => ({ error: 'not-an-article', reason: 'test' });
    const r = await reextract({ contentRoot: content, archiveRoot: archiveDir(content), now: '2026-06-21T01:00:00.000Z', extractor: broken });
    expect(r.errors).toHaveLength(1);
    expect(treeHashes(content)).toEqual(before);
    expect(r0.file).toBeTruthy();
  });
});

describe.skipIf(!hasShared)('scrape then reextract over the fixture mirror (../shared)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serveFixtures({ roots: [SHARED] });
  });
  afterAll(async () => server?.close());

  it('re-extraction of a fresh scrape changes nothing, twice', async () => {
    const content = copyContentRoot();
    const sources = loadSourcesFile(path.join(SHARED, 'sources.json'));
    const ingest = createIngest(loadExtractArticle);
    await scrape({
      contentRoot: content,
      sources,
      mirror: server.url,
      client: { ...fast, retry: { retries: 0, baseMs: 1, maxMs: 1, retryAfterCapMs: 1 } },
      delayMs: 0,
      ingest,
      now: new Date('2026-05-28T01:00:00Z'),
    });
    const after = treeHashes(content);
    expect(Object.keys(after).filter((f) => f.startsWith('_archive/')).length).toBeGreaterThan(10);
    for (const day of ['2026-06-01T01:00:00Z', '2026-06-02T01:00:00Z']) {
      const r = await reextract({ contentRoot: content, archiveRoot: archiveDir(content), now: day, extractor: await loadExtractArticle() });
      expect(r.errors).toEqual([]);
      expect(r.written).toEqual([]);
      expect(treeHashes(content)).toEqual(after);
    }
  });
});
