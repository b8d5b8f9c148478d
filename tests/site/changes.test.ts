import { describe, expect, it } from 'vitest';
import { announcementEffects, adoptionOrder, cellsAt, diffCells, snapshotDates, type RolloutInput } from '../../src/lib/changes.ts';
import { deriveCells, type AnnouncementInput } from '../../src/model/rollout.ts';

const ann = (id: string, publishedAt: string, signal: AnnouncementInput['signal'], cities: string[], products: string[] = []): AnnouncementInput => ({
  id,
  publishedAt,
  relevant: true,
  signal,
  cities,
  measures: ['m'],
  products: products.map((nameZh) => ({ nameZh, id: null })),
  eligibility: [],
  canonicalUrl: `https://example.org/${id}`,
});

const input: RolloutInput = {
  measures: [
    { id: 'm', scope: { kind: 'pilot-cities' } },
    { id: 'n', scope: { kind: 'nationwide', since: '2026-05', sources: ['https://example.org/n'] } },
  ],
  cities: [{ id: 'a' }, { id: 'b' }],
  announcements: [
    ann('x1', '2026-04-10', 'launch', ['a', 'b']),
    ann('x2', '2026-05-06', 'pilot-list', ['a'], ['茶']),
    ann('x3', '2026-05-20', 'launch', ['a'], ['茶', '面']),
  ],
  overrides: [],
};

describe('what each announcement changed', () => {
  const cells = deriveCells(input.measures, input.cities, input.announcements, input.overrides);
  const effects = announcementEffects(cells.values(), new Map(input.announcements.map((a) => [a.id, a])));

  it('gives old -> new status per cell and the pilot products that are new to the cell', () => {
    expect(effects.get('x1')).toEqual([
      { measure: 'm', city: 'a', from: 'unknown', to: 'announced', newProducts: [] },
      { measure: 'm', city: 'b', from: 'unknown', to: 'announced', newProducts: [] },
    ]);
    expect(effects.get('x2')).toEqual([{ measure: 'm', city: 'a', from: 'announced', to: 'pilot', newProducts: ['茶'] }]);
  });

  it('keeps an announcement that changes no status but names a new product, with from = to', () => {
    expect(effects.get('x3')).toEqual([{ measure: 'm', city: 'a', from: 'pilot', to: 'pilot', newProducts: ['面'] }]);
  });
});

describe('the matrix at a date and diffs between dates', () => {
  it('uses only announcements published by then and nationwide scopes in force by then', () => {
    const april = cellsAt(input, '2026-04-30');
    expect(april.get('m--a')?.status).toBe('announced');
    expect(april.get('n--a')?.status).toBe('unknown');
    const may = cellsAt(input, '2026-05-06');
    expect(may.get('m--a')?.status).toBe('pilot');
    expect(may.get('n--b')?.status).toBe('operational');
    expect(cellsAt(input, '2026-04-09').get('m--a')?.status).toBe('unknown');
  });

  it('lists the cells whose status changed', () => {
    const changes = diffCells(cellsAt(input, '2026-04-30'), cellsAt(input, '2026-05-06'));
    expect(changes.map((c) => `${c.key}:${c.from}>${c.to}`).sort()).toEqual(['m--a:announced>pilot', 'n--a:unknown>operational', 'n--b:unknown>operational']);
    expect(diffCells(cellsAt(input, '2026-05-06'), cellsAt(input, '2026-05-06'))).toEqual([]);
  });

  it('offers each publication date once, in order, plus extra dates', () => {
    expect(snapshotDates(input.announcements, ['2026-03-16', '2026-04-10'])).toEqual(['2026-03-16', '2026-04-10', '2026-05-06', '2026-05-20']);
  });

  it('orders cities by when they adopted a measure', () => {
    const cells = deriveCells(input.measures, input.cities, [ann('y1', '2026-05-01', 'launch', ['b']), ann('y2', '2026-04-01', 'eligibility', ['a'])], []);
    expect(adoptionOrder([cells.get('m--a')!, cells.get('m--b')!])).toEqual([
      { city: 'a', date: '2026-04-01' },
      { city: 'b', date: '2026-05-01' },
    ]);
  });
});
