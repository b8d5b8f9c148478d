/**
 * Small documents generated for the attachment tests. INVENTED TEXT, for tests only: names,
 * companies and figures here are made up. Each builder writes the format's real container
 * (SheetJS for XLS/XLSX, its CFB library for the OLE and ZIP containers of DOC and DOCX), so the
 * parsers read them exactly as they read downloaded files.
 */
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';

export const SAMPLE_ROWS = [
  ['测试用试点企业名单'],
  ['序号', '企业名称', '所在区市', '试点产品', 'HS编码'],
  ['1', '测试甲食品有限公司', '福山区', '鲜苹果', '0808.1000'],
  ['2', '测试乙食品有限公司', '栖霞市', '浓缩苹果汁', '2009.7900'],
  ['3', '测试丙食品有限公司', '福山区', '鲜苹果', '0808.1000'],
];

export function xlsx(rows = SAMPLE_ROWS): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '名单');
  return new Uint8Array(XLSX.write(wb, { bookType: 'xlsx', type: 'buffer' }) as Buffer);
}

export function biff8(rows = SAMPLE_ROWS): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'S1');
  return new Uint8Array(XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer);
}

/**
 * A BIFF5 workbook whose 8-bit strings are GBK (code page 936), as older office suites saved
 * Chinese sheets. SheetJS writes BIFF5 strings in code page 1252 only, so the sheet is written
 * with ASCII placeholders of the same byte length, then the placeholders are replaced by the GBK
 * bytes and the CODEPAGE record set to 936.
 */
export function biff5Gbk(rows = SAMPLE_ROWS): Uint8Array {
  const placeholders = new Map<string, Buffer>();
  let n = 0;
  const masked = rows.map((r) =>
    r.map((cell) => {
      if (/^[\x20-\x7e]*$/.test(cell)) return cell;
      const gbk = iconv.encode(cell, 'gbk');
      const tag = `#${(n++).toString(36)}#`;
      const ph = tag.padEnd(gbk.length, '~');
      if (ph.length !== gbk.length) throw new Error('placeholder longer than the GBK bytes');
      placeholders.set(ph, gbk);
      return ph;
    }),
  );
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(masked), 'S1');
  const buf = Buffer.from(XLSX.write(wb, { bookType: 'biff5', type: 'buffer' }) as Buffer);
  for (const [ph, gbk] of placeholders) {
    const at = buf.indexOf(Buffer.from(ph, 'latin1'));
    if (at < 0) throw new Error(`placeholder ${ph} not found in the BIFF5 stream`);
    gbk.copy(buf, at);
  }
  // CODEPAGE record: type 0x0042, length 2, value.
  const cp = buf.indexOf(Buffer.from([0x42, 0x00, 0x02, 0x00]));
  if (cp < 0) throw new Error('no CODEPAGE record');
  buf.writeUInt16LE(936, cp + 4);
  return new Uint8Array(buf);
}

export function csv(rows = SAMPLE_ROWS, encoding: 'utf8' | 'gb18030' = 'utf8'): Uint8Array {
  const text = rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
  return new Uint8Array(iconv.encode(text, encoding));
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A DOCX with a paragraph, a table and a closing paragraph. */
export function docx(paragraph: string, rows = SAMPLE_ROWS.slice(1), after = '注：测试用虚构数据。'): Uint8Array {
  const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;
  const tbl = `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
  const files: Record<string, string> = {
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${p(paragraph)}${tbl}${p(after)}</w:body></w:document>`,
  };
  const zip = XLSX.CFB.utils.cfb_new();
  for (const [name, text] of Object.entries(files)) XLSX.CFB.utils.cfb_add(zip, name, Buffer.from(text, 'utf8'));
  return new Uint8Array(XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer' }) as Buffer);
}

/**
 * A Word 97-2003 .doc: an OLE file with a WordDocument stream (a FIB naming the 1Table stream
 * and the text's size, then the text in UTF-16) and a 1Table stream holding the piece table
 * (one Unicode piece). Table cells end with 0x07 (word-extractor reads it as a tab). In a real file
 * a row ends with a row mark whose paragraph properties word-extractor reads as a line break; this
 * file has no paragraph properties, so each row ends with a paragraph mark instead, which reads
 * the same.
 */
export function doc(paragraphs: string[], rows: string[][] = []): Uint8Array {
  const text = [...paragraphs.map((p) => `${p}\r`), ...rows.map((r) => `${r.map((c) => `${c}\x07`).join('')}\r`)].join('');
  const TEXT_AT = 0x800;
  const word = Buffer.alloc(Math.max(4608, TEXT_AT + text.length * 2 + 2));
  word.writeUInt16LE(0xa5ec, 0); // wIdent
  word.writeUInt16LE(0x00c1, 2); // nFib: Word 97
  word.writeUInt16LE(0x0200, 0x0a); // fWhichTblStm: the table is in 1Table
  word.writeUInt32LE(TEXT_AT, 0x18); // fcMin
  word.writeUInt32LE(text.length, 0x4c); // ccpText
  const clx = Buffer.alloc(1 + 4 + 8 + 8);
  clx.writeUInt8(0x02, 0); // Pcdt
  clx.writeUInt32LE(8 + 8, 1); // lcb of the PlcPcd: two CPs and one 8-byte PCD
  clx.writeUInt32LE(0, 5);
  clx.writeUInt32LE(text.length, 9);
  clx.writeUInt16LE(0, 13);
  clx.writeUInt32LE(TEXT_AT, 15); // fc, bit 30 clear: UTF-16 text
  clx.writeUInt16LE(0, 19);
  word.writeUInt32LE(0, 0x1a2); // fcClx
  word.writeUInt32LE(clx.length, 0x1a6); // lcbClx
  Buffer.from(text, 'utf16le').copy(word, TEXT_AT);
  const table = Buffer.alloc(4608);
  clx.copy(table, 0);
  const ole = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(ole, 'WordDocument', word);
  XLSX.CFB.utils.cfb_add(ole, '1Table', table);
  return new Uint8Array(XLSX.CFB.write(ole, { type: 'buffer' }) as Buffer);
}

/** A one-page PDF; `text` draws a line of Helvetica text, otherwise only a filled rectangle (a "scan"). */
export function pdf(text?: string): Uint8Array {
  const content = text ? `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET` : '0.5 g 72 600 300 150 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
