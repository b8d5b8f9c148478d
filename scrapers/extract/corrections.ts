/**
 * Corrections (更正, 调整, 变更): the value a notice corrects to replaces the value it corrects
 * away. Read inline ("试点产品由“腐乳”更正为“豆腐干”", "试点产品“蜜桔”不变") and from a
 * correction table (a column of corrected items, one of original and one of corrected contents).
 * The rules that read products and markets decide which items are theirs by the item's name.
 */
import type { Table } from '../text/body.ts';

export interface Correction {
  /** What is corrected (试点产品, 目标市场). */
  item: string;
  /** The value corrected to, or kept (不变). */
  to: string;
  /** Span of the value corrected away in the text ([-1, -1] in a table or when nothing is). */
  fromStart: number;
  fromEnd: number;
}

const VERB = '(?:更正|调整|变更|修改|改)为';
const INLINE = new RegExp(
  `(?<item>[\\u4e00-\\u9fff]{2,6}?)(?:由?[“"](?<from>[^”"]{1,40})[”"][，,]?${VERB}[“"](?<to>[^”"]{1,40})[”"]|[“"](?<kept>[^”"]{1,40})[”"](?:不变|保持不变))`,
  'gdu',
);

export function inlineCorrections(text: string): Correction[] {
  const out: Correction[] = [];
  for (const m of text.matchAll(INLINE)) {
    const g = m.groups!;
    if (g.kept) {
      out.push({ item: g.item!, to: g.kept, fromStart: -1, fromEnd: -1 });
      continue;
    }
    const [fromStart, fromEnd] = m.indices!.groups!.from!;
    out.push({ item: g.item!, to: g.to!, fromStart, fromEnd });
  }
  return out;
}

const ITEM_COLUMN = /(更正|调整|变更|修改)?(项目|事项|内容类别)$/u;
const TO_COLUMN = /(更正|调整|变更|修改)后/u;

/** Rows of a correction table as corrections; the original-content column is never read. */
export function tableCorrections(tables: Table[]): Correction[] {
  const out: Correction[] = [];
  for (const t of tables) {
    const itemCol = t.header.findIndex((h) => ITEM_COLUMN.test(h.trim()));
    const toCol = t.header.findIndex((h) => TO_COLUMN.test(h.trim()));
    if (itemCol < 0 || toCol < 0) continue;
    for (const row of t.rows) out.push({ item: (row[itemCol] ?? '').trim(), to: row[toCol] ?? '', fromStart: -1, fromEnd: -1 });
  }
  return out;
}

/** Whether a table is a correction table (its columns are read through `tableCorrections`). */
export const isCorrectionTable = (t: Table) => t.header.some((h) => ITEM_COLUMN.test(h.trim())) && t.header.some((h) => TO_COLUMN.test(h.trim()));
