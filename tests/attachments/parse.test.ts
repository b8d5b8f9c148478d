/**
 * Attachment parsers and the facts read from their tables: on the recorded attachments of the
 * shared fixtures (skipped when ../shared is absent) and on small files generated here (invented
 * text, see make-files.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAttachment } from '../../scrapers/attachments/parse.ts';
import { factsFromTables, hsCodesIn } from '../../scrapers/attachments/facts.ts';
import { readAttachment } from '../../scrapers/attachments/entry.ts';
import { detectFormat } from '../../scrapers/attachments/detect.ts';
import { isAttachmentError, type ParsedAttachment } from '../../scrapers/attachments/types.ts';
import { loadVocabulary } from '../../scrapers/extract/index.ts';
import { attachment } from '../../src/model/schemas.ts';
import * as make from './make-files.ts';

const SITES = path.resolve(import.meta.dirname, '../../../shared/fixtures/sites');
const XLS = path.join(SITES, 'qingdao.customs.gov.cn/customs/attachDir/2026/05/2026050816052874193.xls');
const PDF = path.join(SITES, 'www.customs.gov.cn/customs/attachDir/2026/04/2026042815295571608.pdf');
const shared = existsSync(XLS) && existsSync(PDF);
if (!shared) console.warn(`SKIPPED: recorded attachments under ${SITES} (not found: the shared fixtures live beside the work tree)`);

const vocab = loadVocabulary();

async function parsed(bytes: Uint8Array, name: string): Promise<ParsedAttachment> {
  const r = await parseAttachment(bytes, { name });
  if (isAttachmentError(r)) throw new Error(`${name}: ${r.error}: ${r.reason}`);
  return r;
}

describe.skipIf(!shared)('recorded attachments (shared fixtures)', () => {
  it('reads the Qingdao pilot list (.xls, BIFF8): 23 enterprises, two products with their HS codes', async () => {
    const r = await parsed(new Uint8Array(readFileSync(XLS)), path.basename(XLS));
    expect(r.format).toBe('xls');
    expect(r.tables).toHaveLength(1);
    const t = r.tables[0]!;
    expect(t.header).toEqual(['序号', '企业名称', '海关注册编号', '所在区市', '试点产品', 'HS编码', '主要目标市场']);
    expect(t.rows).toHaveLength(23);
    expect(r.text.split('\n')[0]).toContain('试点企业名单'); // the merged title row is text, not a header
    const facts = factsFromTables(r.tables, vocab);
    expect(facts.enterpriseCount).toBe(23);
    expect(facts.products.map((p) => [p.nameZh, p.hs])).toEqual([
      ['鲜苹果', ['08081000']],
      ['浓缩苹果汁', ['20097900']],
    ]);
    expect(facts.places).toContain('栖霞市');
    expect(facts.cities).toEqual(['yantai']);
  });

  it('reads the 2026-04-28 PDF (CJK text in a CID font needing CMaps): its 4-row table', async () => {
    const r = await parsed(new Uint8Array(readFileSync(PDF)), path.basename(PDF));
    expect(r.format).toBe('pdf');
    expect(r.text).toContain('跨境贸易电子随附单据报文规范');
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]!.header).toEqual(['序号', '单证类型', '报文代码', '签名方式']);
    expect(r.tables[0]!.rows.map((row) => row[2])).toEqual(['INV01', 'PKL01', 'COO02', 'CTR01']);
    expect(r.tables[0]!.rows[2]).toEqual(['3', '原产地证明', 'COO02', '商务电子认证互认']);
  });
});

describe('generated documents', () => {
  const expectSample = (r: ParsedAttachment) => {
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]!.header).toEqual(make.SAMPLE_ROWS[1]);
    expect(r.tables[0]!.rows).toEqual(make.SAMPLE_ROWS.slice(2));
    const f = factsFromTables(r.tables, vocab);
    expect(f.enterpriseCount).toBe(3);
    expect(f.products.map((p) => [p.nameZh, p.hs])).toEqual([
      ['鲜苹果', ['08081000']],
      ['浓缩苹果汁', ['20097900']],
    ]);
  };

  it('XLSX', async () => expectSample(await parsed(make.xlsx(), 'list.xlsx')));
  it('XLS BIFF8 (UTF-16 strings)', async () => expectSample(await parsed(make.biff8(), 'list.xls')));
  it('XLS BIFF5 with code page 936 (GBK strings)', async () => {
    const r = await parsed(make.biff5Gbk(), 'list.xls');
    expect(r.format).toBe('xls');
    expectSample(r);
  });
  it('CSV in UTF-8 and in GB18030', async () => {
    expectSample(await parsed(make.csv(make.SAMPLE_ROWS, 'utf8'), 'list.csv'));
    expectSample(await parsed(make.csv(make.SAMPLE_ROWS, 'gb18030'), 'list.csv'));
  });
  it('DOCX: paragraphs as text, the table as a table', async () => {
    const r = await parsed(make.docx('一、测试段落。'), 'notice.docx');
    expect(r.format).toBe('docx');
    expect(r.text.split('\n')[0]).toBe('一、测试段落。');
    expect(r.text).toContain('注：测试用虚构数据。');
    expectSample({ ...r, tables: r.tables.map((t) => t) });
  });
  it('DOC (Word 97-2003): paragraphs and tab-separated table rows', async () => {
    const r = await parsed(make.doc(['一、测试段落。', '二、第二段。'], make.SAMPLE_ROWS.slice(1)), 'notice.doc');
    expect(r.format).toBe('doc');
    expect(r.text.split('\n').slice(0, 2)).toEqual(['一、测试段落。', '二、第二段。']);
    expectSample(r);
  });
  it('a PDF with a text layer', async () => {
    const r = await parsed(make.pdf('Pilot list 2026'), 'a.pdf');
    expect(r.text).toBe('Pilot list 2026');
  });
});

describe('typed errors', () => {
  it('a PDF without a text layer is no-text-layer', async () => {
    expect(await parseAttachment(make.pdf(), { name: 'scan.pdf' })).toMatchObject({ error: 'no-text-layer' });
  });
  it('corrupt bytes under a known signature are corrupt', async () => {
    expect(await parseAttachment(new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj garbage')), { name: 'a.pdf' })).toMatchObject({ error: 'corrupt' });
    expect(await parseAttachment(make.xlsx().subarray(0, 400), { name: 'a.xlsx' })).toMatchObject({ error: 'corrupt' });
    expect(await parseAttachment(make.doc(['x']).subarray(0, 600), { name: 'a.doc' })).toMatchObject({ error: 'corrupt' });
    expect(await parseAttachment(make.docx('x').subarray(0, 300), { name: 'a.docx' })).toMatchObject({ error: 'corrupt' });
  });
  it('an HTML page served as a .pdf is unsupported, never parsed', async () => {
    const html = new Uint8Array(Buffer.from('<!DOCTYPE html><html><body><h1>页面不存在</h1></body></html>'));
    expect(await parseAttachment(html, { name: 'list.pdf', contentType: 'text/html' })).toMatchObject({ error: 'unsupported' });
  });
  it('random bytes and empty files', async () => {
    expect(await parseAttachment(new Uint8Array([1, 2, 3, 4, 5]), { name: 'x.bin' })).toMatchObject({ error: 'unsupported' });
    expect(await parseAttachment(new Uint8Array(), { name: 'x.xls' })).toMatchObject({ error: 'empty' });
  });
  it('the format comes from the bytes, not the name', () => {
    expect(detectFormat(make.xlsx(), 'misnamed.pdf')).toEqual({ format: 'xlsx' });
    expect(detectFormat(make.docx('x'), 'misnamed.xls')).toEqual({ format: 'docx' });
    expect(detectFormat(make.doc(['x']), 'file')).toEqual({ format: 'doc' });
  });
});

describe('facts and the stored entry', () => {
  it('HS codes in a cell: dotted or plain, several per cell; a registration number is not one', () => {
    expect(hsCodesIn('0808.1000')).toEqual(['08081000']);
    expect(hsCodesIn('0306.1400、030617')).toEqual(['03061400', '030617']);
    expect(hsCodesIn('370695244')).toEqual([]);
  });
  it('a table with no product, enterprise or place column yields no facts', () => {
    const f = factsFromTables([{ header: ['序号', '单证类型', '报文代码'], rows: [['1', '商业发票', 'INV01']] }], vocab);
    expect(f).toEqual({ products: [], enterpriseCount: null, places: [], cities: [] });
  });
  it('the entry keeps size, sha256, tables and facts, validates, and never holds the bytes', async () => {
    const bytes = make.xlsx();
    const data = await readAttachment(bytes, { name: 'list.xlsx' }, vocab);
    expect(data).toMatchObject({ size: bytes.length, status: 'parsed', facts: { enterpriseCount: 3 } });
    expect(data.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(attachment.safeParse({ name: 'list.xlsx', url: 'https://example.gov.cn/a.xlsx', type: 'xlsx', ...data }).success).toBe(true);
    expect(JSON.stringify(data)).not.toContain('PK');
    const bad = await readAttachment(make.pdf(), { name: 'scan.pdf' }, vocab);
    expect(bad).toMatchObject({ status: 'no-text-layer', size: make.pdf().length });
    expect(bad.tables).toBeUndefined();
  });
});
