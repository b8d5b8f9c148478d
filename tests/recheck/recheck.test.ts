/**
 * Re-checks as data (the schedule), withdrawals (404/410 or a short withdrawal notice, kept with
 * the first date seen) and provisional records (a feed item's reading never replaces the full
 * page's; the full page replaces a provisional one). Invented records.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recheckDue } from '../../scrapers/recheck/schedule.ts';
import { goneFrom } from '../../scrapers/recheck/withdrawal.ts';
import { readFile } from '../../scrapers/write/frontmatter.ts';
import { markWithdrawn } from '../../scrapers/write/withdraw.ts';
import { setOwner } from '../../scrapers/write/owner.ts';
import { writeAnnouncement } from '../../scrapers/write/write-announcement.ts';
import { validateRecord } from '../../src/model/validate.ts';
import { tempDir } from '../helpers/site.ts';
import { extracted, META } from '../write/_extracted.ts';

describe('re-check schedule', () => {
  const a = { publishedAt: '2026-05-01', firstSeenAt: '2026-05-01T03:00:00Z' };
  it('daily for two weeks after publication', () => {
    expect(recheckDue(a, '2026-05-01T20:00:00Z')).toBe(true); // 05-02 in Beijing
    expect(recheckDue({ ...a, lastCheckedAt: '2026-05-02T01:00:00Z' }, '2026-05-02T05:00:00Z')).toBe(false);
    expect(recheckDue({ ...a, lastCheckedAt: '2026-05-02T01:00:00Z' }, '2026-05-03T01:00:00Z')).toBe(true);
  });
  it('then weekly up to three months, then never', () => {
    expect(recheckDue({ ...a, lastCheckedAt: '2026-05-20T01:00:00Z' }, '2026-05-24T01:00:00Z')).toBe(false);
    expect(recheckDue({ ...a, lastCheckedAt: '2026-05-20T01:00:00Z' }, '2026-05-27T01:00:00Z')).toBe(true);
    expect(recheckDue({ ...a, lastCheckedAt: '2026-07-01T01:00:00Z' }, '2026-08-15T01:00:00Z')).toBe(false);
  });
  it('the schedule is data', () => {
    expect(recheckDue(a, '2026-05-03T01:00:00Z', [{ untilDays: 1, everyDays: 1 }])).toBe(false);
  });
});

describe('withdrawal', () => {
  it('404/410 and short withdrawal notices are gone; an article mentioning 撤销 is not', () => {
    expect(goneFrom(404, '')).toEqual({ gone: true, reason: 'HTTP 404' });
    expect(goneFrom(410, '')).toMatchObject({ gone: true });
    expect(goneFrom(200, '该信息已撤销。')).toMatchObject({ gone: true });
    expect(goneFrom(200, '本公告已废止')).toMatchObject({ gone: true });
    expect(goneFrom(500, '')).toEqual({ gone: false });
    const long = `${'海关总署公告正文。'.repeat(60)}对违规企业依法撤销其备案。`;
    expect(goneFrom(200, long)).toEqual({ gone: false });
  });

  it('marks the record withdrawn with the first date, keeps it, logs it; a second mark changes nothing', async () => {
    const root = tempDir('withdraw-');
    const r = await writeAnnouncement(root, META, extracted(), { now: '2026-05-09T02:00:00.000Z' });
    expect(await markWithdrawn(root, r.file!, { now: '2026-06-01T02:00:00.000Z', sourceUrl: META.url })).toBe('withdrawn');
    const text = readFileSync(path.join(root, r.file!), 'utf8');
    expect(validateRecord('announcements', r.file!, text)).toEqual([]);
    const { data } = readFile(text);
    expect(data['withdrawnAt']).toBe('2026-06-01');
    expect(data['title']).toBe(extracted().title);
    const log = JSON.parse(readFileSync(path.join(root, 'changelog/2026-06-01.json'), 'utf8'));
    expect(log.changes).toEqual([expect.objectContaining({ field: 'withdrawnAt', old: null, new: '2026-06-01' })]);
    expect(await markWithdrawn(root, r.file!, { now: '2026-06-05T02:00:00.000Z', sourceUrl: META.url })).toBe('unchanged');
    expect(readFileSync(path.join(root, r.file!), 'utf8')).toBe(text);
  });
});

describe('provisional records', () => {
  it('a feed reading never replaces the full page; the full page replaces a provisional record', async () => {
    const root = tempDir('provisional-');
    const feed = extracted({ provisional: true, eligibility: [], bodyHtml: '<p>订阅条目摘要。</p>' });
    const first = await writeAnnouncement(root, META, feed, { now: '2026-05-09T02:00:00.000Z' });
    expect(readFile(readFileSync(path.join(root, first.file!), 'utf8')).data['provisional']).toBe(true);
    const full = await writeAnnouncement(root, META, extracted(), { now: '2026-05-10T02:00:00.000Z' });
    expect(full.outcome).toBe('changed');
    const text = readFileSync(path.join(root, full.file!), 'utf8');
    expect(readFile(text).data['provisional']).toBeUndefined();
    expect(readFile(text).data['firstSeenAt']).toBe('2026-05-09T02:00:00.000Z');
    const again = await writeAnnouncement(root, META, feed, { now: '2026-05-11T02:00:00.000Z' });
    expect(again.outcome).toBe('unchanged');
    expect(readFileSync(path.join(root, full.file!), 'utf8')).toBe(text);
  });
});

describe('the declared owner written into a record', () => {
  it('changes only sourceId (logged); naming the same owner again writes nothing', async () => {
    const root = tempDir('owner-');
    const r = await writeAnnouncement(root, META, extracted(), { now: '2026-05-09T02:00:00.000Z' });
    const before = readFile(readFileSync(path.join(root, r.file!), 'utf8')).data;
    expect(await setOwner(root, r.file!, 'a-page-source', { now: '2026-05-10T02:00:00.000Z', sourceUrl: META.url })).toBe('changed');
    const text = readFileSync(path.join(root, r.file!), 'utf8');
    expect(validateRecord('announcements', r.file!, text)).toEqual([]);
    expect(readFile(text).data).toEqual({ ...before, sourceId: 'a-page-source' });
    const log = JSON.parse(readFileSync(path.join(root, 'changelog/2026-05-10.json'), 'utf8'));
    expect(log.changes).toEqual([expect.objectContaining({ field: 'sourceId', old: before['sourceId'], new: 'a-page-source' })]);
    expect(await setOwner(root, r.file!, 'a-page-source', { now: '2026-05-11T02:00:00.000Z', sourceUrl: META.url, linkedCanonically: true })).toBe('unchanged');
    expect(readFileSync(path.join(root, r.file!), 'utf8')).toBe(text);
  });
});
