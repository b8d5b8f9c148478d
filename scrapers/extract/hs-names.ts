/**
 * Short product names from China Customs' 8-digit commodity names (HS based), the rules behind
 * content/vocab/product-lexicon.json. A commodity name describes a tariff line ("鲜或冷藏的番茄",
 * "其他冻的墨鱼及鱿鱼", "金针菜（黄花菜）"); a user searches for the product (番茄, 鱿鱼, 黄花菜).
 * The rules, in order:
 * - drop what is no product: seeds and breeding stock, lines described by what they exclude
 *   (未列名, 本品目所列), parts, names the source could not encode;
 * - cut at the first comma (what follows qualifies the line: "，种用除外", "，内包装…");
 * - a parenthesis gives an alias when it is a plain name (黄花菜), never a taxon (…属, …科);
 * - strip state and processing prefixes (鲜或冷藏的, 冻, 干, 活, 去壳 …) and a leading 其他;
 * - split coordinated names (A、B及C) into separate products;
 * - keep names of 2 to 6 Chinese characters that are not umbrella or residual words.
 * Pure: the script scripts/product-lexicon.ts does the reading and writing.
 */

const STATE_PREFIX = [
  '鲜或冷藏的',
  '鲜、冷或冻的',
  '鲜或冷的',
  '鲜、冷的',
  '鲜、冷',
  '鲜或冷',
  '鲜或干的',
  '鲜或干',
  '冷或冻的',
  '冷或冻',
  '冻的',
  '冷冻',
  '冻',
  '活、鲜或冷的',
  '活、鲜、冷的',
  '活的',
  '活',
  '鲜的',
  '鲜',
  '干的',
  '干',
  '已焙炒',
  '未焙炒',
  '焙炒的',
  '未去壳',
  '去壳',
  '带壳',
  '脱壳',
  '暂时保藏的',
  '盐水的',
  '盐水',
  '盐腌的',
  '盐渍的',
  '盐腌',
  '盐渍',
  '熏的',
  '整头及半头',
  '整头',
  '半头',
  '整只',
  '未切块的',
  '切块的',
  '带骨的',
  '带骨',
  '去骨的',
  '去骨',
  '未磨的',
  '已磨的',
  '未磨',
  '已磨',
  '食用',
  '其他',
  '的',
];
const DROP = /未列名|本品目|品目|零件|种用|种苗|鱼苗|种子|种畜|改良种|孵化|子目|\?|除外$|部件|及类似|其他|制品$|杂碎|下脚|废料|残渣|粉$|油渣|饲料/u;
const NOT_A_NAME = /[A-Za-z0-9＜＞≤≥%％\-－/]|属$|科$|类$|的$|^(及|的|其|或|含|以|经|未|已|非|不)|用$|物$|品$|状$|的[\u4e00-\u9fff]{1,2}$/u;
const UMBRELLA = new Set([
  '水果',
  '蔬菜',
  '果蔬',
  '农产品',
  '食品',
  '鱼',
  '肉',
  '蛋',
  '茶',
  '花',
  '豆',
  '菜',
  '坚果',
  '鱼片',
  '鱼肉',
  '什锦蔬菜',
  '蘑菇',
  '块菌',
]);

function stripPrefixes(s: string): string {
  let out = s;
  for (let guard = 0; guard < 6; guard++) {
    const p = STATE_PREFIX.find((x) => out.startsWith(x) && out.length - x.length >= 2);
    if (!p) break;
    out = out.slice(p.length);
  }
  return out;
}

const valid = (s: string) => /^[\u4e00-\u9fff]{2,6}$/u.test(s) && !NOT_A_NAME.test(s) && !UMBRELLA.has(s) && !DROP.test(s);

