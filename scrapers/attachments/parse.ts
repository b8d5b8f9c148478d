/**
 * parseAttachment: the bytes of a linked file (+ its name and Content-Type) -> its text and
 * tables, or a typed error. The format is sniffed from the bytes, so a mislabelled file is read as
 * what it is and an HTML error page served under a .pdf name is `unsupported`, never parsed.
 */
import { detectFormat } from './detect.ts';
import { parsePdf } from './pdf.ts';
import { parseSheet } from './sheet.ts';
import type { AttachmentError, ParsedAttachment } from './types.ts';
import { parseDoc, parseDocx } from './word.ts';

export async function parseAttachment(
  bytes: Uint8Array,
  meta: { name?: string | undefined; contentType?: string | null | undefined } = {},
): Promise<ParsedAttachment | AttachmentError> {
  if (bytes.length === 0) return { error: 'empty', reason: 'the file is empty (0 bytes)' };
  const d = detectFormat(bytes, meta.name ?? '', meta.contentType ?? null);
  if (d.format === null) return { error: 'unsupported', reason: d.reason };
  try {
    switch (d.format) {
      case 'pdf':
        return await parsePdf(bytes);
      case 'docx':
        return await parseDocx(bytes);
      case 'doc':
        return await parseDoc(bytes);
      default:
        return parseSheet(bytes, d.format);
    }
  } catch (err) {
    // The readers are third-party code over hostile bytes: whatever they throw is a corrupt file.
    return { error: 'corrupt', reason: `${d.format.toUpperCase()} reader failed: ${(err as Error).message}` };
  }
}
