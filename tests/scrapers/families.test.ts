/** The site-family declarations are the one home of the article selectors extraction reads. */
import { describe, expect, it } from 'vitest';
import { articleTemplates, familiesForHost, FAMILIES } from '../../scrapers/sites/families.ts';

describe('site families', () => {
  it('declare an article template for every extraction template id', () => {
    const ids = new Set(articleTemplates().map((t) => t.id));
    for (const id of ['gacc-new', 'easysite', 'govcn', 'trs', 'english-customs']) expect(ids.has(id as never), id).toBe(true);
  });

  it('every pattern is a valid regular expression; hosts go to the right families', () => {
    for (const f of FAMILIES) for (const p of [...f.hosts, ...f.article.urlPatterns]) expect(() => new RegExp(p), `${f.id}: ${p}`).not.toThrow();
    expect(familiesForHost('nanjing.customs.gov.cn').map((f) => f.id)).toEqual(['customs-new', 'customs-easysite']);
    expect(familiesForHost('www.customs.gov.cn').map((f) => f.id)).toEqual(['customs-new', 'customs-easysite']);
    expect(familiesForHost('english.customs.gov.cn').map((f) => f.id)).toEqual(['customs-english']);
    expect(familiesForHost('www.gov.cn').map((f) => f.id)).toEqual(['govcn']);
    expect(familiesForHost('swt.fujian.gov.cn').map((f) => f.id)).toEqual(['trs']);
    expect(familiesForHost('rsshub.local')).toEqual([]);
  });
});
