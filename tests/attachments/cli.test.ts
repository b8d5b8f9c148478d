/**
 * `npm run extract -- --url U FILE --attachment URL=FILE`: the recorded Qingdao article with its
 * recorded pilot list (skipped without ../shared), and usage errors. The pilot list is read as the
 * scraper reads it, and its facts appear in the one JSON object printed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as make from './make-files.ts';

const NODE = path.resolve(process.cwd(), 'node_modules/.bin/node');
const Q = path.resolve(process.cwd(), '../shared/fixtures/sites/qingdao.customs.gov.cn');
const PAGE = path.join(Q, 'qingdao_customs/406484/406513/6637402/index.html');
const XLS = path.join(Q, 'customs/attachDir/2026/05/2026050816052874193.xls');
const PAGE_URL = 'https://qingdao.customs.gov.cn/qingdao_customs/406484/406513/6637402/index.html';
const XLS_URL = 'https://qingdao.customs.gov.cn/customs/attachDir/2026/05/2026050816052874193.xls';
const shared = existsSync(PAGE) && existsSync(XLS);
if (!shared) console.warn('SKIPPED: extract CLI over the recorded Qingdao article (../shared/fixtures not found)');

function cli(...args: string[]) {
  const r = spawnSync(NODE, ['scripts/extract.ts', ...args], { encoding: 'utf8', cwd: process.cwd() });
  const lines = r.stdout.trim().split('\n');
  return { code: r.status, lines, json: JSON.parse(lines.at(-1) || '{}') };
}

describe('extract CLI --attachment', () => {
  it.skipIf(!shared)('the Qingdao pilot list adds its HS codes and its 23 enterprises', () => {
    const r = cli('--url', PAGE_URL, PAGE, '--attachment', `${XLS_URL}=${XLS}`);
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(1);
    const hs = r.json.products.flatMap((p: { hs?: string[] }) => p.hs ?? []);
    expect(hs).toEqual(expect.arrayContaining(['08081000', '20097900']));
    expect(r.json.enterpriseCount).toBe(23);
    expect(r.json.attachments).toHaveLength(1);
    expect(r.json.attachments[0]).toMatchObject({ url: XLS_URL, status: 'parsed', size: 9728 });
    expect(r.json.attachments[0].tables[0].rows).toHaveLength(23);
  });

  it.skipIf(!shared)('an unreadable attachment is reported in the output, the article still extracted', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'attach-cli-'));
    writeFileSync(path.join(dir, 'scan.pdf'), make.pdf());
    const r = cli('--url', PAGE_URL, PAGE, '--attachment', `${XLS_URL}=${path.join(dir, 'scan.pdf')}`);
    expect(r.code).toBe(0);
    expect(r.json.attachments[0]).toMatchObject({ url: XLS_URL, status: 'no-text-layer' });
    expect(r.json.enterpriseCount).toBeUndefined();
    expect(r.json.relevant).toBe(true);
  });

  it('usage errors: not URL=FILE, or a file that cannot be read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'attach-cli-'));
    const page = path.join(dir, 'page.html');
    writeFileSync(page, '<html><body><h1>测试</h1><p>测试正文。</p></body></html>');
    expect(cli('--url', 'https://example.gov.cn/a.html', page, '--attachment', 'list.xls').code).toBe(2);
    expect(cli('--url', 'https://example.gov.cn/a.html', page, '--attachment', `https://example.gov.cn/a.xls=${path.join(dir, 'nope.xls')}`)).toMatchObject({
      code: 2,
      json: { error: 'unreadable-file' },
    });
  });
});
