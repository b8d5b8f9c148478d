/** Cities and measure names seen in evidence but not catalogued; the review list's Markdown (invented inputs). */
import { describe, expect, it } from 'vitest';
import { provinceOf, seenCities, seenMeasures, evidenceInput } from '../../src/lib/seen.ts';
import { mdText } from '../../src/lib/review.ts';
import { reportProblemUrl } from '../../src/lib/report.ts';
import type { CityMention } from '../../src/model/schemas.ts';

const mention = (nameZh: string, nameEn: string, adcode: string, id: string | null = null): CityMention => ({ id, nameZh, nameEn, adcode, via: [nameZh] });
const item = (id: string, publishedAt: string, mentions: CityMention[], relevant = true) => ({ id, publishedAt, relevant, cityMentions: mentions });
const CATALOGUE = [
  { id: 'suzhou-jiangsu', adcode: '3205' },
  { id: 'kunming', adcode: '5301' },
];

describe('seenCities', () => {
  it('keys a non-catalogue city by its prefecture adcode, slug from pinyin, province from GB/T 2260', () => {
    const seen = seenCities([item('a', '2026-05-01', [mention('玉溪', 'Yuxi', '530400')])], CATALOGUE);
    expect(seen).toEqual([
      { id: 'yuxi', adcode: '530400', name: { zh: '玉溪', en: 'Yuxi' }, province: { zh: '云南省', en: 'Yunnan' }, evidence: ['a'], firstSeen: '2026-05-01' },
    ]);
  });

  it.each<[string, CityMention[]]>([
    ['a catalogue id', [mention('昆明', 'Kunming', '530100', 'kunming')]],
    ['a catalogue adcode without an id', [mention('昆明', 'Kunming', '530100')]],
  ])('ignores %s', (_, mentions) => {
    expect(seenCities([item('a', '2026-05-01', mentions)], CATALOGUE)).toEqual([]);
  });

  it('ignores irrelevant announcements', () => {
    expect(seenCities([item('a', '2026-05-01', [mention('玉溪', 'Yuxi', '530400')], false)], CATALOGUE)).toEqual([]);
  });

  it('on a collision the city seen first keeps the plain slug; the later one gets its province', () => {
    const items = [item('late', '2026-05-09', [mention('台州', 'Taizhou', '331000')]), item('early', '2026-05-01', [mention('泰州', 'Taizhou', '321200')])];
    const seen = seenCities(items, CATALOGUE);
    expect(seen.map((c) => [c.id, c.adcode])).toEqual([
      ['taizhou', '321200'],
      ['taizhou-zhejiang', '331000'],
    ]);
  });

  it('a pinyin equal to a catalogue id of another city gets the province', () => {
    const seen = seenCities([item('a', '2026-05-01', [mention('宿州', 'Suzhou', '341300')])], [...CATALOGUE, { id: 'suzhou', adcode: '3205' }]);
    expect(seen[0]?.id).toBe('suzhou-anhui');
  });

  it('a promoted city (catalogue file with its adcode, named by the same slug) leaves the list; its URL is the same', () => {
    const items = [item('a', '2026-05-01', [mention('玉溪', 'Yuxi', '530400')])];
    const [before] = seenCities(items, CATALOGUE);
    expect(seenCities(items, [...CATALOGUE, { id: before!.id, adcode: '5304' }])).toEqual([]);
  });

  it('one entry per city, evidence oldest first', () => {
    const seen = seenCities(
      [item('b', '2026-05-09', [mention('玉溪', 'Yuxi', '530400')]), item('a', '2026-05-01', [mention('玉溪市', 'Yuxi', '530400')])],
      CATALOGUE,
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]!.evidence).toEqual(['a', 'b']);
  });

  it('a county-level city a province administers directly stands for itself', () => {
    const seen = seenCities([item('a', '2026-05-01', [mention('仙桃', 'Xiantao', '429004'), mention('潜江', 'Qianjiang', '429005')])], CATALOGUE);
    expect(seen.map((c) => [c.id, c.adcode, c.province.en])).toEqual([
      ['xiantao', '429004', 'Hubei'],
      ['qianjiang', '429005', 'Hubei'],
    ]);
  });

  it('romanises provinces whose plain pinyin is ambiguous', () => {
    expect(provinceOf('610100').en).toBe('Shaanxi');
    expect(provinceOf('140100').en).toBe('Shanxi');
    expect(provinceOf('150100').en).toBe('Inner Mongolia');
  });
});

describe('seenMeasures', () => {
  const catalogue = [{ name: { zh: '一品一策' }, keywords: ['一品一策', '精准服务'] }];
  it('lists names no catalogue measure has as name or keyword, with their announcements newest first', () => {
    const out = seenMeasures(
      [
        { id: 'a', publishedAt: '2026-05-01', relevant: true, candidates: { measures: ['合成新措施', '精准服务'] } },
        { id: 'b', publishedAt: '2026-05-09', relevant: true, candidates: { measures: [' 合成新措施 '] } },
        { id: 'c', publishedAt: '2026-05-10', relevant: false, candidates: { measures: ['无关措施'] } },
      ],
      catalogue,
    );
    expect(out).toEqual([
      {
        name: '合成新措施',
        announcements: [
          { id: 'b', date: '2026-05-09' },
          { id: 'a', date: '2026-05-01' },
        ],
      },
    ]);
  });
});

describe('evidenceInput', () => {
  it('is reviewed evidence for catalogue cities only', () => {
    const input = evidenceInput('rec', {
      summary: { en: 'x', zh: 'x' },
      date: '2026-03-12',
      district: 'changsha',
      cityMentions: [mention('永州', 'Yongzhou', '431100')],
      measures: ['fresh-produce-consolidation'],
      signal: 'operational',
      products: [],
      markets: ['HK'],
      sources: [{ url: 'https://example.org/x', verification: 'trade-press', supports: 'x' }],
      reviewedAt: '2026-03-20T00:00:00Z',
    });
    expect(input).toMatchObject({ id: 'evidence/rec', publishedAt: '2026-03-12', cities: [], review: { state: 'reviewed' }, relevant: true });
  });
});

describe('Markdown of the review list (a pull request body)', () => {
  it.each([
    ['[点击](https://evil.invalid)', '\\[点击\\]\\(https://evil\\.invalid\\)'],
    ['@someone please', '&#64;someone please'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert\\(1\\)\\>'],
    ['**bold** `code`\n# heading', '\\*\\*bold\\*\\* \\`code\\` \\# heading'],
  ])('%j stays text', (input, out) => {
    expect(mdText(input)).toBe(out);
  });
});

describe('report a problem', () => {
  it('opens the repository new-issue form with the subject and facts prefilled', () => {
    const url = new URL(reportProblemUrl({ subject: 'cell m--c', facts: ['Current status: pilot'] }, 'https://github.com/example/repo'));
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/example/repo/issues/new');
    expect(url.searchParams.get('title')).toBe('Problem: cell m--c');
    expect(url.searchParams.get('body')).toContain('- Current status: pilot');
    expect(url.searchParams.get('body')).toContain('Your source');
  });
});
