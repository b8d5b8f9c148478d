/**
 * The stored form of one attachment: bytes (never stored) -> size, sha256, what was read from it
 * (text cut to a summary, tables, facts) or why nothing was. Pure apart from the parsers.
 */
import { createHash } from 'node:crypto';
import type { AttachmentRecord } from '../../src/model/schemas.ts';
import { factsFromTables, type AttachmentFacts, type FactsVocabulary } from './facts.ts';
import { parseAttachment } from './parse.ts';
import { isAttachmentError, type Table } from './types.ts';

/** What an attachment adds to its link ({name, url, type}). */
export type AttachmentData = Omit<AttachmentRecord, 'name' | 'url' | 'type'>;

/** Characters of an attachment's text kept in the record (the tables are kept whole). */
const TEXT_SUMMARY_CHARS = 2000;
/** Rows kept per table: a guard against a sheet of thousands of rows bloating one record. */
const MAX_TABLE_ROWS = 2000;

/** Extensions worth fetching: the formats parse.ts reads (WPS/ET files are OLE Word/Excel files). */
const READABLE_EXTENSIONS = /\.(pdf|docx?|xlsx?|csv|wps|et)$/i;

export const isReadableLink = (url: string) => {
  try {
    return READABLE_EXTENSIONS.test(new URL(url).pathname);
  } catch {
    return false;
  }
};

/** Text without control characters (a Word field mark, a NUL) that have no place in a record. */
const printable = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g, '');

export async function readAttachment(
  bytes: Uint8Array,
  meta: { name?: string | undefined; contentType?: string | null | undefined },
  vocab: FactsVocabulary,
): Promise<AttachmentData> {
  const base = { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  const parsed = await parseAttachment(bytes, meta);
  if (isAttachmentError(parsed)) return { ...base, status: parsed.error === 'empty' ? 'empty' : parsed.error, reason: parsed.reason };
  const tables = parsed.tables.map((t) => ({ header: t.header.map(printable), rows: t.rows.slice(0, MAX_TABLE_ROWS).map((r) => r.map(printable)) }));
  const text = printable(parsed.text);
  return {
    ...base,
    status: 'parsed',
    text: text.slice(0, TEXT_SUMMARY_CHARS),
    textLength: text.length,
    tables,
    ...factsEntry(parsed.tables, vocab),
  };
}

/** `{facts}` when the tables yield any (re-extraction recomputes them from stored tables), else `{}`. */
export function factsEntry(tables: readonly Table[], vocab: FactsVocabulary): { facts?: AttachmentFacts } {
  const facts = factsFromTables(tables, vocab);
  return facts.products.length > 0 || facts.enterpriseCount !== null || facts.places.length > 0 ? { facts } : {};
}

/** An attachment that was not fetched or not read: its status and why. */
export const attachmentProblem = (status: Exclude<AttachmentRecord['status'], 'parsed' | undefined>, reason: string): AttachmentData => ({ status, reason });
