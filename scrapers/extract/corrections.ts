/**
 * Corrections (更正, 调整, 变更): the value a notice corrects to replaces the value it corrects
 * away. Read inline ("试点产品由“腐乳”更正为“豆腐干”", "产品名称“兰溪枇杷”有误，应为“兰溪杨梅”",
 * "试点产品“蜜桔”不变") and from a
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

const VERB = '(?:(?:更正|调整|变更|修改|改)为|(?:有误|错误)[，,]?应为)';
const INLINE = new RegExp(
  `(?<item>[\\u4e00-\\u9fff]{2,6}?)(?:(?:由|原为)?[“"](?<from>[^”"]{1,40})[”"][，,]?(?:现)?${VERB}[“"](?<to>[^”"]{1,40})[”"]|[“"](?<kept>[^”"]{1,40})[”"](?:不变|保持不变))`,
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

const ITEM_COLUMN = /(更正|调整|变更|修改)?(项目|事项|内容类别|位置|内容项)$/u;
/** The column of corrected contents (更正后内容, 更正为). */
const CORRECTED_COLUMN = /(更正|调整|变更|修改)(后|为)/u;
/** The column of the contents corrected away (原内容). */
export const ORIGINAL_COLUMN = /^原/u;

/** A corrected cell may hold several items as "key：value" pairs (所在城市：南昌；目标市场：韩国). */
const PAIR = /([\u4e00-\u9fff]{2,8})[：:]([^；;\n]+)/gu;
const pairsOf = (cell: string) => [...cell.matchAll(PAIR)].map((m) => ({ item: m[1]!, to: m[2]!.trim() }));

/** Rows of a correction table as corrections; the original-content column is never read. */
export function tableCorrections(tables: Table[]): Correction[] {
  const out: Correction[] = [];
  for (const t of tables) {
    const itemCol = t.header.findIndex((h) => ITEM_COLUMN.test(h.trim()));
    const toCol = t.header.findIndex((h) => CORRECTED_COLUMN.test(h.trim()));
    if (toCol < 0) continue;
    for (const row of t.rows) {
      const to = row[toCol] ?? '';
      const pairs = pairsOf(to);
      if (pairs.length) for (const p of pairs) out.push({ ...p, fromStart: -1, fromEnd: -1 });
      else if (itemCol >= 0) out.push({ item: (row[itemCol] ?? '').trim(), to, fromStart: -1, fromEnd: -1 });
    }
  }
  return out;
}

/** Whether a table is a correction table (its columns are read through `tableCorrections`): a corrected column, and an item column or items named in its cells. */
export function isCorrectionTable(t: Table): boolean {
  const toCol = t.header.findIndex((h) => CORRECTED_COLUMN.test(h.trim()));
  if (toCol < 0) return false;
  return t.header.some((h) => ITEM_COLUMN.test(h.trim())) || t.rows.some((row) => pairsOf(row[toCol] ?? '').length > 0);
}
