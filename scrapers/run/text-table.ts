/** Plain-text tables for the commands' summaries on a terminal. Pure. */

/**
 * Lines of a table: each column padded to its widest cell, two spaces apart; columns in `right`
 * aligned right (numbers); the last column left as it is (a free-text reason). With `rule`, a
 * line of dashes under the head.
 */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[], o: { right?: ReadonlySet<number>; rule?: boolean } = {}): string[] {
  const last = head.length - 1;
  const widths = head.map((h, i) => (i === last ? 0 : Math.max(h.length, ...rows.map((row) => row[i]!.length))));
  const fmt = (row: readonly string[]) =>
    row
      .map((c, i) => (i === last ? c : o.right?.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [fmt(head), ...(o.rule ? [fmt(widths.map((w, i) => '-'.repeat(i === last ? 3 : w)))] : []), ...rows.map(fmt)];
}
