/**
 * Text normalisation shared by the writer, the content hash and the tests. Pure.
 *
 * Scraped text keeps every visible character (CJK punctuation, full-width spaces, bidi marks)
 * except those that cannot be stored or shown: C0/C1 control characters (other than whitespace)
 * and lone UTF-16 surrogates are removed; every run of whitespace counts as one space, as HTML
 * renders it.
 */

// C0 (minus \t \n \v \f \r), DEL and C1 controls, and lone surrogates.
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Drop characters that are never text (controls, lone surrogates). Whitespace is kept. */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}

/** Collapse every whitespace run (incl. NBSP and U+3000) to one ASCII space. */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/** One line of clean text: controls dropped, whitespace collapsed, trimmed. */
export function cleanLine(s: string): string {
  return collapseWhitespace(stripInvisible(s)).trim();
}