/** Short names (first: the name, rest: aliases) a commodity name yields; [] when none. */
export function shortNamesOf(commodity: string): string[][] {
  let s = commodity.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
  if (/^(未列名|本品目|品目)/u.test(s)) return [];
  s = s.split(/[，,；;]/u)[0]!;
  if (/种用|种苗|鱼苗|孵化|零件|\?/u.test(s)) return [];
  const aliases: string[] = [];
  s = s.replace(/（([^（）]*)）/gu, (_, inner: string) => {
    if (/^[\u4e00-\u9fff]{2,6}$/u.test(inner) && !/[属科类]$/u.test(inner)) aliases.push(inner);
    return '';
  });
  const out: string[][] = [];
  const parts = s
    .split(/、|及|和/u)
    .map(stripPrefixes)
    .filter(valid);
  for (const p of parts) out.push([p]);
  // The parenthesis names the last (or only) item: 金针菜（黄花菜）, 芋头（芋属）.
  if (out.length && aliases.length) out[out.length - 1]!.push(...aliases.map(stripPrefixes).filter(valid));
  return out;
}

const EN_PREFIX =
  /^(other|fresh or chilled|fresh, chilled or frozen|fresh or dried|fresh|chilled|frozen|dried|live|roasted|not roasted|in shell|shelled|whole|cut|of|the|and|,)\s+/iu;

const EN_GENERIC = new Set([
  'fresh',
  'chilled',
  'frozen',
  'dried',
  'cold',
  'live',
  'fish',
  'meat',
  'beans',
  'birds',
  'flours',
  'fruit',
  'fruits',
  'vegetables',
  'nuts',
  'mushrooms',
  'flowers',
]);

/** A plain English name from the commodity's English description ("Fresh or chilled tomatoes" -> "tomatoes"). */
export function englishNameOf(description: string): string | null {
  let s = description.trim().split(/[,;(]/u)[0]!.trim();
  for (let guard = 0; guard < 6; guard++) {
    const next = s.replace(EN_PREFIX, '');
    if (next === s) break;
    s = next;
  }
  s = s.replace(/\s+(fresh or chilled|fresh|frozen|dried|live|in shell|shelled)$/iu, '').trim();
  if (!/^[a-z][a-z' -]{2,40}$/iu.test(s) || /\b(other|n\.e\.s|nes|parts|seed|seeds|similar)\b/iu.test(s) || EN_GENERIC.has(s.toLowerCase())) return null;
  return s.toLowerCase();
}

/** Id of a lexicon entry: a slug of its English name, else of its first HS code. */
export function productSlug(en: string | null, hs: string): string {
  const base = (en ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return base || `hs-${hs || 'none'}`;
}

/**
 * Everyday English names from a CC-CEDICT entry's glosses, each split on ";" and " or ", without
 * parentheses, an appositive (", a spirit distilled from …") or a leading article. A gloss marked
 * as another register or region ("(dialect) potato", "(Tw) peanut"), a cross-reference, a surname,
 * a taxon, a classifier or a phrase longer than three words gives no name.
 */
export function everydayEnglishNames(glosses: string[]): string[] {
  const out = new Set<string>();
  for (const gloss of glosses) {
    if (
      /^(\((dialect|formal|Tw|slang|coll\.|old|archaic|literary|TCM|Cantonese|fig\.)\)|see |variant|old variant|abbr|CL:|also |to |used in |surname|genus )/iu.test(
        gloss,
      )
    )
      continue;
    for (const part of gloss.split(/;|\bor\b/u)) {
      const s = part
        .replace(/\([^)]*\)/gu, '')
        .split(/,\s/u)[0]!
        .replace(/^(a|an|the)\s+/iu, '')
        .replace(/\s+/gu, ' ')
        .trim()
        .toLowerCase();
      if (!/^[a-z][a-z' -]{2,40}$/u.test(s) || s.split(' ').length > 3 || EN_GENERIC.has(s) || /^(genus|surname)\b|\b(sb|sth|etc)\b/u.test(s)) continue;
      out.add(s);
    }
  }
  return [...out];
}
