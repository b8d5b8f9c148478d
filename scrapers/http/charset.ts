/**
 * Decode HTML bytes: charset from the Content-Type header, then <meta>, then the BOM, then UTF-8
 * if the bytes are valid UTF-8, else GB18030 (a superset of GBK/GB2312, the usual legacy
 * encoding of Chinese government sites). Never windows-1252, cheerio's silent default.
 */
import iconv from 'iconv-lite';

const ALIASES: Record<string, string> = { gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', gb18030: 'gb18030' };

function normalise(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  const name = ALIASES[l] ?? l;
  return iconv.encodingExists(name) ? name : null;
}

function charsetFromContentType(header: string | null | undefined): string | null {
  const m = /charset\s*=\s*("?)([^";\s]+)\1/i.exec(header ?? '');
  return normalise(m?.[2]);
}

/** Look for <meta charset> or <meta http-equiv content="...charset=..."> in the first 4 KB. */
function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return normalise(m?.[1]);
}

function charsetFromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export interface Decoded {
  text: string;
  charset: string;
  /** Where the charset came from. */
  from: 'header' | 'meta' | 'bom' | 'sniffed';
}

export function decodeHtml(bytes: Uint8Array, contentType?: string | null): Decoded {
  const header = charsetFromContentType(contentType);
  const meta = header ? null : charsetFromMeta(bytes);
  const bom = header || meta ? null : charsetFromBom(bytes);
  const charset = header ?? meta ?? bom ?? (isValidUtf8(bytes) ? 'utf-8' : 'gb18030');
  const from = header ? 'header' : meta ? 'meta' : bom ? 'bom' : 'sniffed';
  // iconv-lite strips a BOM by default. Invalid multi-byte sequences can decode to lone
  // surrogates, which HTML parsers reject: they become U+FFFD like any undecodable byte.
  return { text: iconv.decode(Buffer.from(bytes), charset).toWellFormed(), charset, from };
}
