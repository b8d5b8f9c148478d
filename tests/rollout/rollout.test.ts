/** Table tests, one block per rule of src/model/rollout.ts. */
import { describe, expect, it } from 'vitest';
import { cellKey, deriveCell, deriveCells, unknownReferences, type AnnouncementInput, type MeasureInput, type OverrideInput } from '../../src/model/rollout.ts';
import type { Signal, Status } from '../../src/model/status.ts';
import { REVIEW_THRESHOLD } from '../../src/model/review.ts';
import { cellsAt } from '../../src/lib/changes.ts';

const PILOT: MeasureInput = { id: 'm-pilot', scope: { kind: 'pilot-cities' } };
const NATIONWIDE: MeasureInput = { id: 'm-national', scope: { kind: 'nationwide', since: '2026-01-15', sources: ['https://www.gov.cn/national.htm'] } };

let n = 0;
function ann(signal: Signal, publishedAt: string, over: Partial<AnnouncementInput> = {}): AnnouncementInput {
  n++;
  return {
    id: over.id ?? `a${n}`,
    publishedAt,
    relevant: true,
    signal,
    cities: ['c1'],
    measures: ['m-pilot'],
    products: [],
    eligibility: [],
    canonicalUrl: `https://x.customs.gov.cn/${n}.html`,
    ...over,
  };
}
const override = (over: Partial<OverrideInput> = {}): OverrideInput => ({
  measure: 'm-pilot',
  city: 'c1',
  status: 'suspended',
  since: '2026-06-01',
  note: 'A reviewer read the notice',
  source: { url: 'https://x.customs.gov.cn/review.html' },
  ...over,
});

describe('rule 4: each signal supports one status; other supports none', () => {
  it.each<[Signal, Status]>([
    ['launch', 'announced'],
    ['eligibility', 'details-published'],
    ['pilot-list', 'pilot'],
    ['operational', 'operational'],
    ['suspended', 'suspended'],
    ['not-announced', 'not-announced'],
    ['other', 'unknown'],
  ])('%s -> %s', (signal, status) => {
    const cell = deriveCell(PILOT, 'c1', [ann(signal, '2026-04-01', { id: 'x' })], undefined);
    expect(cell.status).toBe(status);
    expect(cell.since).toBe(status === 'unknown' ? null : '2026-04-01');
    expect(cell.evidence).toEqual(['x']);
    expect(cell.basis).toBe(status === 'unknown' ? 'none' : 'local');
  });
});

describe('rule 5: the most advanced status its evidence supports, since the date it was reached', () => {
  it.each<[string, [Signal, string][], Status, string]>([
    [
      'launch then pilot list',
      [
        ['launch', '2026-04-01'],
        ['pilot-list', '2026-05-01'],
      ],
      'pilot',
      '2026-05-01',
    ],
    [
      'pilot list then a later launch notice',
      [
        ['pilot-list', '2026-05-01'],
        ['launch', '2026-06-01'],
      ],
      'pilot',
      '2026-05-01',
    ],
    [
      'same status twice: the first date counts',
      [
        ['eligibility', '2026-04-10'],
        ['eligibility', '2026-05-10'],
      ],
      'details-published',
      '2026-04-10',
    ],
    [
      'input order does not matter',
      [
        ['operational', '2026-07-01'],
        ['launch', '2026-04-01'],
        ['eligibility', '2026-05-01'],
      ],
      'operational',
      '2026-07-01',
    ],
    [
      'other between launches changes nothing',
      [
        ['launch', '2026-04-01'],
        ['other', '2026-05-01'],
      ],
      'announced',
      '2026-04-01',
    ],
  ])('%s', (_, steps, status, since) => {
    const cell = deriveCell(
      PILOT,
      'c1',
      steps.map(([s, d]) => ann(s, d)),
      undefined,
    );
    expect(cell.status).toBe(status);
    expect(cell.since).toBe(since);
    // Evidence is listed oldest first.
    expect(cell.evidence).toHaveLength(steps.length);
  });

  it('lists evidence oldest first and records each step up the progression', () => {
    const a = ann('pilot-list', '2026-05-01', { id: 'late' });
    const b = ann('launch', '2026-04-01', { id: 'early' });
    const cell = deriveCell(PILOT, 'c1', [a, b], undefined);
    expect(cell.evidence).toEqual(['early', 'late']);
    expect(cell.history).toEqual([
      { date: '2026-04-01', status: 'announced', basis: 'early' },
      { date: '2026-05-01', status: 'pilot', basis: 'late' },
    ]);
  });

  it('collects pilot products and eligibility from all evidence, without duplicates', () => {
    const cell = deriveCell(
      PILOT,
      'c1',
      [
        ann('pilot-list', '2026-05-01', {
          products: [
            { id: 'tea', nameZh: '茶叶' },
            { id: null, nameZh: '咖啡' },
          ],
          eligibility: ['信用良好'],
        }),
        ann('eligibility', '2026-04-01', { products: [{ id: 'tea', nameZh: '茶叶' }], eligibility: ['信用良好', '无违规记录'] }),
      ],
      undefined,
    );
    expect(cell.pilotProducts).toEqual(['茶叶', '咖啡']);
    expect(cell.eligibility).toEqual(['信用良好', '无违规记录']);
  });
});

