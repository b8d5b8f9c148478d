/**
 * The writer with attachments: their facts go into the record (HS codes onto products, the
 * enterprise count, cities), an attachment that cannot be read this time keeps its earlier
 * reading, and a rewrite with the same input changes nothing. Invented data.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAttachment, type AttachmentData } from '../../scrapers/attachments/entry.ts';
import { applyAttachmentFacts, carryAttachments } from '../../scrapers/attachments/merge.ts';
import { loadVocabulary } from '../../scrapers/extract/index.ts';
import { readFile } from '../../scrapers/write/frontmatter.ts';
import { writeAnnouncement } from '../../scrapers/write/write-announcement.ts';
import { validateRecord } from '../../src/model/validate.ts';
import { tempDir } from '../helpers/site.ts';
import { extracted, META } from '../write/_extracted.ts';
import * as make from './make-files.ts';

const LIST = 'https://kunming.customs.gov.cn/customs/attachDir/2026/05/list.xlsx';
const SCAN = 'https://kunming.customs.gov.cn/customs/attachDir/2026/05/scan.pdf';
const NOW = '2026-05-09T02:00:00.000Z';
const LATER = '2026-05-10T02:00:00.000Z';
const links = [
  { name: '试点企业名单.xlsx', url: LIST, type: 'xlsx' },
  { name: '扫描件.pdf', url: SCAN, type: 'pdf' },
];

async function dataFor(): Promise<Record<string, AttachmentData>> {
  const v = loadVocabulary();
  return { [LIST]: await readAttachment(make.xlsx(), { name: 'list.xlsx' }, v), [SCAN]: await readAttachment(make.pdf(), { name: 'scan.pdf' }, v) };
}

describe('attachments in the announcement record', () => {
  it('puts HS codes, the enterprise count and the cities of the list into the record; a rewrite is unchanged', async () => {
    const root = tempDir('attach-merge');
    const ex = extracted({ products: [{ id: null, nameZh: '鲜苹果' }], attachments: links, attachmentData: await dataFor() });
    const r = await writeAnnouncement(root, META, ex, { now: NOW });
    expect(r.outcome).toBe('new');
    const text = readFileSync(path.join(root, r.file!), 'utf8');
    expect(validateRecord('announcements', r.file!, text)).toEqual([]);
    const { data } = readFile(text);
    expect(data['enterpriseCount']).toBe(3);
    expect(data['products']).toEqual([
      { id: 'apples', nameZh: '鲜苹果', hs: ['08081000'] },
      { id: 'apple-juice', nameZh: '浓缩苹果汁', hs: ['20097900'] },
    ]);
    expect(data['cities']).toEqual(['kunming', 'yantai']);
    const atts = data['attachments'] as Record<string, unknown>[];
    expect(atts[0]).toMatchObject({ url: LIST, status: 'parsed', size: make.xlsx().length });
    expect(atts[1]).toMatchObject({ url: SCAN, status: 'no-text-layer' });
    expect(text).not.toContain('PK\u0003\u0004');

    const again = await writeAnnouncement(root, META, ex, { now: LATER });
    expect(again.outcome).toBe('unchanged');
  });

  it('a failed or faulty fetch of a list read before keeps the earlier reading and facts', async () => {
    const root = tempDir('attach-carry');
    const data = await dataFor();
    const first = await writeAnnouncement(root, META, extracted({ attachments: links, attachmentData: data }), { now: NOW });
    const before = readFileSync(path.join(root, first.file!), 'utf8');
    for (const problem of [
      { status: 'failed', reason: 'HTTP 500 (after 3 attempts)' },
      { status: 'missing', reason: 'HTTP 404' },
      { status: 'corrupt', reason: 'not a readable XLSX file' },
      {},
    ] as AttachmentData[]) {
      const r = await writeAnnouncement(root, META, extracted({ attachments: links, attachmentData: { ...data, [LIST]: problem } }), { now: LATER });
      expect(r.outcome, JSON.stringify(problem)).toBe('unchanged');
      expect(readFileSync(path.join(root, first.file!), 'utf8')).toBe(before);
    }
  });

  it('merge rules: a first reading that failed is replaced; facts apply idempotently; reviewed products stay', () => {
    const parsed = {
      name: 'a',
      url: LIST,
      type: 'xlsx',
      status: 'parsed' as const,
      facts: { products: [{ id: null, nameZh: '测试品', hs: ['0101'] }], enterpriseCount: 2, places: [], cities: [] },
    };
    const failed = { name: 'a', url: LIST, type: 'xlsx', status: 'failed' as const, reason: 'timeout' };
    expect(carryAttachments({ attachments: [parsed] }, { attachments: [failed] })['attachments']).toEqual([parsed]);
    expect(carryAttachments({ attachments: [failed] }, { attachments: [parsed] })['attachments']).toEqual([parsed]);
    const rec = { relevant: true, products: [], cities: [], attachments: [parsed], review: { state: 'auto' } };
    const once = applyAttachmentFacts(rec);
    expect(applyAttachmentFacts(once)).toEqual(once);
    expect(once['products']).toEqual([{ id: null, nameZh: '测试品', hs: ['0101'] }]);
    const reviewed = applyAttachmentFacts({ ...rec, review: { state: 'reviewed' } });
    expect(reviewed['products']).toEqual([]);
    expect(reviewed['enterpriseCount']).toBe(2);
  });
});
