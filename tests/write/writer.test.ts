import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeDay } from '../../src/model/schemas.ts';
import { validateRecord } from '../../src/model/validate.ts';
import { readFile } from '../../scrapers/write/frontmatter.ts';
import { stableId, announcementPath } from '../../scrapers/write/paths.ts';
import { beijingDate } from '../../src/model/beijing-date.ts';
import { writeAnnouncement } from '../../scrapers/write/write-announcement.ts';
import { tempDir } from '../helpers/site.ts';
import { city, extracted, META } from './_extracted.ts';

const FILE = 'announcements/kunming/2026/6702285.md';
const T1 = '2026-05-09T01:00:00Z';
const T2 = '2026-05-10T03:00:00Z';

const read = (root: string, rel = FILE) => readFileSync(path.join(root, rel), 'utf8');
const changelog = (root: string, day: string) => changeDay.parse(JSON.parse(read(root, `changelog/${day}.json`)));
function allFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}
const snapshot = (root: string) => Object.fromEntries(allFiles(root).map((f) => [f, read(root, f)]));

describe('stable ids and paths', () => {
  it.each([
    ['https://www.customs.gov.cn/customs/2026-04/28/article_20260428153240117583.html', 'article-20260428153240117583'],
    ['https://nanjing.customs.gov.cn/nanjing_customs/589281/589283/589284/6598214/index.html', '6598214'],
    ['https://www.gov.cn/zhengce/content/202605/content_7063201.htm', 'content-7063201'],
    ['https://swt.fujian.gov.cn/xxgk/gzdt/swdt/202605/t20260512_123456.htm', 't20260512-123456'],
  ])('%s -> %s', (url, id) => {
    expect(stableId(url)).toBe(id);
  });

  it('never gives two URLs without an article number the same id', () => {
    const a = stableId('https://x.gov.cn/news/detail.html');
    const b = stableId('https://y.gov.cn/news/detail.html');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^news-[0-9a-f]{10}$/);
  });

  it('files by district (or, for national sources, the site) and year; change-log days are Beijing days', () => {
    expect(announcementPath(null, '2026-03-16', 'https://www.customs.gov.cn/customs/302249/2167536/index.html')).toBe(
      'announcements/customs-gov-cn/2026/2167536.md',
    );
    expect(announcementPath('nanjing', '2026-05-01', 'https://nanjing.customs.gov.cn/nanjing_customs/1/6598214/index.html')).toBe(
      'announcements/nanjing/2026/6598214.md',
    );
    expect(beijingDate('2026-05-09T16:30:00Z')).toBe('2026-05-10');
  });
});

