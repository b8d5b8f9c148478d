import { describe, expect, it } from 'vitest';
import { Dictionary } from '../../scrapers/extract/match.ts';

const names = (hits: { name: string }[]) => hits.map((h) => h.name);

describe('dictionary scanning', () => {
  const d = new Dictionary(
    [
      ['中', 'one'],
      ['中欧班列', 'train'],
      ['中欧', 'pair'],
      ['农产品绿色通道', 'channel'],
      ['鲜活农产品', 'goods'],
    ].map(([k, v]) => [k, v] as [string, string]),
  );

  it('takes the longest name at a position, and a one-character name where no longer one fits', () => {
    expect(names(d.scan('经中欧班列运往中亚'))).toEqual(['中欧班列', '中']);
    expect(names(d.scan('中欧贸易'))).toEqual(['中欧']);
  });

  it('says whether a text holds any name, as a scan would', () => {
    for (const t of ['经中欧班列运往', '中', '没有名字的句子', '', '鲜活农产品出口']) expect(d.has(t)).toBe(d.scan(t).length > 0);
  });

  it('matches a name whose characters the writer split with quotes, quotes right after the first character too', () => {
    const q = new Dictionary([['生鲜集拼', 1] as [string, number]], { ignoreQuotes: true });
    expect(names(q.scan('开展生“鲜集拼”试点'))).toEqual(['生“鲜集拼']);
    expect(names(q.scan('开展生鲜“集拼”试点'))).toEqual(['生鲜“集拼']);
    expect(q.has('开展“生鲜集拼”试点')).toBe(true);
  });

  it('keeps the longer span where names overlap, when asked to', () => {
    const s = new Dictionary(
      [
        ['鲜活农产品', 'goods'],
        ['农产品绿色通道', 'channel'],
      ] as [string, string][],
      { longestSpan: true, ignoreQuotes: true },
    );
    expect(names(s.scan('鲜活农产品“绿色通道”'))).toEqual(['农产品“绿色通道']);
  });
});
