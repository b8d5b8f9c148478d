/**
 * A table row that says it is a plan (拟于下半年实施, 方案论证中, 具体时间另行通知) names a place,
 * a measure and goods that are not in place yet: every field reads the tables without it. Pure.
 */
import type { Table } from '../text/body.ts';
import type { Explanation } from './types.ts';

export function rowsInPlace(tables: Table[], planned: RegExp): { tables: Table[]; explain: Explanation[] } {
  const explain: Explanation[] = [];
  const kept = tables.map((t) => {
    const rows = t.rows.filter((row) => {
      const cell = row.find((c) => planned.test(c.trim()));
      if (cell === undefined) return true;
      explain.push({ field: 'tables', value: row.join(' | '), rule: `excluded: a row that is a plan (${cell.trim()})`, position: -1 });
      return false;
    });
    return rows.length === t.rows.length ? t : { ...t, rows };
  });
  return { tables: kept, explain };
}
