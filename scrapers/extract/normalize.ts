/**
 * Same-length normalisation for matching: corner brackets and half-width quotes become full-width
 * quotes, full-width digits become ASCII, Latin letters lower case (English pages name measures in
 * any case). Offsets stay valid.
 */
export function normalizeForMatch(text: string): string {
  let out = '';
  let dq = false;
  for (const ch of text) {
    if (ch === '「' || ch === '『') out += '“';
    else if (ch === '」' || ch === '』') out += '”';
    else if (ch === '"') {
      out += dq ? '”' : '“';
      dq = !dq;
    } else if (ch === 'Ｘ' || ch === 'ｘ') out += 'x';
    else if (ch >= 'A' && ch <= 'Z') out += ch.toLowerCase();
    else if (ch >= '０' && ch <= '９') out += String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
    else out += ch;
  }
  return out;
}

/** A quoted phrase (“…”, 「…」, "…"): a name the text cites, not what the sentence does. */
export const QUOTED = /[“「"][^”」"]*[”」"]/gu;

/** The same text with each quoted phrase blanked to spaces of its length (offsets stay valid). */
export const blankQuoted = (text: string): string => text.replace(QUOTED, (q) => ' '.repeat(q.length));

/** A literal string as a regular expression source. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
