/**
 * The format of an attachment from its bytes first (magic numbers, the part names of a ZIP or OLE
 * container), its file name and Content-Type only for text formats. Pure.
 */
import type { AttachmentFormat } from './types.ts';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The first bytes of a BIFF2-BIFF5 worksheet stream saved without an OLE container (BOF record). */
const BIFF_BOF = [
  [0x09, 0x00],
  [0x09, 0x02],
  [0x09, 0x04],
  [0x09, 0x08],
];

/** ASCII names inside the first bytes of a container (ZIP part names, OLE directory entries in UTF-16). */
function containsAscii(b: Uint8Array, name: string, utf16 = false): boolean {
  const needle = utf16 ? [...name].flatMap((c) => [c.charCodeAt(0), 0]) : [...name].map((c) => c.charCodeAt(0));
  outer: for (let i = 0; i + needle.length <= b.length; i++) {
    for (let j = 0; j < needle.length; j++) if (b[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export type Detected = { format: AttachmentFormat } | { format: null; reason: string };

export function detectFormat(bytes: Uint8Array, name = '', contentType: string | null = null): Detected {
  const ext = /\.([a-z0-9]+)$/i.exec(name.replace(/[?#].*$/, ''))?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { format: 'pdf' };
  if (startsWith(bytes, OLE)) {
    if (containsAscii(bytes, 'WordDocument', true)) return { format: 'doc' };
    if (containsAscii(bytes, 'Workbook', true) || containsAscii(bytes, 'Book', true)) return { format: 'xls' };
    // Directory entries can sit past the sectors scanned: trust the name for OLE files.
    if (ext === 'doc' || ext === 'wps') return { format: 'doc' };
    if (ext === 'xls' || ext === 'et') return { format: 'xls' };
    return { format: null, reason: 'an OLE compound file that is neither a Word nor an Excel document' };
  }
  if (startsWith(bytes, ZIP)) {
    if (containsAscii(bytes, 'word/')) return { format: 'docx' };
    if (containsAscii(bytes, 'xl/')) return { format: 'xlsx' };
    if (ext === 'docx') return { format: 'docx' };
    if (ext === 'xlsx') return { format: 'xlsx' };
    return { format: null, reason: 'a ZIP archive that is not a Word or Excel document' };
  }
  if (BIFF_BOF.some((sig) => startsWith(bytes, sig)) && ext === 'xls') return { format: 'xls' };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype') || head.startsWith('<html') || head.startsWith('<?xml') || /^<(head|body|meta)\b/.test(head)) {
    return { format: null, reason: 'the file is an HTML/XML page, not a document' };
  }
  const type = (contentType ?? '').toLowerCase();
  if (ext === 'csv' || type.includes('text/csv')) return { format: 'csv' };
  return { format: null, reason: `no reader for this file (${ext ? `.${ext}` : 'no extension'}${type ? `, ${type}` : ''})` };
}
