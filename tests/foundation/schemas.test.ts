import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, type CollectionName } from '../../src/model/schemas.ts';
import { validateRecord } from '../../src/model/validate.ts';
import { ROOT } from '../helpers/site.ts';

const seed = (rel: string) => JSON.parse(readFileSync(path.join(ROOT, 'content', rel), 'utf8'));
const clone = <T>(x: T): T => structuredClone(x);

const announcement = {
  url: 'https://example.customs.gov.cn/a/1.html',
  canonicalUrl: 'https://example.customs.gov.cn/a/1.html',
  title: '关于开展试点的公告',
  district: 'nanjing',
  sourceId: 'nanjing-notices',
  publishedAt: '2026-05-07',
  firstSeenAt: '2026-05-08T01:02:03Z',
  contentHash: `sha256:${'a'.repeat(64)}`,
  cities: ['suzhou-jiangsu'],
  measures: ['one-product-one-policy'],
  products: [{ id: null, nameZh: '碧螺春茶' }],
  markets: ['EU'],
  eligibility: ['具有出口食品生产企业备案'],
  signal: 'pilot-list',
  attachments: [],
  extraction: { method: 'rules', version: '1', confidence: 0.9 },
  review: { state: 'auto' },
};
const override = {
  measure: 'one-product-one-policy',
  city: 'suzhou-jiangsu',
  status: 'pilot',
  since: '2026-05-07',
  note: 'Reviewed against the district notice.',
  source: { url: 'https://example.customs.gov.cn/a/1.html' },
  reviewedAt: '2026-05-09T00:00:00Z',
};
const product = { name: { zh: '苹果', en: 'Apples' }, hs: ['0808'], category: 'fruit', sources: [{ url: 'https://www.wcoomd.org/' }] };

/** A valid record per collection, and the ways each can break (field path that must be named). */
const cases: Record<CollectionName, { valid: unknown; broken: [string, (r: any) => void, string][] }> = {
  editions: {
    valid: seed('editions/2026.json'),
    broken: [
      ['no sources', (r) => (r.sources = []), 'sources'],
      ['year as text', (r) => (r.year = '2026'), 'year'],
      ['bad start date', (r) => (r.start = '16 March 2026'), 'start'],
    ],
  },
  measures: {
    valid: seed('measures/one-product-one-policy.json'),
    broken: [
      ['unknown verification', (r) => (r.verification = 'rumour'), 'verification'],
      ['missing English name', (r) => delete r.name.en, 'name.en'],
      ['nationwide without source', (r) => (r.scope = { kind: 'nationwide', since: '2026-01', sources: [] }), 'scope.sources'],
      ['no source and not inferred', (r) => (r.sources = []), 'sources'],
      ['no keywords', (r) => (r.keywords = []), 'keywords'],
    ],
  },
  cities: {
    valid: seed('cities/suzhou-jiangsu.json'),
    broken: [
      ['unknown participation', (r) => (r.participation = 'maybe'), 'participation'],
      ['no source', (r) => (r.sources = []), 'sources'],
      ['source URL not http', (r) => (r.sources[0].url = 'javascript:alert(1)'), 'sources.0.url'],
      ['bad adcode', (r) => (r.adcode = 'SZ'), 'adcode'],
    ],
  },
  districts: {
    valid: seed('districts/nanjing.json'),
    broken: [
      ['host not gov.cn', (r) => (r.host = 'evil.example'), 'host'],
      ['missing name', (r) => delete r.name, 'name'],
    ],
  },
  products: {
    valid: product,
    broken: [
      ['HS code with letters', (r) => (r.hs = ['08x8']), 'hs.0'],
      ['no source', (r) => (r.sources = []), 'sources'],
    ],
  },
  markets: {
    valid: seed('markets/sa.json'),
    broken: [
      ['requirement without legal reference', (r) => delete r.requirements[0].legalRef, 'requirements.0.legalRef'],
      ['unknown kind', (r) => (r.kind = 'region'), 'kind'],
    ],
  },
  announcements: {
    valid: announcement,
    broken: [
      ['date as prose', (r) => (r.publishedAt = '2026年5月7日'), 'publishedAt'],
      ['unknown signal', (r) => (r.signal = 'rumour'), 'signal'],
      ['bad hash', (r) => (r.contentHash = 'md5:abc'), 'contentHash'],
      ['non-slug city', (r) => (r.cities = ['苏州']), 'cities.0'],
      ['review state', (r) => (r.review = { state: 'maybe' }), 'review.state'],
      ['confidence above 1', (r) => (r.extraction.confidence = 2), 'extraction.confidence'],
    ],
  },
  cells: {
    valid: override,
    broken: [
      ['unknown status', (r) => (r.status = 'live'), 'status'],
      ['no source', (r) => delete r.source, 'source'],
      ['empty note', (r) => (r.note = ''), 'note'],
    ],
  },
  evidence: {
    valid: seed('evidence/yongzhou-fresh-produce-consolidation-2026-03-12.json'),
    broken: [
      ['no sources', (r) => (r.sources = []), 'sources'],
      ['source without how it was read', (r) => delete r.sources[0].verification, 'sources.0.verification'],
      ['no place named', (r) => (r.cityMentions = []), 'cityMentions'],
      ['5-digit adcode', (r) => (r.cityMentions[0].adcode = '43110'), 'cityMentions.0.adcode'],
      ['date as a timestamp', (r) => (r.date = '2026-03-12T00:00:00Z'), 'date'],
    ],
  },
  changelog: {
    valid: {
      date: '2026-05-08',
      changes: [{ record: 'announcements/x', field: '(created)', old: null, new: 'x', detectedAt: '2026-05-08T00:00:00Z', sourceUrl: null }],
    },
    broken: [['bad date', (r) => (r.date = 'yesterday'), 'date']],
  },
};

