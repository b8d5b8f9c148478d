/** Same-length normalisation for matching: corner brackets and half-width quotes become full-width quotes, full-width letters/digits become ASCII. Offsets stay valid. */
export function normalizeForMatch(text: string): string {
  let out = '';
  let dq = false;
  for (const ch of text) {
    if (ch === '「' || ch === '『') out += '“';
    else if (ch === '」' || ch === '』') out += '”';
    else if (ch === '"') {
      out += dq ? '”' : '“';
      dq = !dq;
    } else if (ch === 'Ｘ' || ch === 'ｘ' || ch === 'x' || ch === 'X') out += ch === 'ｘ' || ch === 'x' ? 'x' : 'X';
    else if (ch >= '０' && ch <= '９') out += String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
    else out += ch;
  }
  return out;
}
