/** The word-split copy of an announcement body that Pagefind indexes (src/lib/search-text.ts). */
import { describe, expect, it } from 'vitest';
import { htmlText, searchText, segmentWords } from '../../src/lib/search-text.ts';

describe('search text of a body', () => {
  it('splits Chinese into the words Intl.Segmenter finds, as the search box does for queries', () => {
    const words = segmentWords('鼓励企业运用电子签章，推动无纸化贸易。').split(' ');
    expect(words.join('')).toBe('鼓励企业运用电子签章，推动无纸化贸易。');
    expect(words).toContain('企业');
    expect(words).toContain('贸易');
    expect(words.length).toBeGreaterThan(6);
  });

  it('drops tags, decodes entities and keeps hostile text as text', () => {
    const html = '<p>HACCP预先指导 &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x4E00;品</p><ul><li>清真食品</li></ul>';
    expect(htmlText(html)).toContain('<script>alert(1)</script> & 一品');
    const text = searchText(html);
    expect(text).not.toMatch(/<p>|<li>/);
    expect(text).toContain('HACCP');
    expect(text).toContain('清真');
    expect(text).toContain('script');
  });

  it('is empty for an empty body', () => {
    expect(searchText('')).toBe('');
    expect(searchText('<p> </p>')).toBe('');
  });
});
