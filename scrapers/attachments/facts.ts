/**
 * Facts from an attachment's tables: the products with their HS codes (the product column and the
 * HS column of the same row), the number of enterprises listed, and the places named in a
 * region column (counties and districts resolved to the catalogue city they belong to). The
 * product and HS column names are the extraction vocabulary's; the enterprise and place columns
 * are attachment-only headings. Pure.
 */
import type { Vocabulary } from '../extract/vocab.ts';
import type { Table } from './types.ts';

/** Column headings of pilot-enterprise lists ("企业名称", "申报单位"), matched as substrings. */
const ENTERPRISE_HEADERS = ['企业名称', '单位名称', '公司名称', '企业', '申报单位', '申请单位'];
/** Column headings that hold where an enterprise or product is ("所在区市", "所属地区"). */
const PLACE_HEADERS = ['所在区市', '所在区县', '所在地区', '所属地区', '所在地', '所在城市', '城市', '地区', '区县', '属地'];

interface ProductFact {
  id: string | null;
  nameZh: string;
  hs: string[];
}

export interface AttachmentFacts {
  products: ProductFact[];
  /** Distinct names in the enterprise column of the tables; null when no table lists enterprises. */
  enterpriseCount: number | null;
  /** Distinct values of the place column, as written. */
  places: string[];
  /** Catalogue city ids the places belong to. */
  cities: string[];
}

const norm = (s: string) => s.replace(/\s+/g, '').toUpperCase();

function columnOf(header: readonly string[], names: readonly string[]): number {
  const h = header.map(norm);
  const exact = h.findIndex((x) => names.some((n) => x === norm(n)));
  if (exact >= 0) return exact;
  return h.findIndex((x) => names.some((n) => x.includes(norm(n))));
}

/** HS codes in a cell ("0808.1000", "08081000、08082100"): 4 to 10 digits each, dots dropped. */
export function hsCodesIn(cell: string): string[] {
  return cell
    .split(/[、,，;；/\s]+/)
    .map((c) => c.replace(/[.\-·]/g, ''))
    .filter((c) => /^\d{4,10}$/.test(c) && c.length % 2 === 0);
}

/** A column of HS-looking values in the dotted form (0808.1000), when no heading names it. */
function dottedHsColumn(t: Table): number {
  const width = t.header.length;
  for (let c = 0; c < width; c++) {
    const vals = t.rows.map((r) => r[c] ?? '').filter(Boolean);
    if (vals.length && vals.every((v) => /^\d{4}\.\d{2}(?:\.?\d{2}){0,2}$/.test(v))) return c;
  }
  return -1;
}

export type FactsVocabulary = Pick<Vocabulary, 'productRules' | 'productDict' | 'placeDict' | 'cities'>;

export function factsFromTables(tables: readonly Table[], v: FactsVocabulary): AttachmentFacts {
  const catalogueByAdcode = new Map([...v.cities.values()].map((c) => [c.adcode.slice(0, 4), c.id]));
  const products = new Map<string, ProductFact>();
  const enterprises = new Set<string>();
  let listsEnterprises = false;
  const places: string[] = [];
  const cities = new Set<string>();
  for (const t of tables) {
    const productCol = columnOf(t.header, v.productRules.tableHeaders);
    let hsCol = columnOf(t.header, v.productRules.hsHeaders);
    if (hsCol < 0) hsCol = dottedHsColumn(t);
    const enterpriseCol = columnOf(t.header, ENTERPRISE_HEADERS);
    const placeCol = columnOf(t.header, PLACE_HEADERS);
    if (enterpriseCol >= 0) listsEnterprises = true;
    for (const row of t.rows) {
      const name = (row[productCol] ?? '').trim();
      if (productCol >= 0 && name.length >= 2 && name.length <= 20) {
        const p = products.get(name) ?? { id: v.productDict.scan(name)[0]?.value.id ?? null, nameZh: name, hs: [] };
        if (hsCol >= 0) p.hs = [...new Set([...p.hs, ...hsCodesIn(row[hsCol] ?? '')])].sort();
        products.set(name, p);
      }
      const ent = enterpriseCol >= 0 ? (row[enterpriseCol] ?? '').trim() : '';
      if (ent) enterprises.add(ent);
      const place = placeCol >= 0 ? (row[placeCol] ?? '').trim() : '';
      if (place && !places.includes(place)) {
        places.push(place);
        // Only a form with one reading naming one city (福山区 -> 烟台); a homonym says nothing alone.
        for (const h of v.placeDict.scan(place)) {
          const only = h.value.readings.length === 1 && h.value.readings[0]!.cities.length === 1 ? h.value.readings[0]!.cities[0]! : null;
          const id = only ? catalogueByAdcode.get(only.slice(0, 4)) : undefined;
          if (id) cities.add(id);
        }
      }
    }
  }
  return { products: [...products.values()], enterpriseCount: listsEnterprises ? enterprises.size : null, places, cities: [...cities].sort() };
}
