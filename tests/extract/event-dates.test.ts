/** Effective dates and application deadlines from announcement text (invented sentences). */
import { describe, expect, it } from 'vitest';
import { extractEventDates } from '../../scrapers/extract/event-dates.ts';

const PUB = '2026-03-20';

describe('extractEventDates', () => {
  it.each<[string, string, { effectiveFrom?: string; applyBy?: string }]>([
    ['explicit start', '本措施自2026年4月1日起施行。', { effectiveFrom: '2026-04-01' }],
    ['start without a year takes the publication year', '自4月15日起正式实施。', { effectiveFrom: '2026-04-15' }],
    ['"from date X" without 自', '2026年5月1日起实施新的申报方式。', { effectiveFrom: '2026-05-01' }],
    ['on publication', '本公告自发布之日起施行。', { effectiveFrom: PUB }],
    ['ISO date', '自2026-06-01起执行。', { effectiveFrom: '2026-06-01' }],
    ['deadline: apply before', '有意向的企业请于2026年4月30日前向所在地海关提交申请。', { applyBy: '2026-04-30' }],
    ['deadline: named', '申报截止日期为2026年5月15日。', { applyBy: '2026-05-15' }],
    ['deadline: 截至', '报名时间截至5月10日。', { applyBy: '2026-05-10' }],
    ['both', '本通知自2026年4月1日起实施。符合条件的企业应于4月20日前提交申请材料。', { effectiveFrom: '2026-04-01', applyBy: '2026-04-20' }],
    ['a bare date is neither', '2026年3月12日，首票货物顺利通关。', {}],
    ['an impossible date is dropped', '自2026年2月30日起施行。', {}],
    ['a past reference is not an application deadline', '2025年共有12家企业申请。', {}],
  ])('%s', (_, text, expected) => {
    expect(extractEventDates(text, PUB)).toEqual(expected);
  });

  it('ignores whitespace and line breaks between the words', () => {
    expect(extractEventDates('自 2026 年 4 月 1 日\n起施行', PUB)).toEqual({ effectiveFrom: '2026-04-01' });
  });
});

describe('the writer records them (scrapers/write/record.ts)', () => {
  it('on a relevant page, from the body text; never on an irrelevant one', async () => {
    const { buildRecord } = await import('../../scrapers/write/record.ts');
    const { extracted, META } = await import('../write/_extracted.ts');
    const body = '<p>本措施自<b>2026年4月1日</b>起施行。</p><p>请于4月20日前提交申请。</p>';
    const rec = buildRecord(META, extracted({ bodyHtml: body, publishedAt: PUB, relevant: true }), `sha256:${'0'.repeat(64)}`, '2026-03-20T10:00:00+08:00');
    expect(rec).toMatchObject({ effectiveFrom: '2026-04-01', applyBy: '2026-04-20' });
    const irrelevant = buildRecord(
      META,
      extracted({ bodyHtml: body, publishedAt: PUB, relevant: false }),
      `sha256:${'0'.repeat(64)}`,
      '2026-03-20T10:00:00+08:00',
    );
    expect(irrelevant).not.toHaveProperty('effectiveFrom');
    expect(irrelevant).not.toHaveProperty('applyBy');
  });
});