describe('rule 6: a nationwide measure is operational from its national date unless a later local source says suspended or not-announced', () => {
  it.each<[string, [Signal, string][], Status, string, string, string]>([
    ['no local evidence', [], 'operational', '2026-01-15', 'nationwide', 'nationwide'],
    ['older local launch: the national date decides', [['launch', '2025-10-01']], 'operational', '2026-01-15', 'nationwide', 'nationwide'],
    ['local launch on the national date changes nothing', [['launch', '2026-01-15']], 'operational', '2026-01-15', 'nationwide', 'nationwide'],
    ['later local launch notice: stays operational', [['launch', '2026-04-01']], 'operational', '2026-01-15', 'nationwide', 'nationwide'],
    ['later local pilot list: stays operational', [['pilot-list', '2026-04-01']], 'operational', '2026-01-15', 'nationwide', 'nationwide'],
    ['earlier local operational report: operational since then', [['operational', '2025-11-01']], 'operational', '2025-11-01', 'local', 'a'],
    ['later local suspension', [['suspended', '2026-04-01']], 'suspended', '2026-04-01', 'local', 'a'],
    ['later local not-announced source', [['not-announced', '2026-04-01']], 'not-announced', '2026-04-01', 'local', 'a'],
    ['suspension before the national date: replication supersedes it', [['suspended', '2025-12-01']], 'operational', '2026-01-15', 'nationwide', 'nationwide'],
    [
      'suspended, then a local operational report: restarted',
      [
        ['suspended', '2026-04-01'],
        ['operational', '2026-06-01'],
      ],
      'operational',
      '2026-06-01',
      'local',
      'b',
    ],
    ['later local "other" changes nothing', [['other', '2026-04-01']], 'operational', '2026-01-15', 'nationwide', 'nationwide'],
  ])('%s', (_, steps, status, since, basis, decidedBy) => {
    const cell = deriveCell(
      NATIONWIDE,
      'c1',
      steps.map(([s, d], i) => ann(s, d, { id: 'abc'.charAt(i), measures: ['m-national'] })),
      undefined,
    );
    expect(cell.status).toBe(status);
    expect(cell.since).toBe(since);
    expect(cell.basis).toBe(basis);
    expect(cell.decidedBy?.basis).toBe(decidedBy);
    expect(cell.nationalSources).toEqual(['https://www.gov.cn/national.htm']);
  });

  it('compares a month-only national date as the first of that month', () => {
    const m: MeasureInput = { id: 'm', scope: { kind: 'nationwide', since: '2026-01', sources: ['https://www.gov.cn/n.htm'] } };
    expect(deriveCell(m, 'c1', [ann('suspended', '2026-01-20')], undefined).status).toBe('suspended');
    expect(deriveCell(m, 'c1', [ann('suspended', '2025-12-31')], undefined).status).toBe('operational');
  });
});

describe('rule 5: suspended and not-announced signals on a pilot measure', () => {
  it.each<[string, [Signal, string][], Status, string | null]>([
    [
      'a later explicit suspension overrides operational',
      [
        ['operational', '2026-04-01'],
        ['suspended', '2026-06-01'],
      ],
      'suspended',
      '2026-06-01',
    ],
    [
      'a suspension overrides a stronger status however old that is',
      [
        ['pilot-list', '2026-04-01'],
        ['launch', '2026-05-01'],
        ['suspended', '2026-06-01'],
      ],
      'suspended',
      '2026-06-01',
    ],
    [
      'positive evidence after a suspension restarts',
      [
        ['suspended', '2026-04-01'],
        ['launch', '2026-06-01'],
      ],
      'announced',
      '2026-06-01',
    ],
    ['not-announced fills an empty cell', [['not-announced', '2026-04-01']], 'not-announced', '2026-04-01'],
    [
      'not-announced does not undo a launch',
      [
        ['launch', '2026-04-01'],
        ['not-announced', '2026-05-01'],
      ],
      'announced',
      '2026-04-01',
    ],
    [
      'a launch after not-announced',
      [
        ['not-announced', '2026-04-01'],
        ['launch', '2026-05-01'],
      ],
      'announced',
      '2026-05-01',
    ],
  ])('%s', (_, steps, status, since) => {
    const cell = deriveCell(
      PILOT,
      'c1',
      steps.map(([s, d]) => ann(s, d)),
      undefined,
    );
    expect(cell.status).toBe(status);
    expect(cell.since).toBe(since);
  });
});