/** Serialise a record the way its collection stores it. */
function asFile(name: CollectionName, record: unknown): { file: string; text: string } {
  if (name === 'announcements') return { file: 'x.md', text: `---\n${JSON.stringify(record)}\n---\nbody\n` };
  return { file: 'x.json', text: JSON.stringify(record) };
}

describe.each(Object.keys(COLLECTIONS) as CollectionName[])('schema: %s', (name) => {
  const { valid, broken } = cases[name];
  it('accepts a valid record', () => {
    const { file, text } = asFile(name, valid);
    expect(validateRecord(name, file, text)).toEqual([]);
  });
  it.each(broken)('rejects %s, naming the field', (_label, breakIt, field) => {
    const record = clone(valid);
    breakIt(record);
    const { file, text } = asFile(name, record);
    const errors = validateRecord(name, file, text);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => e.field)).toContain(field);
    expect(errors.every((e) => e.file === file && e.reason.length > 0)).toBe(true);
  });
  it('rejects a file that does not parse', () => {
    const text = name === 'announcements' ? 'no frontmatter here' : '{ "broken": ';
    expect(validateRecord(name, name === 'announcements' ? 'x.md' : 'x.json', text)[0]?.field).toBe('(file)');
  });
});

describe('YAML frontmatter is read as Astro reads it', () => {
  it('an unquoted date becomes a Date and is refused: dates must stay strings', () => {
    const { publishedAt: _drop, ...rest } = announcement;
    const lines = Object.entries(rest).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
    const unquoted = `---\n${lines.join('\n')}\npublishedAt: 2026-05-07\n---\nbody\n`;
    const quoted = unquoted.replace('publishedAt: 2026-05-07', "publishedAt: '2026-05-07'");
    expect(validateRecord('announcements', 'x.md', quoted)).toEqual([]);
    expect(validateRecord('announcements', 'x.md', unquoted).map((e) => e.field)).toEqual(['publishedAt']);
  });
});
