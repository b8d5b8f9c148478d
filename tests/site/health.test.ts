import { describe, expect, it } from 'vitest';
import { freshness, isStale, sourceHealth, STALE_DAYS } from '../../src/lib/health.ts';
import type { RunReport } from '../../src/model/schemas.ts';

const run = (sources: Record<string, Partial<RunReport['sources'][string]>>): RunReport => ({
  generatedAt: '2026-05-21T12:00:00+08:00',
  sources: Object.fromEntries(
    Object.entries(sources).map(([id, s]) => [
      id,
      {
        state: 'ok',
        kind: 'html-list',
        url: null,
        district: null,
        listsFetched: 0,
        itemsSeen: 0,
        itemsNew: 0,
        itemsChanged: 0,
        itemsUnchanged: 0,
        errors: [],
        durationMs: 0,
        lastCheckedAt: null,
        lastSuccessAt: null,
        ...s,
      } as RunReport['sources'][string],
    ]),
  ),
});

describe('stale sources', () => {
  it(`is stale when the last success is more than ${STALE_DAYS} days before the run, or never`, () => {
    const now = '2026-05-21T12:00:00+08:00';
    expect(isStale('2026-05-08T12:00:00+08:00', now)).toBe(false);
    expect(isStale('2026-05-06T12:00:00+08:00', now)).toBe(true);
    expect(isStale(null, now)).toBe(true);
  });

  it('reports every source, sorted, with unconfigured sources never stale', () => {
    const r = run({ b: { state: 'blocked', lastSuccessAt: null }, a: { state: 'unconfigured' }, c: { lastSuccessAt: '2026-05-21T11:00:00+08:00' } });
    expect(sourceHealth(r).map((s) => [s.id, s.state, s.stale])).toEqual([
      ['a', 'unconfigured', false],
      ['b', 'blocked', true],
      ['c', 'ok', false],
    ]);
    expect(sourceHealth(null)).toEqual([]);
  });
});

describe('freshness of a cell', () => {
  const r = run({
    'nanjing-notices': { district: 'nanjing', lastSuccessAt: '2026-05-21T12:00:00+08:00' },
    'kunming-notices': { district: 'kunming', state: 'blocked', lastSuccessAt: '2026-04-01T12:00:00+08:00' },
    gacc: { state: 'failing', lastSuccessAt: null },
    'hefei-notices': { district: 'hefei', state: 'unconfigured' },
  });

  it('is fresh when one source that reports on it succeeded recently', () => {
    expect(freshness(r, ['gacc'], ['nanjing']).kind).toBe('fresh');
  });
  it('is stale when every source for it (evidence sources and district sources) is stale', () => {
    const f = freshness(r, ['gacc'], ['kunming']);
    expect(f.kind).toBe('stale');
    expect(f.kind === 'stale' && f.sources.map((s) => s.id).sort()).toEqual(['gacc', 'kunming-notices']);
  });
  it('says so when no source covers it, or when there has been no run', () => {
    expect(freshness(r, [], ['hefei']).kind).toBe('unmonitored');
    expect(freshness(r, [], ['beijing']).kind).toBe('unmonitored');
    expect(freshness(null, ['gacc'], ['nanjing']).kind).toBe('no-run');
  });
});

describe('per-source fields for the health page', () => {
  it('carries family, columns, last change, items and how it was fetched', () => {
    const column = {
      url: 'https://x.customs.gov.cn/x_customs/1/2/index.html',
      how: 'discovered' as const,
      linkText: '通知公告',
      foundAt: '2026-05-20T01:00:00Z',
    };
    const r = run({
      a: { family: 'customs-new', columns: [column], lastChangeAt: '2026-05-20T01:00:00Z', itemsSeen: 5, itemsNew: 2, itemsChanged: 1, via: 'browser' },
      b: {},
    });
    const [a, b] = sourceHealth(r);
    expect(a).toMatchObject({
      family: 'customs-new',
      columns: [column],
      lastChangeAt: '2026-05-20T01:00:00Z',
      items: { seen: 5, new: 2, changed: 1 },
      via: 'browser',
    });
    expect(b).toMatchObject({ family: undefined, lastChangeAt: null, items: { seen: 0, new: 0, changed: 0 } });
  });
});