describe('rule 2: machine evidence below the review threshold is pending and changes nothing', () => {
  const low = { extraction: { confidence: REVIEW_THRESHOLD - 0.01 }, review: { state: 'auto' as const } };
  it.each<[string, AnnouncementInput[], Status, string[], string[]]>([
    ['low confidence alone', [ann('operational', '2026-04-01', { id: 'low', ...low })], 'unknown', [], ['low']],
    [
      'low confidence after a launch',
      [ann('launch', '2026-03-01', { id: 'ok' }), ann('operational', '2026-04-01', { id: 'low', ...low })],
      'announced',
      ['ok'],
      ['low'],
    ],
    ['at the threshold counts', [ann('operational', '2026-04-01', { id: 'at', extraction: { confidence: REVIEW_THRESHOLD } })], 'operational', ['at'], []],
    [
      'low confidence but reviewed counts',
      [ann('operational', '2026-04-01', { id: 'rev', extraction: { confidence: 0.1 }, review: { state: 'reviewed' } })],
      'operational',
      ['rev'],
      [],
    ],
    [
      'low-confidence suspension does not suspend',
      [ann('operational', '2026-03-01', { id: 'ok' }), ann('suspended', '2026-04-01', { id: 'low', ...low })],
      'operational',
      ['ok'],
      ['low'],
    ],
  ])('%s', (_, anns, status, evidence, pending) => {
    const cell = deriveCell(PILOT, 'c1', anns, undefined);
    expect(cell.status).toBe(status);
    expect(cell.evidence).toEqual(evidence);
    expect(cell.pending).toEqual(pending);
  });
});

describe('rule 3: a withdrawn page stops counting from its withdrawal date', () => {
  const pulled = ann('operational', '2026-04-01', { id: 'pulled', withdrawnAt: '2026-05-10' });
  const launch = ann('launch', '2026-03-01', { id: 'launch' });
  it('today: the withdrawn page is listed but the cell falls back to the rest', () => {
    const cell = deriveCell(PILOT, 'c1', [launch, pulled], undefined);
    expect(cell).toMatchObject({ status: 'announced', since: '2026-03-01', evidence: ['launch'], withdrawn: ['pulled'] });
    expect(cell.decidedBy?.basis).toBe('launch');
  });
  it.each<[string, Status]>([
    ['2026-04-30', 'operational'],
    ['2026-05-09', 'operational'],
    ['2026-05-10', 'announced'],
    ['2026-06-01', 'announced'],
  ])('the matrix at %s says %s', (date, status) => {
    const cells = cellsAt({ measures: [PILOT], cities: [{ id: 'c1' }], announcements: [launch, pulled], overrides: [] }, date);
    expect(cells.get(cellKey('m-pilot', 'c1'))?.status).toBe(status);
  });
});

describe('rule 9: every cell says which source decided it, and whether a person reviewed that source', () => {
  it.each<[string, MeasureInput, AnnouncementInput[], OverrideInput | undefined, string | null, 'auto' | 'reviewed']>([
    ['unknown: nobody', PILOT, [], undefined, null, 'auto'],
    [
      'the announcement that reached the strongest status',
      PILOT,
      [ann('launch', '2026-03-01', { id: 'l' }), ann('pilot-list', '2026-04-01', { id: 'p' }), ann('launch', '2026-05-01', { id: 'l2' })],
      undefined,
      'p',
      'auto',
    ],
    [
      'a reviewed evidence record',
      PILOT,
      [ann('operational', '2026-03-12', { id: 'evidence/rec', review: { state: 'reviewed' } })],
      undefined,
      'evidence/rec',
      'reviewed',
    ],
    ['the national date', NATIONWIDE, [ann('launch', '2026-04-01', { measures: ['m-national'] })], undefined, 'nationwide', 'auto'],
    ['the override', PILOT, [ann('operational', '2026-04-01')], override({ status: 'pilot' }), 'override', 'reviewed'],
  ])('%s', (_, measure, anns, o, decidedBy, verification) => {
    const cell = deriveCell(measure, 'c1', anns, o);
    expect(cell.decidedBy?.basis ?? null).toBe(decidedBy);
    expect(cell.verification).toBe(verification);
    if (cell.decidedBy) expect(cell.decidedBy.status).toBe(cell.status);
  });
});

