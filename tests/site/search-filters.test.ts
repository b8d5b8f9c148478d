/** The search page's queries: which results land in which list, and filters a reader can share. */
import { describe, expect, it } from 'vitest';
import { fill, filterKey, filterOptions, readSelected, searchQuery, sectionFilters } from '../../src/lib/search-filters.ts';

describe('search filters', () => {
  it('splits results by page type: announcements in one list, every other page in the other', () => {
    expect(sectionFilters('announcements', {}, '公告', 'zh')).toEqual({ 'type-zh': '公告' });
    expect(sectionFilters('catalogue', {}, 'Announcement', 'en')).toEqual({ type: { none: ['Announcement'] } });
  });

  it('applies what the reader selected to both lists, under the keys of the page language', () => {
    const sel = { city: '大连', market: '欧盟' };
    expect(sectionFilters('catalogue', sel, '公告', 'zh')).toEqual({ 'city-zh': '大连', 'market-zh': '欧盟', 'type-zh': { none: ['公告'] } });
    expect(sectionFilters('announcements', { measure: 'One product, one policy' }, 'Announcement', 'en')).toEqual({
      measure: 'One product, one policy',
      type: 'Announcement',
    });
    expect(filterKey('city', 'en')).not.toBe(filterKey('city', 'zh'));
  });

  it('round-trips a search through the URL, dropping unknown and empty parameters', () => {
    const q = searchQuery('一品一策', { city: '苏州', product: 'Tea, green' });
    expect(q).toBe('?q=%E4%B8%80%E5%93%81%E4%B8%80%E7%AD%96&city=%E8%8B%8F%E5%B7%9E&product=Tea%2C+green');
    const back = new URLSearchParams(q);
    expect(back.get('q')).toBe('一品一策');
    expect(readSelected(back)).toEqual({ city: '苏州', product: 'Tea, green' });
    expect(readSelected(new URLSearchParams('?q=x&city=&type=公告&evil=1'))).toEqual({});
    expect(searchQuery('', {})).toBe('');
  });

  it('lists the values the results have, most first, and keeps a selected value that has none now', () => {
    const counts = [{ city: { 苏州: 2, 无锡: 0 } }, { city: { 苏州: 3, 南京: 3 }, measure: { 一品一策: 1 } }];
    expect(filterOptions('city', counts)).toEqual([
      { value: '苏州', count: 5 },
      { value: '南京', count: 3 },
    ]);
    expect(filterOptions('city', counts, '昆明').map((o) => o.value)).toEqual(['苏州', '南京', '昆明']);
    expect(filterOptions('market', counts)).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('“{q}”: {pages} pages, {x}', { q: 'HACCP', pages: 0 })).toBe('“HACCP”: 0 pages, {x}');
  });
});
