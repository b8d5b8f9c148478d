/**
 * What an attachment parser returns: its text and the tables found in it, or a typed error that
 * says why nothing could be read. Tables share the shape extraction reads from article bodies.
 */
import type { Table } from '../text/body.ts';

export type { Table } from '../text/body.ts';

export type AttachmentFormat = 'xls' | 'xlsx' | 'csv' | 'pdf' | 'docx' | 'doc';

export interface ParsedAttachment {
  format: AttachmentFormat;
  /** Plain text, one block (paragraph, sheet row, PDF line) per line. */
  text: string;
  tables: Table[];
}

/**
 * Why an attachment yielded nothing: `no-text-layer` (a scanned PDF), `corrupt` (the bytes do not
 * parse as the format they claim), `unsupported` (a format without a reader here, or not a
 * document at all, e.g. an HTML page), `encrypted`, `empty`.
 */
type AttachmentErrorKind = 'no-text-layer' | 'corrupt' | 'unsupported' | 'encrypted' | 'empty';

export interface AttachmentError {
  error: AttachmentErrorKind;
  reason: string;
}

export const isAttachmentError = (r: ParsedAttachment | AttachmentError): r is AttachmentError => 'error' in r;
