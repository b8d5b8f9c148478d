/**
 * What a run asks again, as data: re-checks of written articles on their schedule, backoff for
 * attachments that answered a corrupt file or an HTML page, and the declared owner of a record
 * several sources link. Invented items.
 */
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_BACKOFF_DAYS, needsFetch, nextTryAfterBadAttachment, type SeenItem } from '../../scrapers/run/state.ts';
import { ownerOf } from '../../scrapers/run/owner.ts';

const written: SeenItem = {
  firstSeenAt: '2026-05-01T03:00:00.000Z',
  last: 'new',
  linkedUrl: 'https://example.gov.cn/a.html',
  date: '2026-05-01',
  file: 'announcements/x/a.md',
};

describe('re-checks of known items', () => {
  it('a written item is fetched again when its re-check is due, and not before', () => {
    expect(needsFetch(written, '2026-05-01T05:00:00.000Z')).toBe(false);
    expect(needsFetch(written, '2026-05-02T05:00:00.000Z')).toBe(true);
    expect(needsFetch({ ...written, checkedAt: '2026-05-02T05:00:00.000Z' }, '2026-05-02T09:00:00.000Z')).toBe(false);
    expect(needsFetch(written, '2026-05-02T05:00:00.000Z', [])).toBe(false);
  });
  it('a withdrawn item weekly for three months after it was seen gone, then never', () => {
    const withdrawn = { ...written, withdrawnAt: '2026-05-02', checkedAt: '2026-05-02T05:00:00.000Z' };
    expect(needsFetch(withdrawn, '2026-05-05T05:00:00.000Z')).toBe(false);
    expect(needsFetch(withdrawn, '2026-05-09T05:00:00.000Z')).toBe(true);
    expect(needsFetch({ ...withdrawn, checkedAt: '2026-07-27T05:00:00.000Z' }, '2026-08-03T05:00:00.000Z')).toBe(false);
  });
  it('an item without a date is as old as the Beijing day it was first seen', () => {
    // First seen 05-02 04:00 in Beijing (05-01 in UTC): 14 days old on Beijing 05-16, so still daily.
    const undated: SeenItem = {
      firstSeenAt: '2026-05-01T20:00:00.000Z',
      last: 'new',
      linkedUrl: 'https://example.gov.cn/b.html',
      file: 'announcements/x/b.md',
      checkedAt: '2026-05-14T20:00:00.000Z',
    };
    expect(needsFetch(undated, '2026-05-15T20:00:00.000Z')).toBe(true);
  });
  it('never for an irrelevant or unwritten item', () => {
    expect(needsFetch({ ...written, last: 'irrelevant', file: undefined }, '2026-05-05T05:00:00.000Z')).toBe(false);
    expect(needsFetch({ ...written, file: undefined }, '2026-05-05T05:00:00.000Z')).toBe(false);
  });
});

describe('attachment backoff', () => {
  it('the next two runs, then a growing pause; the last step repeats', () => {
    const now = '2026-05-10T01:00:00.000Z';
    const days = (n: number) => (Date.parse(nextTryAfterBadAttachment(n, now)) - Date.parse(now)) / 86_400_000;
    expect([1, 2, 3, 4, 5].map(days)).toEqual([0, 0, 1, 2, 4]);
    expect(days(50)).toBe(ATTACHMENT_BACKOFF_DAYS.at(-1));
  });
  it('an item waiting out its backoff is not fetched for it, but its re-check still runs', () => {
    const waiting: SeenItem = {
      ...written,
      retry: 'attachments',
      attachmentFailures: 3,
      nextTryAt: '2026-05-20T01:00:00.000Z',
      checkedAt: '2026-05-18T01:00:00.000Z',
    };
    expect(needsFetch(waiting, '2026-05-18T05:00:00.000Z')).toBe(false);
    expect(needsFetch(waiting, '2026-05-19T05:00:00.000Z')).toBe(false); // weekly re-check, not yet due
    expect(needsFetch(waiting, '2026-05-20T05:00:00.000Z')).toBe(true);
    expect(needsFetch({ ...waiting, date: '2026-05-15' }, '2026-05-19T05:00:00.000Z')).toBe(true); // daily re-check due
  });
});

describe('the owner of a record several sources link', () => {
  it('a page source beats a feed, then the first id; order of the claimants does not matter', () => {
    const feed = { id: 'a-feed', kind: 'rss' as const };
    const page = { id: 'z-page', kind: 'html-list' as const };
    const page2 = { id: 'm-page', kind: 'html-list' as const };
    expect(ownerOf([feed, page])).toBe('z-page');
    expect(ownerOf([page, feed])).toBe('z-page');
    expect(ownerOf([page, feed, page2])).toBe('m-page');
    expect(ownerOf([])).toBeUndefined();
  });
});