describe('writing announcements', () => {
  it('writes a new relevant announcement as a valid entry and logs its creation', async () => {
    const root = tempDir();
    const r = await writeAnnouncement(root, META, extracted(), { now: T1 });
    expect(r.outcome).toBe('new');
    expect(r.file).toBe(FILE);
    const text = read(root);
    expect(validateRecord('announcements', FILE, text)).toEqual([]);
    const { data, body } = readFile(text);
    expect(data['firstSeenAt']).toBe(T1);
    expect(data['contentHash']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(data['review']).toEqual({ state: 'auto' });
    expect(body).toContain('## 一、总体要求');
    expect(body).toContain('- 条目一');
    const day = changelog(root, '2026-05-09');
    expect(day.changes).toHaveLength(1);
    expect(day.changes[0]).toMatchObject({ record: 'announcements/kunming/2026/6702285', field: '(created)', old: null, sourceUrl: META.url });
  });

  it('counts irrelevant announcements without storing them', async () => {
    const root = tempDir();
    const r = await writeAnnouncement(root, META, extracted({ relevant: false, signal: 'other' }), { now: T1 });
    expect(r.outcome).toBe('irrelevant');
    expect(allFiles(root)).toEqual([]);
  });

  it('is idempotent: re-ingesting an unchanged page changes no file at all', async () => {
    const root = tempDir();
    await writeAnnouncement(root, META, extracted(), { now: T1 });
    const before = snapshot(root);
    const mtime = (await import('node:fs')).statSync(path.join(root, FILE)).mtimeMs;
    const r = await writeAnnouncement(root, META, extracted(), { now: T2 });
    expect(r.outcome).toBe('unchanged');
    expect(snapshot(root)).toEqual(before);
    expect((await import('node:fs')).statSync(path.join(root, FILE)).mtimeMs).toBe(mtime);
  });

  it('is deterministic: the same input gives byte-identical files in two roots', async () => {
    const [a, b] = [tempDir(), tempDir()];
    await writeAnnouncement(a, META, extracted(), { now: T1 });
    // Same facts listed in another order.
    await writeAnnouncement(b, META, extracted({ markets: [{ id: 'EU' }, { id: 'EU' }], cities: [city(), city()] }), { now: T1 });
    expect(snapshot(path.join(b, 'announcements'))).toEqual(snapshot(path.join(a, 'announcements')));
  });

  it('updates a changed page, keeps firstSeenAt, and logs each changed field with old and new', async () => {
    const root = tempDir();
    await writeAnnouncement(root, META, extracted(), { now: T1 });
    const r = await writeAnnouncement(
      root,
      META,
      extracted({ bodyHtml: '<p>修订后的正文。</p>', signal: 'eligibility', markets: [{ id: 'EU' }, { id: 'SG' }] }),
      { now: T2 },
    );
    expect(r.outcome).toBe('changed');
    const { data, body } = readFile(read(root));
    expect(data['firstSeenAt']).toBe(T1);
    expect(data['signal']).toBe('eligibility');
    expect(body).toBe('修订后的正文。\n');
    const fields = changelog(root, '2026-05-10').changes.map((c) => c.field);
    expect(fields).toEqual(['contentHash', 'markets', 'signal']);
    const markets = changelog(root, '2026-05-10').changes.find((c) => c.field === 'markets');
    expect(markets).toMatchObject({ old: ['EU'], new: ['EU', 'SG'], detectedAt: T2, sourceUrl: META.url });
  });

  it('human review wins: a reviewed entry keeps its human fields while the body follows the source', async () => {
    const root = tempDir();
    await writeAnnouncement(root, META, extracted(), { now: T1 });
    // A reviewer corrects the classification by editing the file.
    const { data, body } = readFile(read(root));
    const reviewed = {
      ...data,
      cities: ['kunming', 'nanning'],
      signal: 'pilot-list',
      eligibility: ['人工核对的条件'],
      review: { state: 'reviewed', note: '人工核对', reviewedAt: '2026-05-09T08:00:00Z' },
    };
    const { composeFile } = await import('../../scrapers/write/frontmatter.ts');
    writeFileSync(path.join(root, FILE), composeFile(reviewed, body));

    const r = await writeAnnouncement(root, META, extracted({ bodyHtml: '<p>来源页面更新了。</p>', signal: 'other', cities: [] }), { now: T2 });
    expect(r.outcome).toBe('changed');
    const after = readFile(read(root));
    expect(after.data['cities']).toEqual(['kunming', 'nanning']);
    expect(after.data['signal']).toBe('pilot-list');
    expect(after.data['eligibility']).toEqual(['人工核对的条件']);
    expect(after.data['review']).toEqual(reviewed.review);
    expect(after.body).toBe('来源页面更新了。\n');
    expect(changelog(root, '2026-05-10').changes.map((c) => c.field)).toEqual(['contentHash']);
  });

  it('keeps an entry already on disk when a later extraction calls it irrelevant, and logs that', async () => {
    const root = tempDir();
    await writeAnnouncement(root, META, extracted(), { now: T1 });
    const r = await writeAnnouncement(root, META, extracted({ relevant: false }), { now: T2 });
    expect(r.outcome).toBe('changed');
    expect(readFile(read(root)).data['relevant']).toBe(false);
    expect(changelog(root, '2026-05-10').changes.map((c) => c.field)).toEqual(['relevant']);
  });

  it('moves the file when the publication date moves to another year, and logs the move', async () => {
    const root = tempDir();
    await writeAnnouncement(root, META, extracted({ publishedAt: '2025-12-31' }), { now: T1 });
    expect(existsSync(path.join(root, 'announcements/kunming/2025/6702285.md'))).toBe(true);
    await writeAnnouncement(root, META, extracted(), { now: T2 });
    expect(existsSync(path.join(root, 'announcements/kunming/2025/6702285.md'))).toBe(false);
    expect(existsSync(path.join(root, FILE))).toBe(true);
    const fields = changelog(root, '2026-05-10').changes.map((c) => c.field);
    expect(fields).toEqual(['(file)', 'publishedAt']);
  });

  it('converges on one file when two sources (a list and a feed) link the same article, whatever the order', async () => {
    const url = 'https://www.gov.cn/zhengce/content/202605/content_7063418.htm';
    const list = { sourceId: 'govcn-zuixin', district: null, url, linkedUrl: url };
    const feed = { sourceId: 'rsshub-govcn-zuixin', district: null, url, linkedUrl: url.replace('https:', 'http:') };
    const [a, b] = [tempDir(), tempDir()];
    for (const m of [list, feed, list, feed]) await writeAnnouncement(a, m, extracted(), { now: T1 });
    for (const m of [feed, list, feed, list]) await writeAnnouncement(b, m, extracted(), { now: T1 });
    expect(allFiles(path.join(a, 'announcements'))).toEqual(['gov-cn/2026/content-7063418.md']);
    expect(readFile(read(a, 'announcements/gov-cn/2026/content-7063418.md')).data['sourceId']).toBe('govcn-zuixin');
    expect(snapshot(path.join(b, 'announcements'))).toEqual(snapshot(path.join(a, 'announcements')));
    // A source that knows the district moves the entry to the district folder, once.
    const r = await writeAnnouncement(a, { ...list, district: 'beijing' }, extracted(), { now: T2 });
    expect(r.file).toBe('announcements/beijing/2026/content-7063418.md');
    expect((await writeAnnouncement(a, list, extracted(), { now: T2 })).outcome).toBe('unchanged');
    expect(allFiles(path.join(a, 'announcements'))).toEqual(['beijing/2026/content-7063418.md']);
  });

  it('keeps what the catalogue does not know: a city as a mention without an id, a measure name as a candidate', async () => {
    const root = tempDir();
    await writeAnnouncement(root, META, extracted({ cities: [city(), city(null, '玉溪', '530400', 'Yuxi')], candidates: { measures: ['新措施'] } }), {
      now: T1,
    });
    const data = readFile(read(root)).data;
    expect(data['cities']).toEqual(['kunming']);
    expect(data['cityMentions']).toEqual([
      { id: 'kunming', nameZh: '昆明', nameEn: 'Kunming', adcode: '530100', via: ['昆明'] },
      { id: null, nameZh: '玉溪', nameEn: 'Yuxi', adcode: '530400', via: ['玉溪'] },
    ]);
    expect(data['candidates']).toEqual({ cities: [], measures: ['新措施'] });
  });

  it('refuses to write an invalid record and names the file and the field', async () => {
    const root = tempDir();
    const r = await writeAnnouncement(root, META, extracted({ publishedAt: '8 May 2026', title: '' }), { now: T1 });
    expect(r.outcome).toBe('error');
    expect(r.reason).toMatch(/announcements\/kunming\/8 M.*: publishedAt: must be a date YYYY-MM-DD/);
    expect(r.reason).toMatch(/: title: /);
    expect(allFiles(root)).toEqual([]);
  });

  it('dry runs report the outcome without writing', async () => {
    const root = tempDir();
    const r = await writeAnnouncement(root, META, extracted(), { now: T1, dryRun: true });
    expect(r.outcome).toBe('new');
    expect(allFiles(root)).toEqual([]);
  });

  it('loses no change-log entry and leaves no temp file when many articles are written at once', async () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'changelog'));
    const metas = Array.from({ length: 40 }, (_, i) => ({
      ...META,
      url: `https://kunming.customs.gov.cn/kunming_customs/611312/${7000000 + i}/index.html`,
      linkedUrl: `https://kunming.customs.gov.cn/kunming_customs/611312/${7000000 + i}/index.html`,
    }));
    const results = await Promise.all([...metas, ...metas].map((m) => writeAnnouncement(root, m, extracted(), { now: T1 })));
    expect(results.filter((r) => r.outcome === 'new')).toHaveLength(40);
    expect(results.filter((r) => r.outcome === 'unchanged')).toHaveLength(40);
    expect(changelog(root, '2026-05-09').changes).toHaveLength(40);
    expect(allFiles(root).filter((f) => !/\.(md|json)$/.test(f))).toEqual([]);
  });
});
