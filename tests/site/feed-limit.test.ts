/**
 * Feed items come from the per-scope groups built once per build and stop at FEED_LIMIT, newest
 * first: a feed is a subscription to what is new (the pages hold the full history).
 */
import { describe, expect, it } from 'vitest';
import { FEED_LIMIT, feedItems } from '../../src/lib/feeds.ts';
import type { SiteData, AnnouncementEntry } from '../../src/lib/data.ts';
import { cellKey } from '../../src/model/rollout.ts';

const SITE = new URL('https://example.invalid/');

/** Just the parts of SiteData the feeds read; announcements newest first, as siteData() sorts them. */
function fakeData(n: number): SiteData {
  const announcements = Array.from({ length: n }, (_, i) => {
    const day = String(28 - (i % 28)).padStart(2, '0');
    return {
      id: `x/a${String(i).padStart(4, '0')}`,
      data: {
        title: `合成公告${i}`,
        canonicalUrl: `https://synthetic.invalid/${i}.html`,
        publishedAt: `2026-${String(6 - Math.floor(i / 28)).padStart(2, '0')}-${day}`,
        relevant: i % 10 !== 9, // every tenth is irrelevant and never in a feed
        cities: [i % 2 ? 'kunming' : 'suzhou-jiangsu'],
        measures: ['one-product-one-policy'],
        cityMentions: [],
        products: [],
        markets: [],
        eligibility: [],
        district: null,
        signal: 'launch',
      },
    } as unknown as AnnouncementEntry;
  });
  const groups: SiteData['groups'] = { city: new Map(), measure: new Map(), cell: new Map(), product: new Map(), market: new Map(), productMarket: new Map() };
  for (const a of announcements) {
    const c = a.data.cities[0]!;
    const m = a.data.measures[0]!;
    for (const [map, k] of [
      [groups.city, c],
      [groups.measure, m],
      [groups.cell, cellKey(m, c)],
    ] as const)
      map.set(k, [...(map.get(k) ?? []), a]);
  }
  const name = (en: string) => ({ data: { name: { en, zh: en } } });
  return {
    announcements,
    groups,
    effects: new Map(),
    byId: {
      city: new Map([
        ['kunming', name('Kunming')],
        ['suzhou-jiangsu', name('Suzhou')],
      ]),
      measure: new Map([['one-product-one-policy', name('One product, one policy')]]),
      district: new Map(),
      product: new Map(),
      market: new Map(),
      seenCity: new Map(),
    },
  } as unknown as SiteData;
}

describe('feed items', () => {
  const data = fakeData(150);

  it('hold the newest FEED_LIMIT relevant announcements of everything, newest first', () => {
    const items = feedItems(data, 'en', { kind: 'all' }, SITE);
    expect(items).toHaveLength(FEED_LIMIT);
    const expected = data.announcements
      .filter((a) => a.data.relevant)
      .slice(0, FEED_LIMIT)
      .map((a) => a.data.title);
    expect(items.map((i) => i.title)).toEqual(expected);
    expect(items.every((i, n) => n === 0 || items[n - 1]!.date >= i.date)).toBe(true);
  });

  it('hold only their scope: a city feed and a cell feed', () => {
    const kunming = feedItems(data, 'en', { kind: 'city', id: 'kunming' }, SITE);
    const all = data.announcements.filter((a) => a.data.relevant && a.data.cities.includes('kunming'));
    expect(kunming.map((i) => i.title)).toEqual(all.slice(0, FEED_LIMIT).map((a) => a.data.title));
    const cell = feedItems(data, 'en', { kind: 'cell', measure: 'one-product-one-policy', city: 'suzhou-jiangsu' }, SITE);
    expect(cell.length).toBe(data.announcements.filter((a) => a.data.relevant && a.data.cities.includes('suzhou-jiangsu')).length);
    expect(cell.every((i) => i.categories.includes('Suzhou'))).toBe(true);
    expect(feedItems(data, 'en', { kind: 'city', id: 'beijing' }, SITE)).toEqual([]);
  });
});
