/** The site-family declarations are the one home of the article selectors extraction reads. */
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../scrapers/extract/page.ts';
import { articleTemplates, familiesForHost, FAMILIES } from '../../scrapers/sites/families.ts';

describe('site families', () => {
  it('declare every article template extraction knows, with the same selectors, in the same order', () => {
    const mine = articleTemplates().map(({ id, body, title, dateAreas, remove, lang }) => ({ id, body, title, dateAreas, remove, lang }));
    const theirs = TEMPLATES.map(({ id, body, title, dateAreas, remove, lang }) => ({ id, body, title, dateAreas, remove, lang }));
    expect(mine).toEqual(theirs);
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