describe('rule 7: a human override wins', () => {
  it.each<[string, MeasureInput, [Signal, string][]]>([
    ['over local evidence', PILOT, [['operational', '2026-04-01']]],
    ['over the nationwide scope', NATIONWIDE, []],
    ['over newer evidence than the review', PILOT, [['operational', '2026-09-01']]],
    ['with no evidence at all', PILOT, []],
  ])('%s', (_, measure, steps) => {
    const o = override({ measure: measure.id, status: 'pilot', since: '2026-06-01', pilotProducts: ['人工确认产品'], eligibility: ['人工确认条件'] });
    const cell = deriveCell(
      measure,
      'c1',
      steps.map(([s, d]) => ann(s, d, { measures: [measure.id] })),
      o,
    );
    expect(cell).toMatchObject({ status: 'pilot', since: '2026-06-01', verification: 'reviewed', basis: 'override', note: o.note });
    expect(cell.pilotProducts).toEqual(['人工确认产品']);
    expect(cell.eligibility).toEqual(['人工确认条件']);
    expect(cell.history.at(-1)).toEqual({ date: '2026-06-01', status: 'pilot', basis: 'override' });
  });

  it('keeps derived products and eligibility when the override gives none', () => {
    const cell = deriveCell(PILOT, 'c1', [ann('pilot-list', '2026-05-01', { products: [{ id: null, nameZh: '茶叶' }] })], override({ status: 'suspended' }));
    expect(cell.status).toBe('suspended');
    expect(cell.pilotProducts).toEqual(['茶叶']);
  });
});

describe('rule 8: no evidence, no override, not nationwide -> unknown', () => {
  it('is unknown, auto, with nothing invented', () => {
    expect(deriveCell(PILOT, 'c1', [], undefined)).toMatchObject({
      status: 'unknown',
      since: null,
      evidence: [],
      pending: [],
      withdrawn: [],
      pilotProducts: [],
      eligibility: [],
      verification: 'auto',
      basis: 'none',
      decidedBy: null,
      history: [],
    });
  });
});

describe('rule 1 and the grid: evidence must be relevant and name both the measure and the city', () => {
  const measures = [PILOT, NATIONWIDE];
  const cities = [{ id: 'c1' }, { id: 'c2' }];
  const a = ann('pilot-list', '2026-05-01', { id: 'both', measures: ['m-pilot'], cities: ['c1'] });
  const irrelevant = ann('operational', '2026-05-02', { id: 'irrelevant', relevant: false, measures: ['m-pilot'], cities: ['c2'] });
  const otherCity = ann('operational', '2026-05-03', { id: 'other-city', measures: ['m-pilot'], cities: ['c9'] });
  const cells = deriveCells(measures, cities, [a, irrelevant, otherCity], [override({ measure: 'm-national', city: 'c2', status: 'suspended' })]);

  it('derives every measure x city cell', () => {
    expect([...cells.keys()].sort()).toEqual(
      [cellKey('m-national', 'c1'), cellKey('m-national', 'c2'), cellKey('m-pilot', 'c1'), cellKey('m-pilot', 'c2')].sort(),
    );
  });

  it.each<[string, string, Status, string[]]>([
    ['m-pilot', 'c1', 'pilot', ['both']],
    ['m-pilot', 'c2', 'unknown', []],
    ['m-national', 'c1', 'operational', []],
    ['m-national', 'c2', 'suspended', []],
  ])('%s x %s -> %s', (m, c, status, evidence) => {
    const cell = cells.get(cellKey(m, c));
    expect(cell?.status).toBe(status);
    expect(cell?.evidence).toEqual(evidence);
  });

  it('ignores irrelevant evidence even when passed to deriveCell directly', () => {
    expect(deriveCell(PILOT, 'c2', [irrelevant], undefined).status).toBe('unknown');
  });

  it('is pure: the same input gives equal cells', () => {
    expect(deriveCells(measures, cities, [a, irrelevant, otherCity], [])).toEqual(deriveCells(measures, cities, [otherCity, irrelevant, a], []));
  });
});

describe('rule 10: unknown measures and cities are reported as candidates, not dropped', () => {
  it('reports ids missing from the catalogue and unmatched names', () => {
    const a = ann('launch', '2026-05-01', {
      id: 'a',
      measures: ['m-pilot', 'm-new'],
      cities: ['c1', 'c-new'],
      candidates: { cities: ['玉溪'], measures: ['新措施'] },
    });
    expect(unknownReferences([a], new Set(['m-pilot']), new Set(['c1']))).toEqual([
      { announcement: 'a', kind: 'measure', id: 'm-new', via: 'id' },
      { announcement: 'a', kind: 'city', id: 'c-new', via: 'id' },
      { announcement: 'a', kind: 'measure', id: '新措施', via: 'name' },
      { announcement: 'a', kind: 'city', id: '玉溪', via: 'name' },
    ]);
  });

  it('reports nothing when everything is known', () => {
    expect(unknownReferences([ann('launch', '2026-05-01')], new Set(['m-pilot']), new Set(['c1']))).toEqual([]);
  });
});
