/**
 * Re-checks wired into the run, over the recorded sites (../shared/fixtures) with an overlay
 * folder served on top: a page changed in the mirror between two runs is archived and read again,
 * a page gone (410) or replaced by a withdrawal notice withdraws its record, a third run that
 * re-checks unchanged pages changes no content file, and a withdrawn page that comes back is
 * restored on its next weekly re-check. The overlay's texts are invented here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serveFixtures, type TestServer } from '../helpers/fixture-server.ts';
import { scrape } from '../../scrapers/run/scrape.ts';
import type { SeenItem } from '../../scrapers/run/state.ts';
import { loadSourcesFile } from '../../scrapers/sources/registry.ts';
import { readFile } from '../../scrapers/write/frontmatter.ts';
import { copyContentRoot, tempDir } from '../helpers/site.ts';
import { SHARED, fast, hasShared, noteSkip, treeHashes } from '../scrapers/helpers.ts';

noteSkip('re-checks over the recorded sites');

const INSERTED = '（测试插入：虚构的更正说明，不是真实公告内容。）';
const NOTICE =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>提示</title></head><body><div class="news_detail_con"><p>该信息已撤销。</p></div></body></html>';
const mirrorPath = (url: string) => url.replace(/^https:\/\//, '');

describe.skipIf(!hasShared)('re-checks in the run (recorded sites + an overlay)', () => {
  let server: TestServer;
  let overlay: string;
  beforeAll(async () => {
    overlay = tempDir('rollout-overlay-');
    mkdirSync(path.join(overlay, 'sites'), { recursive: true });
    // The overlay is the first layer: what it holds is served instead of the recorded page.
    server = await serveFixtures({ roots: [overlay, SHARED] });
  });
  afterAll(async () => server?.close());

  it('picks up a changed page and two withdrawals on the next due run; a later no-change run writes no content file; a page put back is restored', async () => {
    const root = copyContentRoot();
    const sources = loadSourcesFile(path.join(SHARED, 'sources.json'));
    const run = (now: string) =>
      scrape({
        contentRoot: root,
        sources,
        only: ['kunming-notices', 'guangzhou-notices'],
        mirror: server.url,
        client: fast,
        delayMs: 0,
        browser: 'never',
        now: new Date(now),
      });

    await run('2026-05-28T01:00:00Z');
    const seen = JSON.parse(readFileSync(path.join(root, '_state/seen.json'), 'utf8')) as Record<string, Record<string, SeenItem>>;
    const written = (id: string) => Object.entries(seen[id] ?? {}).filter(([, s]) => s.file && s.last === 'new');
    const kunming = written('kunming-notices');
    const guangzhou = written('guangzhou-notices');
    expect(kunming.length).toBeGreaterThanOrEqual(2);
    expect(guangzhou.length).toBeGreaterThanOrEqual(1);
    const [changedUrl, changedItem] = kunming[0]!;
    const [goneUrl, goneItem] = kunming[1]!;
    const [noticeUrl, noticeItem] = guangzhou[0]!;

    // Between the runs: one page corrected, one answering 410, one replaced by a withdrawal notice.
    const original = readFileSync(path.join(SHARED, 'sites', mirrorPath(changedUrl)), 'utf8');
    const corrected = original.replace(/(<div class="news_detail_con"[^>]*>)/, `$1<p>${INSERTED}</p>`);
    expect(corrected).not.toBe(original);
    const put = (url: string, text: string) => {
      const file = path.join(overlay, 'sites', mirrorPath(url));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    };
    put(changedUrl, corrected);
    put(noticeUrl, NOTICE);
    writeFileSync(
      path.join(overlay, 'responses.json'),
      JSON.stringify({ [mirrorPath(goneUrl)]: { status: 410, headers: { 'content-type': 'text/html;charset=utf-8' } } }),
    );
    await server.close();
    // responses.json is read when a server starts.
    server = await serveFixtures({ roots: [overlay, SHARED] });

    const archiveBefore = treeHashes(path.join(root, '_archive'));
    const served = server.requests.length;
    // A week later: every article of the two sources is due for its weekly re-check.
    const second = await run('2026-06-05T01:00:00Z');
    const asked = server.requests.slice(served).map((q) => q.path);
    for (const url of [changedUrl, goneUrl, noticeUrl]) expect(asked, url).toContain(mirrorPath(url));

    const record = (file: string) => readFile(readFileSync(path.join(root, file), 'utf8'));
    expect(record(changedItem.file!).body).toContain(INSERTED);
    expect(record(changedItem.file!).data['withdrawnAt']).toBeUndefined();
    // Archived again: the changed article's archive entry (its meta and its bytes), and no other.
    const archiveAfter = treeHashes(path.join(root, '_archive'));
    const archived = Object.keys(archiveAfter).filter((f) => archiveBefore[f] !== archiveAfter[f]);
    expect(archived.length).toBe(2);
    expect(new Set(archived.map((f) => f.replace(/\.(json|body\.br)$/, ''))).size).toBe(1);
    expect(record(goneItem.file!).data['withdrawnAt']).toBe('2026-06-05');
    expect(record(noticeItem.file!).data['withdrawnAt']).toBe('2026-06-05');
    // Kept, not removed: the record still reads as before, with its withdrawal date.
    expect(typeof record(noticeItem.file!).data['title']).toBe('string');
    const log = JSON.parse(readFileSync(path.join(root, 'changelog/2026-06-05.json'), 'utf8')) as { changes: { field: string; sourceUrl: string }[] };
    expect(
      log.changes
        .filter((c) => c.field === 'withdrawnAt')
        .map((c) => c.sourceUrl)
        .sort(),
    ).toEqual([goneUrl, noticeUrl].sort());
    expect(log.changes.some((c) => c.sourceUrl === changedUrl && c.field !== 'withdrawnAt')).toBe(true);
    expect(second.report.sources['kunming-notices']!.itemsChanged).toBeGreaterThanOrEqual(2);

    // A week later again: every page is asked again (the withdrawn ones on their own weekly
    // schedule), the withdrawn ones are still gone and keep their first date, nothing is written.
    const before = treeHashes(root);
    const servedBefore = server.requests.length;
    await run('2026-06-13T01:00:00Z');
    const again = server.requests.slice(servedBefore).map((q) => q.path);
    for (const url of [changedUrl, goneUrl, noticeUrl]) expect(again, url).toContain(mirrorPath(url));
    const after = treeHashes(root);
    const changed = Object.keys({ ...before, ...after }).filter((f) => before[f] !== after[f]);
    expect(changed.filter((f) => !f.startsWith('_state/'))).toEqual([]);
    expect(existsSync(path.join(root, 'changelog/2026-06-13.json'))).toBe(false);

    // The notice page is put back (a withdrawal by mistake): the next weekly re-check restores it.
    rmSync(path.join(overlay, 'sites', mirrorPath(noticeUrl)));
    await run('2026-06-21T01:00:00Z');
    expect(record(noticeItem.file!).data['withdrawnAt']).toBeUndefined();
    expect(record(goneItem.file!).data['withdrawnAt']).toBe('2026-06-05');
    const restored = JSON.parse(readFileSync(path.join(root, 'changelog/2026-06-21.json'), 'utf8')) as {
      changes: { field: string; sourceUrl: string; old: unknown; new: unknown }[];
    };
    expect(restored.changes.filter((c) => c.field === 'withdrawnAt')).toEqual([
      expect.objectContaining({ sourceUrl: noticeUrl, old: '2026-06-05', new: null }),
    ]);
  });
});
