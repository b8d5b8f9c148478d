/**
 * Products designated or in scope, as the core noun a user searches for (鱿鱼) with the page's
 * form as display (冷冻鱿鱼). Candidates come from lexicon names in running text, the items of
 * enumerations (after a product-scope cue or a trade direction, or holding a lexicon name), product columns of tables
 * (a line break in a cell separates products; a fragment line such as "广式" joins the next) and,
 * on English pages, the lexicon's English names. Every candidate is validated and normalised by
 * `productName`. Past examples, later batches, statistics and pest names are not products.
 */
import { clauseAt, isEnglish, LIST_ITEM, splitSentences, type Sentence } from './sentences.ts';
import type { Vocabulary, ProductEntry } from './vocab.ts';
import type { Explanation, ProductRef } from './types.ts';
import { normalizeForMatch } from './normalize.ts';
import { inlineCorrections, isCorrectionTable, tableCorrections, type Correction } from './corrections.ts';
import { objectOfPredicate } from './predicate-object.ts';
import { loadPlaces } from './places/load.ts';
import { keyValueRows, type Table } from '../text/body.ts';

export interface ProductName {
  /** Core noun (西兰花). */
  core: string;
  /** The page's own form when it differs (速冻西兰花). */
  display: string;
  entry: ProductEntry | null;
  /** The core is a lexicon name or alias itself (not a variety found through its last characters). */
  exact: boolean;
}

interface Found extends ProductName {
  hs?: string[];
  rule: string;
  /** Span in the body text ([-1, -1] for tables and titles). */
  start: number;
  end: number;
  /** The English words that named it, on an English page. */
  english?: string;
  /** A lexicon name in running text: the characters right after it (牛肉 in 牛肉丸重点…: 丸重点…). */
  follows?: string;
  /** The enumeration it is an item of (a number per page): items of one list are siblings. */
  list?: number;
}

const CJK = /^[\u4e00-\u9fff]+$/u;

/** Place stems the page itself names with a suffix (神湾镇 -> 神湾): origin prefixes on this page. */
export function localPlaces(texts: string[], v: Vocabulary): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(v.productRules.pageLocalPlace)) out.add(m[1]!);
  return out;
}

function originLength(s: string, local: ReadonlySet<string>, v: Vocabulary): number {
  let len = 0;
  const h = v.productRules.origins.scan(s)[0];
  if (h && h.start === 0) len = h.end;
  for (const l of local) if (l.length > len && s.startsWith(l)) len = l.length;
  // "漳州地区蜜柚", "某溪县X": the area word or the division's suffix belongs to the origin.
  const tail = len ? /^(地区|一带|镇|乡|县|区|市|旗)/u.exec(s.slice(len)) : null;
  if (tail && s.length - len - tail[0].length >= 2) len += tail[0].length;
  return len;
}

/**
 * Length of the use a name starts with (电动自行车用 in 电动自行车用锂电池), or 0. The 用 must be a
 * word of its own: in 适用 or 食用 it is part of a verb.
 */
export function useLength(core: string, v: Vocabulary): number {
  const m = v.productRules.usePrefix.exec(core);
  if (!m) return 0;
  const at = m[0].length - 1;
  return loadPlaces(v.root)
    .segment(core)
    .some((w) => w.word === '用' && w.start === at)
    ? m[0].length
    : 0;
}

function lexiconEntry(core: string, v: Vocabulary): { entry: ProductEntry | null; exact: boolean } {
  const exact = v.productRules.byName.get(core);
  if (exact) return { entry: exact, exact: true };
  // A use (电动自行车用锂电池) names a class of the product after it: that product gives the id and HS.
  const use = useLength(core, v);
  if (use) {
    const e = v.productRules.byName.get(core.slice(use));
    if (e) return { entry: e, exact: false };
  }
  // A variety is named by a prefix to its product (雪花梨, 冰糖橙): the product gives the id and HS.
  for (let k = 1; k <= Math.min(3, core.length - 1); k++) {
    const e = v.productRules.byName.get(core.slice(k));
    if (e) return { entry: e, exact: false };
  }
  return { entry: null, exact: false };
}

/**
 * How far the page vouches for an item as goods: `goods`, an item of a list the page closes with a
 * class of goods (A、B、C三类货物), so the segmenter's part-of-speech guesses (喷嘴 tagged as a verb)
 * do not overrule the page; `sibling`, an item of a list holding a lexicon product, so only a word
 * that makes a clause (a verb at its end, an adverb) disqualifies it, not an adjective at its end (整机).
 */
export type Listed = false | 'goods' | 'sibling';

/** Why a core is not a product name, or null when it is one. */
export function notAProduct(core: string, v: Vocabulary, listedAsGoods: Listed = false, modified = false): string | null {
  const r = v.productRules;
  if (!CJK.test(core)) return 'not a Chinese name';
  // A use before the name (消费类电子产品用) may make it longer than any bare name.
  const use = useLength(core, v);
  if (core.length - use > r.itemMaxLength || core.length > 2 * r.itemMaxLength) return 'too long';
  if (core.length < 2 && !r.byName.has(core)) return 'too short';
  if (r.umbrella.has(core)) return 'umbrella word';
  // 冷冻、干制、腌渍水产品: the first items are states of the last one's goods, not goods.
  if (r.modifiers.includes(core)) return 'a modifier';
  // A lexicon name is a product name (对虾 is no "对…" phrase).
  if (r.byName.has(core)) return null;
  // A name ending in a word for goods (集拼货物, 进口商品) names a class of them, not a product.
  if (/(货物|商品)$/u.test(core)) return 'a class of goods';
  if (r.notProduct.test(core)) return 'organisation, place, procedure or figure';
  // A description before 的 (整柜运输的家用空调) makes a phrase: the name is what follows it.
  if (core.includes('的')) return 'a described name (the name follows 的)';
  const whole = (hits: { start: number; end: number }[]) => hits.some((h) => h.start === 0 && h.end === core.length);
  const places = v.placeDict.scan(core);
  if (whole(r.origins.scan(core)) || whole(v.countryDict.scan(core)) || whole(places)) return 'a place';
  // A division written in full inside (试点在中卫市中宁县) is an address, not part of a name.
  if (places.some((h) => h.start > 0 && h.end - h.start >= 3 && /[市县区旗]$/u.test(core.slice(h.start, h.end)))) return 'an address';
  // Weak measure keywords are product words too (锂电池): only a measure's own name disqualifies.
  if (v.measureDict.scan(core).some((h) => h.value.strong)) return 'a measure';
  if (listedAsGoods === 'goods') return null;
  // A name ends in a noun: a phrase ending in a verb, preposition or adverb of two or more
  // characters (试点产品实施, 集拼中心出发, 可根据) is a fragment of a clause.
  const words = loadPlaces(v.root).segment(core);
  const last = words.at(-1);
  // …unless a modifier of goods stands before it in a list of goods (速冻点心 beside 广式腊肠): the
  // segmenter tags some nouns as verbs (点心), and a state of goods is said of things.
  if (last && endsClause(last, v) && !(modified && listedAsGoods === 'sibling')) return 'a fragment of a clause';
  // An adverb inside (主要, 较大) or an adjective or distinction word at the end (要求较高, 甘蓝主要)
  // makes a predicate, not a name.
  if (words.some((w) => w.word.length >= 2 && w.tag === 'd')) return 'a fragment of a clause (adverb)';
  // A preposition inside (集拼品类向鲜切花, 成立由实验室技术人员) opens a phrase of its own.
  if (words.some((w) => w.start > 0 && w.tag === 'p' && PREPOSITIONS.has(w.word))) return 'a fragment of a clause (preposition)';
  // A place inside, with a verb after it (蓝莓主要经大连港装船出运), is the goods' route: a clause.
  if (words.some((w, k) => k > 0 && w.tag === 'ns' && words.slice(k + 1).some((x) => x.tag.startsWith('v')))) return 'a fragment of a clause (a route)';
  // A count of firms or people first (多家种植户) is no name of goods; a number in a name (十三香, 九层塔) is.
  if (words.length >= 2 && words[0]!.tag === 'm' && words[0]!.word.length >= 2 && /[家户名位个]$/u.test(words[0]!.word)) return 'a count';
  // A noun and a gradable adjective after it (出口量大、时效要求高的企业) describe, not name.
  if (words.length >= 2 && last && last.tag === 'a' && GRADABLE.test(last.word)) return 'a fragment of a clause (a noun and its degree)';
  // An aspect particle (听取了…) or a range's 到 (烘焙加工到成品) makes a clause.
  if (words.some((w) => (ASPECT.has(w.word) && w.tag.startsWith('u')) || (w.start > 0 && w.word === '到'))) return 'a fragment of a clause (aspect or range)';
  if (listedAsGoods === 'sibling') return null;
  if (last && last.word.length >= 2 && /^(a|b)$/u.test(last.tag) && !v.productRules.byName.has(last.word) && !v.productRules.modifiers.includes(last.word))
    return 'a fragment of a clause (predicate adjective)';
  return null;
}

/** Enterprises joined to a served one, named the same way (和汾阳市的白酒生产企业). */
const JOINED_ENTERPRISES = /(?:以及|和|及|与|、)([^，。；：“”「」（）()]{2,16}?)(?:出口|生产|加工|种植)企业/uy;

/** Prepositions that open a phrase inside a clause; inside a name they mean it is none (荔枝以桂味、糯米糍为主). */
const PREPOSITIONS = new Set(['向', '由', '把', '被', '从', '往', '朝', '给', '以', '对于', '关于', '通过']);

/** Aspect particles: after a verb they make a clause (听取了). */
const ASPECT = new Set(['了', '过', '着']);

/** One-character adjectives of degree: after a noun they make a predicate (量大, 要求高), never a name's end. */
const GRADABLE = /^[大小高低多少强弱好差快慢长短]$/u;

/** Where the first verb of two or more characters after a name's first two characters starts, or -1 (鸭梨实施…). */
function verbAt(item: string, v: Vocabulary): number {
  if (item.length < 4) return -1;
  const words = loadPlaces(v.root).segment(item);
  let i = words.findIndex((x) => x.start >= 2 && endsClause(x, v));
  if (i < 0) return -1;
  // The predicate starts at the adverb or distinction word before its verb (甘蓝主要来自…: 主要;
  // 脐橙优先验放: 优先, which the segmenter tags a verbal noun).
  while (i > 0 && words[i - 1]!.start >= 2 && /^(d|b|vn)$/u.test(words[i - 1]!.tag) && !v.productRules.modifiers.includes(words[i - 1]!.word)) i--;
  return words[i]!.start;
}

/** Part-of-speech tags (the segmenter's) that end a clause, never a product's name. */
const CLAUSE_END_TAGS = new Set(['v', 'p', 'd', 'vd', 'ad', 'c', 'u', 'r']);

/**
 * A word of two or more characters tagged as ending a clause, unless it is a product name, a
 * modifier (冷冻 is tagged v) or ends in a head that makes it a thing (调味料 is tagged v).
 */
const endsClause = (t: { word: string; tag: string }, v: Vocabulary) =>
  t.word.length >= 2 &&
  CLAUSE_END_TAGS.has(t.tag) &&
  !v.productRules.byName.has(t.word) &&
  !v.productRules.modifiers.includes(t.word) &&
  !v.productRules.nounHeads.some((h) => t.word.endsWith(h));

/**
 * Validate and normalise one candidate: brackets and quotes dropped, then modifiers (鲜, 速冻),
 * styles (广式) and origin prefixes (places of GB/T 2260, countries, the page's own towns) removed
 * from the left while at least two characters remain; a use (工业机器人用) stays.
 */
export function productName(raw: string, v: Vocabulary, local: ReadonlySet<string> = NO_PLACES, listedAsGoods: Listed = false): ProductName | null {
  // A page asks about the same strings many times (each list is read item by item, then again).
  let byLocal = named.get(v);
  if (!byLocal) named.set(v, (byLocal = new WeakMap()));
  let memo = byLocal.get(local);
  if (!memo || memo.size > 20_000) byLocal.set(local, (memo = new Map()));
  const key = `${listedAsGoods}|${raw}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const { core, display } = coreOf(raw, v, local);
  const modified = display !== core && v.productRules.modifiers.some((m) => display.startsWith(m));
  const out = notAProduct(core, v, listedAsGoods, modified) ? null : { core, display, ...lexiconEntry(core, v) };
  memo.set(key, out);
  return out;
}

const NO_PLACES: ReadonlySet<string> = new Set();
const named = new WeakMap<Vocabulary, WeakMap<ReadonlySet<string>, Map<string, ProductName | null>>>();

/** Forget the names judged so far: the memo serves one page (a page's own towns are a key of their own). */
export function newProductPage(v: Vocabulary): void {
  named.get(v)?.delete(NO_PLACES);
}

/** The page's form (brackets and quotes dropped) and its core noun, not yet validated. */
export function coreOf(raw: string, v: Vocabulary, local: ReadonlySet<string> = NO_PLACES): { core: string; display: string } {
  const r = v.productRules;
  const display = raw
    .replace(/（[^）]*）?|\([^)]*\)?/gu, '')
    .replace(/[“”"'‘’《》〈〉「」\s]/gu, '')
    .replace(/^(等|及|和|与|以及)/u, '')
    .replace(/(等|系列)$/u, '')
    .replace(r.directionPrefix, '');
  // A model or variety code before the name (8424西瓜, LED照明产品, 18650锂离子电芯) stays in the page's form only.
  // (A number before a measure word, 50标箱 or 4200套, is a quantity, not a code.)
  let core = display.replace(/^(?:[A-Za-z][A-Za-z0-9]{1,7}|[0-9]{3,8})(?=[\u4e00-\u9fff]{2})(?![0-9]*[标吨批箱件辆台套个只头条袋瓶包盒])/u, '');
  for (let guard = 0; guard < 6 && !r.byName.has(core); guard++) {
    const before = core;
    const m = r.modifiers.find((x) => core.startsWith(x) && core.length - x.length >= 2);
    if (m) core = core.slice(m.length);
    // A use (电动自行车用) stays: it names a class of goods of its own, as pages list them.
    core = core.replace(r.stylePrefix, '');
    const o = originLength(core, local, v);
    // 宁乡的鲜辣椒, 欧盟的速冻菠菜: the place and its 的 go together.
    if (o && core.length - o >= 2) core = core.slice(o).replace(/^的(?=[\u4e00-\u9fff]{2})/u, '');
    // A trade direction after the place (高州市出口荔枝) is no part of the name either.
    core = core.replace(r.directionPrefix, '');
    if (core === before) break;
  }
  return { core, display };
}

/** Where the last match of a global pattern ends in a text, or -1. */
function lastMatchEnd(text: string, re: RegExp): number {
  let end = -1;
  for (const m of text.matchAll(re)) end = m.index + m[0].length;
  return end;
}

/** Cut a first enumeration item after the last scope or verb word ("主要为X" -> "X"). */
function cutFirst(item: string, cuts: string[]): string {
  let best = -1;
  for (const c of cuts) {
    const i = item.lastIndexOf(c);
    if (i >= 0 && i + c.length > best && i + c.length < item.length) best = i + c.length;
  }
  // An aspect particle after the verb (装载着沃柑) belongs to the verb.
  return best >= 0 ? item.slice(best).replace(/^[着了过](?=[\u4e00-\u9fff]{2})/u, '') : item;
}

/** Tags of words that belong to a clause, not to a name: time (今年), pronoun (我们), adverb (主要), conjunction, preposition. */
const CLAUSE_TAGS = /^(t|r|d|c|p)$/u;

/**
 * The first item of a list without the clause before it (我们选取横州茉莉花茶, 申报产品限于结球甘蓝, 今年葡萄干):
 * what follows the last word of a clause, when that is a name. A verb of two characters or more
 * counts only before a lexicon product (…主要承接菜心), as the segmenter tags many modifiers as verbs
 * (冷冻, 即食, 成像); a use (电动自行车用) and a modifier are never a clause. Only an item that would
 * pass as a name is cut: the cut tidies what is shown, it never makes a list of other things goods.
 */
function clauseCut(item: string, v: Vocabulary, local: ReadonlySet<string>): string {
  const r = v.productRules;
  // (Only a name that would pass as it is: an item that is no name leaves the list no list of goods.
  // A clause and a name take four characters at least (我市辣椒); a lexicon name is a name. A clause
  // is no modifier, so its core is the whole item, whose words the validation has segmented already.)
  if (item.length < 4 || r.byName.has(item) || productName(item, v, local)?.core !== item) return item;
  const words = loadPlaces(v.root).segment(item);
  for (let k = words.length - 2; k >= 0; k--) {
    const w = words[k]!;
    if (w.word === '用' || r.modifiers.includes(w.word)) continue;
    const verb = w.tag === 'v' && w.word.length >= 2;
    if (!CLAUSE_TAGS.test(w.tag) && !verb) continue;
    const rest = item.slice(w.start + w.word.length);
    const n = rest.length >= 2 ? productName(rest, v, local) : null;
    if (n && (!verb || n.entry)) return rest;
  }
  return item;
}

/** Index where a classifier ("3类蔬菜", "等时令水果") starts, or -1. */
function classifierAt(item: string, re: RegExp): number {
  for (let i = 1; i < item.length; i++) if (re.test(item.slice(i))) return i;
  return -1;
}

/** Runs of enumerated items (A、B和C) in a clause-free segment, with their offsets in it. */
type Run = { items: { text: string; at: number }[]; classified: boolean; directed: boolean; loaded?: boolean; goodsClass?: boolean; varieties?: boolean };

/**
 * A run closed by 等 and a class of goods ("A、B等鲜活水产品"), not a bare count ("等3类"), or by a
 * count of goods ("A、B、C三类货物"): its items are goods.
 */
const GOODS_CLASS = /^(等(?![0-9一二两三四五六七八九十])|等?[0-9一二两三四五六七八九十]+(类|种|款|大类)[^，。；]{0,4}(货物|产品|商品))/u;

/**
 * The pieces of a segment between list separators, as [piece with its separator, piece]. A
 * one-character conjunction separates only where a word starts with it (及 in 涉及 does not).
 */
function listPieces(segment: string, v: Vocabulary): [string, string][] {
  // Segmenting is needed only to tell a conjunction from a character of a word.
  const starts = /[和及与或]/u.test(segment)
    ? new Set(
        loadPlaces(v.root)
          .segment(segment)
          .map((w) => w.start),
      )
    : new Set<number>();
  const out: [string, string][] = [];
  let from = 0;
  for (const m of segment.matchAll(/、|以及|或者|和|及|与|或/gu)) {
    if (m[0].length === 1 && m[0] !== '、' && !starts.has(m.index)) continue;
    out.push([segment.slice(from, m.index + m[0].length), segment.slice(from, m.index)]);
    from = m.index + m[0].length;
  }
  out.push([segment.slice(from), segment.slice(from)]);
  return out;
}

/**
 * A trade direction's words with its destinations left out ("出口日本、韩国的" -> "出口的", "输往欧盟等地区的"
 * -> "输往的"): goods heading for named markets are listed after them as after a bare direction.
 */
function withoutDestinations(before: string, v: Vocabulary): string {
  const hits = v.countryDict.scan(before);
  if (!hits.length) return before;
  let out = '';
  let from = 0;
  for (const h of hits) {
    out += before.slice(from, h.start);
    from = h.end;
  }
  out += before.slice(from);
  return out.replace(/(?<=出口|进口|外销|往)(?:到|至)?(?:[、和及与]|等?(?:国家|地区|成员国|市场))*(?=的?$)/u, '');
}

function enumerations(segment: string, v: Vocabulary, local: ReadonlySet<string>): Run[] {
  const r = v.productRules;
  const runs: Run[] = [];
  // "满载A、B和C的冷链专列": a load verb before the first item; the noun after the last 的 is the vehicle.
  let loaded = false;
  let varietiesOf: string | null = null;
  let cur: { text: string; at: number }[] = [];
  // The run follows a trade direction: "出口的A、B" lists goods, and so does "出口A、B的生产企业"
  // (a bare "出口A、B" may list anything exported: 申报数据、装箱信息).
  let directed: 'de' | 'bare' | null = null;
  const direction = (before: string) => {
    const bare = withoutDestinations(before, v);
    return r.listCueBefore.test(bare) ? (bare.endsWith('的') ? 'de' : 'bare') : null;
  };
  const flush = (classified: boolean, rest: string) => {
    const last = cur[cur.length - 1]?.text ?? '';
    const isDirected = directed === 'de' || (directed === 'bare' && r.producerAfter.test(last + rest));
    const goodsClass = classified && GOODS_CLASS.test(rest);
    // "A、B等企业" lists enterprises; "A、B的企业" lists the goods of the enterprises.
    // "荔枝以妃子笑、火山荔枝为主" lists the varieties the goods named before 以 mostly are: the goods are 荔枝.
    // (Kinds that carry the goods' head noun, 锂电池以磷酸铁锂储能电池和三元锂离子动力电池为主, are goods of their own.)
    const varieties = !!varietiesOf && /^为主/u.test(rest) && cur.some((i) => !i.text.endsWith(varietiesOf!.slice(-1)));
    if (cur.length >= 2 && (varieties || !r.notListAfter.test(rest) || last.endsWith('的')))
      runs.push({ items: cur, classified, directed: isDirected, loaded, goodsClass, ...(varieties ? { varieties } : {}) });
    cur = [];
    varietiesOf = null;
    directed = null;
    loaded = false;
  };
  let at = 0;
  for (const m of listPieces(segment, v)) {
    if (m[0] === '') break;
    const raw = m[1]!;
    const start = at;
    at += m[0].length;
    let item = raw.trim();
    // A list going on after a bracket starts with its separator ("）、洋葱").
    if (!item && cur.length === 0 && start === 0) continue;
    let offset = start + raw.indexOf(item);
    const first = (text: string, off: number) => {
      const topic = /^(.{2,8}?)以(?=[\u4e00-\u9fff])/u.exec(text.slice(text.lastIndexOf('的') + 1));
      varietiesOf = topic && productName(topic[1]!, v)?.entry ? topic[1]! : null;
      const cut = clauseCut(cutFirst(text, r.firstItemCut), v, local);
      directed = direction(text.slice(0, text.length - cut.length));
      loaded = r.loadVerbs.some((w) => text.slice(0, text.length - cut.length).endsWith(w));
      return { text: cut, at: off + text.length - cut.length };
    };
    // "首日即有14车次、共计62吨活海鲈、脆肉鲩": a quantity inside an item opens the list of the goods it weighs.
    const weighed = cur.length ? lastMatchEnd(item, r.quantityBefore) : -1;
    if (weighed > 0 && weighed < item.length && productName(item.slice(weighed), v)) {
      cur = [];
      directed = null;
      loaded = false;
      offset += weighed;
      item = item.slice(weighed);
    }
    if (cur.length === 0) ({ text: item, at: offset } = first(item, offset));
    else {
      // "自泰国、越南进口的榴莲、山竹": the items before "的" describe the goods; the run starts at them.
      const de = item.lastIndexOf('的');
      const head = item.slice(de + 1);
      // Only while no item so far is goods: later, an X的Y item is one name of the list.
      if (de > 0 && productName(head, v) && !productName(item.slice(0, de), v) && !cur.some((c) => productName(c.text, v))) {
        cur = [];
        // The items before may be the destinations of a trade direction (出口日本、韩国的A、B).
        directed = direction(segment.slice(0, offset + de + 1));
        offset += de + 1;
        item = head;
      }
    }
    // "A和B及其制品", "…及其零部件": what refers back (其) belongs to the items before, no item of its own.
    if (/^其[\u4e00-\u9fff]/u.test(item) && cur.length) continue;
    const ci = classifierAt(item, r.classifierAfter);
    if (ci > 0) {
      cur.push({ text: item.slice(0, ci), at: offset });
      flush(true, item.slice(ci));
      continue;
    }
    // "…等品种": what precedes is a list of varieties or regions, not products.
    const stop = item.search(/等/u);
    if (stop > 0 && r.notListAfter.test(item.slice(stop))) {
      cur.push({ text: item.slice(0, stop), at: offset });
      flush(false, item.slice(stop));
      continue;
    }
    // A verb or an organisation inside an item ends the run there ("熟制鸡肉并输往美国、欧盟", "鸭梨实施…").
    const stopAt = cur.length ? item.search(r.lastItemStop) : -1;
    // …unless the item's own verb comes first (…锂电池实施企业自检模式): the run ends at that verb, and
    // what follows it (企业…) is the predicate's object, not the head the list belongs to.
    const verbFirst = stopAt > 0 ? verbAt(item.slice(0, stopAt), v) : -1;
    const end = verbFirst > 0 && productName(item.slice(0, verbFirst), v) ? verbFirst : stopAt;
    if (end > 0) {
      cur.push({ text: item.slice(0, end), at: offset });
      const rest = item.slice(end);
      flush(false, rest);
      // "…等地养殖企业将A、B": a predicate inside the item ends one run and opens the next at its object.
      const next = first(rest, offset + end);
      if (next.text !== rest && next.text.length >= 2) cur.push(next);
      continue;
    }
    cur.push({ text: item, at: offset });
  }
  flush(false, '');
  for (const run of runs) {
    for (const item of run.items) item.text = item.text.replace(r.lastItemStop, '');
    // In "X的Y" the product is Y ("装有电池的便携式电源") unless Y is no product name ("鲜香菇的冷藏货车").
    const last = run.items[run.items.length - 1]!;
    // The clause goes on after the last item's name (鸭梨实施…, 大米均可通过…): its verb ends the
    // name, when it comes after any 的 of the item (经上海口岸出口的锂电池 is one name).
    // After a 的, only where the name before the verb is a known product: the segmenter tags some
    // nouns of a longer name as verbs (西部陆海新通道).
    // A run closed by a class of goods ends where that class begins: no verb to look for.
    const verb = run.goodsClass ? -1 : verbAt(last.text, v);
    const de0 = last.text.lastIndexOf('的');
    if (verb > 0 && verb > de0 && (de0 < 0 || productName(last.text.slice(de0 + 1, verb), v)?.entry)) last.text = last.text.slice(0, verb);
    // A trade direction closing the last item is the clause's verb (重点服务脐橙、茶叶出口), and a
    // word for goods closing it (鲜食玉米集拼货物) is their class, where the list names goods: the
    // name left is a known product, or another item is.
    const undirected = last.text.replace(DIRECTION_AFTER, '').replace(GOODS_AFTER, '');
    const named = productName(undirected, v);
    if (undirected !== last.text && named && (named.entry || run.items.some((i) => i !== last && productName(i.text, v)?.entry))) last.text = undirected;
    const de = last.text.lastIndexOf('的');
    if (de >= 0) {
      // The clause may go on after the name that follows 的 (种植的菜心长期供应…): its verb ends it,
      // where the name before it is a known product (the segmenter tags 通道 of 西部陆海新通道 a verb).
      const after = last.text.slice(de + 1);
      const stop = run.goodsClass ? -1 : verbAt(after, v);
      const head = stop > 0 && !productName(after, v) && productName(after.slice(0, stop), v)?.entry ? after.slice(0, stop) : after;
      if (!run.loaded && head.length >= 2 && productName(head, v)) {
        last.at += de + 1;
        last.text = head;
      } else last.text = last.text.slice(0, de).replace(DIRECTION_AFTER, '');
    }
  }
  return runs;
}

/** A raw-material word right before a name (原料苹果): the name is what the goods are made from. */
const RAW_MATERIAL_BEFORE = /(原料|原材料|原辅料)$/u;

/** Goods named as what others are made from (以A、B为主要原料): A and B are raw materials, not the goods. */
const RAW_OPEN = /以(?:[^，。；以]{0,24}[、和及与])?$/u;
const RAW_CLOSE = /^(?:[、和及与][^，。；]{0,24})?为(?:主要|主)?(?:原料|原材料|原辅料|基料)/u;
/** A list closed by a raw-material word (所用的面粉、猪肉、鸡肉等原料): its items are what the goods are made of. */
const RAW_LIST_CLOSE = /^(?:[、和及与][^，。；、]{1,8})*等(?:主要)?(?:原料|原材料|原辅料)/u;
const namedAsRawMaterial = (text: string, start: number, end: number) => RAW_OPEN.test(text.slice(0, start)) && RAW_CLOSE.test(text.slice(end));

/** A preposition of means right before a name (通过手机预约, 借助无人机巡查). */
const INSTRUMENT_BEFORE = /(通过|借助|利用)$/u;

/** A name right after 的 or a list mark, then its quantity in weight or loads (出口香港的鲜鸡蛋310吨、菜薹145吨). */
const QUANTITY_AFTER =
  /(?<=[的、])(?<goods>(?:(?![和及与等共约批重量额单])[\u4e00-\u9fff]){2,8})(?=[0-9]+(?:\.[0-9]+)?万?(?:吨|公斤|千克|柜|标箱)(?![\u4e00-\u9fff]*(?:以上|以下|左右)))/gu;

/** A verb of provenance right after a name (活羊来自…). */
const SOURCED = /^(主要|均|全部|大多|多)?(来自|产自|源自|采自|取自|购自)/u;

/** A word for goods closing a name (鲜食玉米集拼货物): the class of what the name names. */
const GOODS_AFTER = /(?<=[\u4e00-\u9fff]{2})(集拼|拼箱|出口|进口)?(货物|商品)$/u;

/** A trade direction closing a name before 的 is the clause's verb (奶片出口的生产企业): no part of the name. */
const DIRECTION_AFTER = /(?<=[\u4e00-\u9fff]{2})(出口|进口|外销)$/u;

/** Segments of a sentence between punctuation; one starting with 以及/和 continues the previous. */
function segments(text: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let at = 0;
  for (const part of text.split(/[，；。：:（）()！？,;]/u)) {
    // A conjunction after a comma or a bracket goes on with the list before (…，以及C); a semicolon or a full stop ends it.
    if (/^(以及|及|和|与|或)/u.test(part) && out.length && /[，,）)]/u.test(text[at - 1] ?? ''))
      out[out.length - 1]!.text += `、${part.replace(/^(以及|及|和|与|或)/u, '')}`;
    else out.push({ text: part, at });
    at += part.length + 1;
  }
  return out;
}

/** "百合（含鲜百合、百合干）": a bracket listing forms of the name right before it adds no product. */
function formsOfPrevious(text: string, seg: { text: string; at: number }, prev: string): boolean {
  if (!/[（(]/u.test(text[seg.at - 1] ?? '') || !/^(含|包括|包含|即)/u.test(seg.text)) return false;
  const items = seg.text
    .replace(/^(含|包括|包含|即)/u, '')
    .split(/、|和|及|与|或/u)
    .filter(Boolean);
  return items.length > 0 && [2, 3, 4].some((n) => prev.length >= n && items.every((i) => i.includes(prev.slice(-n))));
}

/** The value a correction of a product item corrects to (or keeps) is in scope. */
function addCorrected(ctx: Ctx, c: Correction, position: number) {
  // The item may be a place in a table (第7行“试点产品”栏): its quoted column name says what it is.
  const item = /“([^”]+)”/u.exec(c.item)?.[1] ?? c.item;
  if (!ctx.v.productRules.tableHeaders.some((x) => item.endsWith(x))) return;
  for (const n of cellProducts(c.to.replace(/[、，,；;]/gu, '\n'), ctx.v, ctx.local)) add(ctx, n, `corrected value of "${c.item}"`, position, position);
}

const englishPast = (s: string, docYear: number) => [...s.matchAll(/\b(20\d{2})\b/gu)].some((m) => Number(m[1]) < docYear);

interface Ctx {
  v: Vocabulary;
  /** Spans of direct speech in the body (“以前…，现在…。”): what a person says is an anecdote, not the scope. */
  speech: [number, number][];
  /** Spans naming the class a following list details ("锂离子电池及含锂电池产品，包括A、B"). */
  classes: [number, number][];
  local: Set<string>;
  /** Names the page gives as what goods are made from (以A为原料), and where: a later mention of them (其中A主要采购自…) is that raw material still. */
  rawMaterials: Map<string, number>;
  /** Spans of varieties listed after the goods they are of (荔枝以A、B为主). */
  varieties: [number, number][];
  /** Enumerations read so far on the page. */
  lists: number;
  docYear: number;
  found: Found[];
  explain: Explanation[];
}

function add(ctx: Ctx, n: ProductName, rule: string, start: number, end: number, hs?: string[], english?: string) {
  ctx.found.push({ ...n, rule, start, end, ...(hs ? { hs } : {}), ...(english ? { english: english.toLowerCase() } : {}) });
}

/**
 * How a cue before a sentence scopes it: 'heading' (a short heading's cue, on its first segments)
 * or 'answer' (the question it answers asks which goods: every segment is in scope).
 */
type Scope = 'heading' | 'answer' | false;

/**
 * Whether a sentence's "later, not yet in scope" cue is about the goods it names: not when the cue's
 * own clause is about the other goods (首批适用于A、B，其他货物暂不纳入: A and B are in scope).
 */
function excludesNamed(text: string, exclude: RegExp): boolean {
  const m = exclude.exec(text);
  if (!m) return false;
  const clauseStart = Math.max(...['，', ',', '；', ';', '。'].map((c) => text.lastIndexOf(c, m.index - 1))) + 1;
  if (!/^\s*(其他|其它|其余|除此以外的?|此外的?)/u.test(text.slice(clauseStart, m.index))) return true;
  // Another cue later in the sentence may still be about the named goods.
  const rest = text.slice(m.index + m[0].length);
  return rest !== text && excludesNamed(rest, exclude);
}

/** A clause applying a tracked measure to what it names (对X实施“一品一策”; 对X实行…). */
const APPLIES = /对[^，。；]{2,20}?(实施|实行|试行|推行|开展)/u;
function appliesMeasure(clause: string, v: Vocabulary): boolean {
  const m = APPLIES.exec(clause);
  return !!m && v.measureDict.scan(normalizeForMatch(clause.slice(m.index + m[0].length))).some((h) => h.value.strong);
}

function readSentence(s: Sentence, ctx: Ctx, strongBefore: Scope, inTable: boolean) {
  const { v } = ctx;
  const r = v.productRules;
  const text = normalizeForMatch(s.text);
  const base = inTable ? -1 : s.start;
  const at = (i: number) => (base < 0 ? -1 : base + i);
  const skip =
    s.past || (isEnglish(s.text) && englishPast(s.text, ctx.docYear))
      ? 'past example'
      : s.statistics
        ? 'statistics item'
        : excludesNamed(s.text, r.exclude)
          ? 'later batch, example or not yet in scope'
          : null;
  // Goods before an exception that follows them (A、B暂不适用) or after one that precedes them (不包括C).
  const after = [...text.matchAll(r.exceptionAfterGoods)].map((m) => m.index);
  const before = [...text.matchAll(r.exceptionBeforeGoods)].map((m) => m.index);
  // An exception reaches over its own point only: a semicolon ends it (A、B；与设备包装在一起的C暂按原有方式管理).
  const semis = [...text.matchAll(/[；;]/gu)].map((m) => m.index);
  const apart = (x: number, y: number) => semis.some((k) => k > x && k < y);
  const excepted = (i: number) => after.some((a) => a > i && !apart(i, a)) || before.some((b) => b <= i && !apart(b, i));
  const measureSpans = v.measureDict.scan(text).filter((h) => h.value.strong);
  const inMeasure = (a: number, b: number) => measureSpans.some((m) => a < m.end && b > m.start);
  // An aside in brackets right after an item (凤凰单丛茶（潮安区、饶平县）、青梅蜜饯) does not end the
  // list: it is blanked for reading lists, offsets kept. A bracket naming goods (鲜梨（雪花梨、鸭梨）,
  // 百合（含鲜百合）) stays.
  const aside = (m: string) => (v.productDict.has(m) ? m : ' '.repeat(m.length));
  const segs = segments(text.replace(/(?<=[\u4e00-\u9fff])（(?!含|包括|包含|即)[^（）]{1,24}）(?=[、和及与或])/gu, aside));
  // A segment a list after it details (…，包括A、B和C) names their class: those goods are the scope.
  if (!inTable)
    segs.forEach((seg, k) => {
      if (k > 0 && text[seg.at - 1] === '，' && DETAILS.test(seg.text)) ctx.classes.push([at(segs[k - 1]!.at), at(seg.at)]);
    });
  const forms = segs.filter((seg, k) => k > 0 && formsOfPrevious(text, seg, segs[k - 1]!.text));
  const inForms = (i: number) => forms.some((f) => i >= f.at && i < f.at + f.text.length);
  const longerNames = [...v.countryDict.scan(text), ...v.placeDict.scan(text)];
  const spoken = (pos: number) => pos >= 0 && ctx.speech.some(([a, b]) => pos >= a && pos < b);
  const corrections = inlineCorrections(text);
  const hits = v.productDict.scan(text);
  // A name right before another (新能源汽车动力电池) qualifies it: the goods are the second.
  const nameStarts = new Set(hits.filter((g) => g.end - g.start >= 2).map((g) => g.start));
  for (const h of hits) {
    const pos = at(h.start);
    if (nameStarts.has(h.end)) continue;
    // …and so does one before a use (笔记本电脑用锂离子电池): the goods are the name after 用.
    if (text[h.end] === '用' && nameStarts.has(h.end + 1)) continue;
    if (corrections.some((c) => h.start >= c.fromStart && h.end <= c.fromEnd)) {
      ctx.explain.push({ field: 'products', value: h.name, rule: 'excluded: corrected away', position: pos });
      continue;
    }
    // A name inside a longer place or country name is no mention (葡萄 in 葡萄牙).
    if (longerNames.some((p) => p.start <= h.start && p.end >= h.end && p.end - p.start > h.end - h.start)) continue;
    // A name whose first character ends a counted or pointed word (一家牛肉丸: 家牛) is two words' halves.
    if (h.start > 0 && /^[一二两三四五六七八九十几每这那该本此各某][家批只头条户]$/u.test(text.slice(h.start - 1, h.start + 1))) continue;
    const why =
      skip ??
      (spoken(pos) ? 'direct speech' : !inTable && clauseAt(s, pos)?.future ? 'future idea' : excepted(h.start) ? 'an exception (不包括…, …除外)' : null);
    if (why) {
      ctx.explain.push({ field: 'products', value: h.name, rule: `excluded: ${why}`, position: pos });
      continue;
    }
    const after = text.slice(h.end);
    if (inForms(h.start) || inMeasure(h.start, h.end) || r.notAfter.test(after) || r.industryAfter.test(after) || r.organisationAfter.test(after)) continue;
    // The raw material of the goods (原料苹果主要来自…) is not what the measure covers.
    if (RAW_MATERIAL_BEFORE.test(text.slice(0, h.start))) continue;
    if (namedAsRawMaterial(text, h.start, h.end) || RAW_LIST_CLOSE.test(after)) {
      if (!ctx.rawMaterials.has(h.name)) ctx.rawMaterials.set(h.name, pos);
      continue;
    }
    // A tool something is done by (通过手机预约) is no goods.
    if (INSTRUMENT_BEFORE.test(text.slice(0, h.start))) continue;
    // …and so is what another product's source is (冷鲜羊肉的活羊来自…养殖场).
    if (text[h.start - 1] === '的' && SOURCED.test(after) && hits.some((g) => g !== h && g.end === h.start - 1)) continue;
    // The page's form: the name with the modifiers and origin right in front of it.
    let from = h.start;
    for (let guard = 0; guard < 3; guard++) {
      const m = r.modifiers.find((x) => text.slice(from - x.length, from) === x);
      if (!m) break;
      from -= m.length;
    }
    const suffix = r.formSuffixes.find((x) => after.startsWith(x)) ?? '';
    const to = h.end + suffix.length;
    const n = productName(s.text.slice(from, to), v, ctx.local) ?? productName(h.name, v, ctx.local);
    if (n) {
      add(ctx, n, RUNNING_TEXT, at(from), at(to));
      ctx.found.at(-1)!.follows = text.slice(to, to + 8);
    }
  }
  if (r.english && isEnglish(s.text) && !skip) {
    for (const m of s.text.matchAll(r.english.re)) {
      const e = r.english.byName.get(m[1]!.toLowerCase());
      if (e && !r.englishNotAfter.test(s.text.slice(m.index + m[0].length)))
        add(ctx, { core: e.zh, display: e.zh, entry: e.entry, exact: true }, `English name "${m[1]}"`, at(m.index), at(m.index + m[0].length), undefined, m[1]);
    }
  }
  if (skip) return;
  for (const c of corrections) addCorrected(ctx, c, at(0));
  const future = (i: number) => !inTable && !!clauseAt(s, at(i))?.future;
  const quoted = (i: number) => {
    const before = text.slice(0, i);
    return before.lastIndexOf('“') > before.lastIndexOf('”');
  };
  // Goods named by a quantity: "2.4吨刚采摘的杨梅在…", "12辆经班列运抵的平行进口汽车在…": up to
  // where the event goes on (在, 完成) or the next item starts, the noun after the last 的, up to
  // the route (经, 从, 运往…).
  for (const m of text.matchAll(r.quantityBefore)) {
    const from = m.index + m[0].length;
    const rest = text.slice(from);
    const endAt = rest.search(r.quantityGoodsEnd);
    if (endAt < 0) continue;
    let span = rest.slice(0, endAt);
    const de = span.lastIndexOf('的') + 1;
    // The route after the goods (…的电动工具从北仑港区装船发往…) is no part of their name; a name of
    // two characters or more comes first (自热火锅 starts with 自).
    const route = span.slice(de + 2).search(r.quantityGoodsCut);
    if (route >= 0) span = span.slice(0, de + 2 + route);
    // "一辆满载A…": a load verb or scope word first is the enumeration's, read below.
    const goods = cutFirst(span.slice(de), r.firstItemCut);
    if (goods !== span.slice(de)) continue;
    if (future(from) || spoken(at(from))) continue;
    // A quantity inside a quoted slogan (“一柜多单、分单核放”) weighs no goods.
    if (quoted(m.index)) continue;
    const valid = (g: string) => (g.length >= 2 && g.length <= r.itemMaxLength ? productName(g, v, ctx.local) : null);
    const n = valid(goods);
    if (n) add(ctx, n, 'goods named by a quantity', at(from + de), at(from + de + goods.length));
    // "1.6吨翠冠梨的冷链集装箱": when the noun after 的 is the container, the goods are before it.
    else if (de && span.indexOf('的') === de - 1 && cutFirst(span.slice(0, de - 1), r.firstItemCut) === span.slice(0, de - 1)) {
      const before = valid(span.slice(0, de - 1));
      if (before) add(ctx, before, 'goods named by a quantity', at(from), at(from + de - 1));
    }
  }
  // …or with their quantity right after them, as the goods shipped (出口香港的鲜鸡蛋310吨、菜薹145吨).
  for (const m of text.matchAll(QUANTITY_AFTER)) {
    // (The match is the name alone: what is around it is looked at, not taken.)
    const goods = m[0];
    if (future(m.index) || spoken(at(m.index)) || quoted(m.index)) continue;
    const n = productName(goods, v, ctx.local);
    if (n) add(ctx, n, 'goods named before their quantity', at(m.index), at(m.index + goods.length));
  }
  // Enterprises named by their product, as the object of a service ("受理南丰蜜桔出口企业…"), and
  // the enterprises joined to them (…的老陈醋生产企业和…的白酒生产企业): the service is theirs too.
  const served = (named: string, from: number) => {
    // "辖区出口水产品生产企业": the goods come after the trade direction.
    const after = (w: string) => (named.lastIndexOf(w) < 0 ? 0 : named.lastIndexOf(w) + w.length);
    const cut = Math.max(after('出口'), after('进口'), after('的'));
    const goods = named.slice(cut);
    const start = from + cut;
    if (future(start)) return;
    for (const part of goods.split(/、|和|及|与/u)) {
      const n = productName(part, v, ctx.local);
      if (n) add(ctx, n, SERVED, at(start), at(start + goods.length));
    }
  };
  for (const m of text.matchAll(r.serviceObject)) {
    const named = m.groups?.goods ?? '';
    served(named, m.index + m[0].indexOf(named));
    // Sticky: each joined phrase must follow the one before it directly.
    JOINED_ENTERPRISES.lastIndex = m.index + m[0].length;
    for (let j = JOINED_ENTERPRISES.exec(text); j; j = JOINED_ENTERPRISES.exec(text)) served(j[1]!, j.index + j[0].indexOf(j[1]!));
  }
  const weak = r.weakCue.test(text);
  // "对下列货物开展…：A、B": a list announced before a colon is in scope after it.
  const colon = text.search(/[：:]/u);
  // …or by a heading naming their class, when that class reads as goods (（一）肉丸类：A、B等; not 申请类：).
  const heading = colon > 0 ? r.classHeading.exec(text.slice(0, colon))?.groups?.goods : undefined;
  const classOfGoods = !!heading && (!!productName(heading, v, ctx.local) || r.umbrella.has(heading));
  const announced = colon > 0 && (r.listAnnounced.test(text.slice(0, colon)) || classOfGoods) ? colon : -1;
  const strongAt: boolean[] = [];
  segs.forEach((seg, k) => {
    if (!inTable && clauseAt(s, at(seg.at))?.future) return;
    if (excepted(seg.at)) return;
    if (forms.includes(seg)) return;
    // A strong cue counts in its own segment and the one after it ("试点产品：A和B").
    // A list going on after a bracket ("产品为：百合（含鲜百合）、洋葱") keeps the cue of its start.
    const goesOn = k >= 2 && seg.text.startsWith('、') && /[（(]/u.test(text[segs[k - 1]!.at - 1] ?? '') && strongAt[k - 2];
    const strong =
      (k <= 1 && !!strongBefore) ||
      strongBefore === 'answer' ||
      (announced >= 0 && seg.at > announced) ||
      r.strongCue.test(seg.text) ||
      (k > 0 && r.strongCue.test(segs[k - 1]!.text)) ||
      !!goesOn;
    strongAt[k] = strong;
    for (const run of enumerations(seg.text, v, ctx.local)) {
      // Varieties of the goods named before 以 (荔枝以妃子笑、糯米糍为主): no products of their own, and
      // no lexicon name read inside them (糯米 in 糯米糍).
      if (run.varieties) {
        for (const i of run.items) {
          ctx.varieties.push([at(seg.at + i.at), at(seg.at + i.at + i.text.length)]);
          ctx.explain.push({
            field: 'products',
            value: i.text,
            rule: 'excluded: a variety of the goods named before 以 (…以A、B为主)',
            position: at(seg.at + i.at),
          });
        }
        continue;
      }
      const names: ProductName[] = [];
      let rejected = false;
      // A list holding a lexicon name lists goods: its other items are names whatever part of speech
      // the segmenter gives their last word (整机 as an adjective).
      const vouched = run.items.some((i) => productName(i.text, v, ctx.local)?.entry);
      for (const [k, i] of run.items.entries()) {
        // 含, 包括 open an aside listing more goods (陈皮（含柑普茶）): the goods follow it.
        const aside = k === 0 && /[（(]/u.test(text[seg.at - 1] ?? '') ? /^(含|包括|包含)(?=[\u4e00-\u9fff]{2})/u.exec(i.text) : null;
        if (aside) {
          i.at += aside[0].length;
          i.text = i.text.slice(aside[0].length);
        }
        // The first item may still carry its predicate ("首批重点保障冷冻牛肉"): its object is the item.
        const object = k === 0 && !productName(i.text, v, ctx.local) ? objectOfPredicate(i.text, r.modifiers) : null;
        if (object) {
          i.at += i.text.length - object.length;
          i.text = object;
        }
        // An item may carry its own description (整柜运输的家用空调): the goods are the name after its 的.
        const de = i.text.lastIndexOf('的');
        if (de > 0 && !productName(i.text, v, ctx.local) && productName(i.text.slice(de + 1), v, ctx.local)) {
          i.at += de + 1;
          i.text = i.text.slice(de + 1);
        }
        // The first item may still hold the clause before the list (对青梅制品重点监控二氧化硫): only the
        // items after it are goods by the list's form alone.
        const n = productName(i.text, v, ctx.local, k === 0 ? false : run.goodsClass ? 'goods' : vouched ? 'sibling' : false);
        if (n) names.push(n);
        // An umbrella item (鲜食蔬菜) is no product but does not make the list something else.
        else if (!v.productRules.umbrella.has(coreOf(i.text, v, ctx.local).core)) rejected = true;
      }
      if (rejected || !names.length) continue;
      const last = run.items.at(-1)!;
      if (r.industryAfter.test(seg.text.slice(last.at + last.text.length))) continue;
      // The first item may still hold the words before the list (米醋以糯米、麸皮为主要原料).
      const first = run.items[0]!;
      const open = first.text.lastIndexOf('以');
      if (namedAsRawMaterial(seg.text, first.at + open + 1, last.at + last.text.length)) continue;
      const known = names.filter((n) => n.entry).length;
      if (!(strong || run.directed || known > 0 || run.goodsClass || (run.classified && weak))) continue;
      const rule = strong
        ? SCOPE_LIST
        : run.directed
          ? 'item of an enumeration after a trade direction'
          : known
            ? 'item of an enumeration with a lexicon product'
            : run.goodsClass
              ? 'item of an enumeration closed by a class of goods'
              : 'item of a classified enumeration';
      const list = ++ctx.lists;
      for (const n of names) {
        const i = run.items.find((x) => x.text.endsWith(n.core)) ?? run.items[0]!;
        if (spoken(at(seg.at + i.at))) continue;
        add(ctx, n, rule, at(seg.at + i.at), at(seg.at + i.at + i.text.length));
        ctx.found.at(-1)!.list = list;
      }
    }
  });
}

/** A segment opening the list of what the segment before it named as a class. */
const DETAILS = /^(具体|主要)?(包括|包含|涵盖)[^、，；。]{2,}、/u;

const headChars = new WeakMap<Map<string, ProductEntry>, Set<string>>();
/** A two-character word ending like a lexicon name (彩椒 as 辣椒) or after a modifier (鲜姜) reads as a product, not a place. */
function endsLikeProduct(word: string, v: Vocabulary): boolean {
  const byName = v.productRules.byName;
  let heads = headChars.get(byName);
  if (!heads) headChars.set(byName, (heads = new Set([...byName.keys()].filter((n) => n.length >= 2).map((n) => n.slice(-1)))));
  return heads.has(word.slice(-1)) || v.productRules.modifiers.some((m) => word.length > m.length && word.startsWith(m));
}

/** Products of one table cell: one per line (or per 、-separated part); fragment lines join the next. */
export function cellProducts(cell: string, v: Vocabulary, local: Set<string>): ProductName[] {
  const r = v.productRules;
  const out: ProductName[] = [];
  let carry = '';
  const lines = cell
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  lines.forEach((line, k) => {
    if (/^[（(].*[)）]$/u.test(line)) return;
    const joined = carry + line;
    const next = lines[k + 1] ?? '';
    const isFragment =
      k < lines.length - 1 && (/[式用]$/u.test(line) || r.modifiers.includes(line) || local.has(line) || originLength(line, local, v) === line.length);
    // A two-character line that is no product before a line that is one is an unknown origin or
    // variety prefix (a village's name): the product is the next line, the page's form the whole.
    const isPrefix =
      k < lines.length - 1 &&
      !isFragment &&
      line.length <= 2 &&
      !r.byName.has(line) &&
      !endsLikeProduct(line, v) &&
      !productName(line + next, v, local)?.exact &&
      productName(next, v, local) !== null &&
      !/[、，,；;/]/u.test(next);
    if (isFragment || isPrefix) {
      carry = isPrefix ? `${joined}|` : joined;
      return;
    }
    carry = '';
    const [prefix, rest] = joined.includes('|') ? (joined.split('|') as [string, string]) : ['', joined];
    for (const whole of rest.split(/[、，,；;/]/u)) {
      // "八角茴香等以食用为主的商品": the list's last item ends where 等 opens a description of its class.
      const etc = whole.indexOf('等');
      const listed = etc >= 2 && [...r.umbrella].some((u) => u.length >= 2 && whole.endsWith(u)) ? whole.slice(0, etc) : whole;
      // "主板功能检测" in a column of testing work: the goods are what the service is done on.
      const service = listed.search(r.serviceSuffix);
      const part = service >= 2 ? listed.slice(0, service) : listed;
      const n = productName(part, v, local);
      if (n) out.push(prefix ? { ...n, display: prefix + n.display } : n);
    }
  });
  return out;
}

/**
 * Direct speech: a quotation that runs over a clause (“以前要排队，现在当天就能走。”), across the
 * sentences of its line. A short quotation is a name (“绿色通道”).
 */
function speechSpans(sentences: Sentence[]): [number, number][] {
  // A line's sentences are contiguous slices of it (blank runs between them are skipped): rebuild
  // each line from their offsets and find its quotations there.
  const lines = new Map<number, { start: number; text: string }>();
  for (const s of sentences) {
    const l = lines.get(s.line);
    if (!l) lines.set(s.line, { start: s.start, text: s.text });
    else l.text = l.text.padEnd(s.start - l.start) + s.text;
  }
  const spans: [number, number][] = [];
  for (const { start, text } of lines.values())
    for (const m of text.matchAll(/“[^“”]*”/gu)) if (m[0].length > 14 && /[，。！？]/u.test(m[0])) spans.push([start + m.index, start + m.index + m[0].length]);
  return spans;
}

export function findProducts(
  sentences: Sentence[],
  tables: Table[],
  v: Vocabulary,
  docYear = new Date().getUTCFullYear(),
): { products: ProductRef[]; explain: Explanation[] } {
  const r = v.productRules;
  const cells = tables.flatMap((t) => [...t.header, ...t.rows.flat()]);
  const ctx: Ctx = {
    v,
    speech: speechSpans(sentences),
    classes: [],
    local: localPlaces([...sentences.map((s) => s.text), ...cells], v),
    rawMaterials: new Map(),
    varieties: [],
    lists: 0,
    docYear,
    found: [],
    explain: [],
  };
  let heading = false;
  // A Q&A answer is read in the scope of its question: the lines after a question asking which
  // goods ("问三：哪些产品适用新模式？"), up to the next question, list products.
  let goodsAsked = false;
  let leftOut = false;
  for (const s of sentences) {
    // A question: a sentence ending in a question mark, or a line opened by a Q&A's question marker.
    const t = s.text.trim();
    // The numbered lines under a line announcing the goods left out ((一)锂金属电池；…) are no scope.
    if (leftOut && LIST_ITEM.test(t)) continue;
    leftOut = r.exceptionList.test(t);
    const question = /[？?]$/u.test(t) || v.signalRules.documentKind.questionLine.test(t);
    if (question) goodsAsked = r.goodsQuestion.test(s.text);
    const answer = !question && goodsAsked;
    readSentence(s, ctx, answer ? 'answer' : heading ? 'heading' : false, false);
    // In a statistics sentence, a clause putting a measure in place on goods (对五常大米实施“一品一策”
    // …，1—6月出口2300余吨，同比增长36%) names the scope; the figures after it are statistics.
    if (s.statistics && !s.past)
      for (const c of s.clauses)
        if (appliesMeasure(c.text, v)) readSentence({ ...s, text: c.text, start: c.start, statistics: false, clauses: [c] }, ctx, false, false);
    // A short heading ("一、适用商品。") puts its cue on the sentence that follows it.
    heading = s.text.length <= 10 && r.strongCue.test(s.text);
  }
  for (const t of tables) {
    if (isCorrectionTable(t)) {
      for (const c of tableCorrections([t])) addCorrected(ctx, c, -1);
      continue;
    }
    // The product column: by the order of the header words (a goods column before a column of testing work), exact names first.
    const byWord = (match: (h: string, x: string) => boolean) => {
      for (const x of r.tableHeaders) {
        const i = t.header.findIndex((h) => match(h.trim(), x) && !r.hsHeaders.some((y) => h.includes(y)));
        if (i >= 0) return i;
      }
      return -1;
    };
    const exactCol = byWord((h, x) => h === x);
    const col = exactCol >= 0 ? exactCol : byWord((h, x) => h.includes(x));
    // A key-value table (项目 | 内容; 适用产品 | 武鸣沃柑、百香果): the row keyed by a goods word holds them.
    if (col < 0) {
      const kv = keyValueRows(t);
      // (A value in prose, 出口鲜活农产品，重点包括…, is read as a sentence below.)
      for (const [key, value] of kv ?? [])
        if (r.tableHeaders.some((x) => key.replace(/[：:]$/u, '').endsWith(x)) && value.length < r.tableSentenceLength && !/[，。；]/u.test(value))
          for (const n of cellProducts(value, v, ctx.local)) add(ctx, n, `product row "${key}" of a key-value table`, -1, -1);
    }
    const hsCol = t.header.findIndex((h) => r.hsHeaders.some((x) => h.includes(x)));
    for (const row of t.rows) {
      row.forEach((cell, i) => {
        if (i === col) {
          const hsRaw = hsCol >= 0 ? (row[hsCol] ?? '').replace(/[.\s]/g, '') : '';
          // An English table names its goods in English: the lexicon's English names read them.
          if (r.english && isEnglish(cell)) {
            for (const m of cell.matchAll(r.english.re)) {
              const e = r.english.byName.get(m[1]!.toLowerCase());
              if (e)
                add(
                  ctx,
                  { core: e.zh, display: e.zh, entry: e.entry, exact: true },
                  `English name "${m[1]}" in table column "${t.header[col]}"`,
                  -1,
                  -1,
                  undefined,
                  m[1],
                );
            }
            return;
          }
          for (const n of cellProducts(cell, v, ctx.local))
            add(ctx, n, `product table column "${t.header[col]}"`, -1, -1, /^\d{4,10}$/.test(hsRaw) ? [hsRaw] : undefined);
        } else if (cell.length >= r.tableSentenceLength) {
          for (const s of splitSentences([cell.replace(/\n/g, '')], docYear, v)) readSentence(s, ctx, false, true);
        }
      });
    }
  }
  return merge(ctx);
}

const RUNNING_TEXT = 'lexicon name in running text';
const SERVED = 'product naming the enterprises a service is for';
const SCOPE_LIST = 'item of an enumeration after a product-scope cue';

/** One product per core name (and per lexicon entry named exactly); a name found inside a longer one's span is the longer one. */
function merge(ctx: Ctx): { products: ProductRef[]; explain: Explanation[] } {
  const inside = (f: Found, g: Found) =>
    g !== f &&
    f.start >= 0 &&
    g.start >= 0 &&
    g.start <= f.start &&
    g.end >= f.end &&
    // 锂离子电池 inside 锂离子电池模组 (core 电池模组): the page's form holds it, though the core does not.
    ((g.core.length > f.core.length && g.core.includes(f.core)) || (g.core !== f.core && g.display.length > f.display.length && g.display.includes(f.display)));
  // In English a product named in full is then called by its head noun ("navel oranges" … "the
  // oranges"): the head noun is that product, not another one.
  const headOf = (f: Found, g: Found) => !!f.english && !!g.english && g.english.endsWith(` ${f.english}`);
  // A lexicon name written as the start of a longer product the page names elsewhere (牛肉 in
  // 对牛肉丸重点…, with 牛肉丸 in its table) is that product.
  const startOf = (f: Found, g: Found) =>
    f.follows !== undefined &&
    f.start >= 0 &&
    g !== f &&
    g.core.length > f.core.length &&
    g.core.startsWith(f.core) &&
    f.follows.startsWith(g.core.slice(f.core.length));
  // A product named in a class a list then details counts only when the list names nothing.
  const detailed = (f: Found) => ctx.classes.some(([a, b]) => f.start >= a && f.start < b && ctx.found.some((g) => g.start >= b && g.start < b + (b - a) + 60));
  // A lexicon name in running text that a product found elsewhere on the page contains (锂电池 with
  // 电动自行车用锂电池组 listed) is the class those goods belong to, not another product; one the
  // product starts with (枸杞 with 枸杞干果) may be another form of the same goods (枸杞原浆), and one
  // with the same core noun (鸭梨 with 晋州鸭梨) is the same product.
  const classOf = (f: Found, g: Found) =>
    f.rule === RUNNING_TEXT &&
    g !== f &&
    g.rule !== RUNNING_TEXT &&
    g.core !== f.core &&
    g.display.length > f.display.length &&
    g.display.includes(f.display) &&
    !g.display.startsWith(f.display);
  // …and so is one the product holds with a qualifier inserted (锂离子电池, 锂电池 with 锂离子动力电池 in the scope).
  const splitClassOf = (f: Found, g: Found) => {
    if (f.rule !== RUNNING_TEXT || g === f || g.core === f.core || f.display.length < 3 || g.display.length <= f.display.length || sideBySide(f, g))
      return false;
    // Another name of the same lexicon entry (锂电池 beside 锂离子电池) is the same goods, not a narrower product.
    if (f.entry && g.entry?.id === f.entry.id) return false;
    for (let k = 1; k <= f.display.length - 2; k++)
      if (g.display.startsWith(f.display.slice(0, k)) && g.display.endsWith(f.display.slice(k)) && !g.display.includes(f.display)) return true;
    return false;
  };
  // A name another found name ends with after a short qualifier (海鲈 with 白蕉海鲈, 木耳 with 黑木耳)
  // is that variety, named again without its qualifier; not when a list names both side by side
  // (鲜食玉米、黏玉米) or in one list (干辣椒、糍粑辣椒、油辣椒), nor when the qualifier is a verb (主营裙带菜: a fragment, not a variety).
  const sideBySide = (f: Found, g: Found) =>
    (f.list !== undefined && f.list === g.list) || (f.start >= 0 && g.start >= 0 && (Math.abs(f.start - g.end) <= 2 || Math.abs(g.start - f.end) <= 2));
  const varietyOf = (f: Found, g: Found) => {
    if (g === f || g.core.length <= f.core.length || g.core.length - f.core.length > 2 || !g.core.endsWith(f.core) || sideBySide(f, g)) return false;
    const qualifier = g.core.slice(0, g.core.length - f.core.length);
    return !loadPlaces(ctx.v.root)
      .segment(qualifier)
      .some((w) => /^(v|vd|d|p|b)$/u.test(w.tag));
  };
  // The goods naming the firms a service is for (受理出口乳制品生产企业…) are its scope only where no list
  // says what the scope is (适用产品为奶酪、奶片…): then they are the class the listed goods belong to.
  const scoped = ctx.found.some((g) => g.rule === SCOPE_LIST);
  const found = ctx.found.filter(
    (f) =>
      !detailed(f) &&
      !(scoped && f.rule === SERVED) &&
      !(f.rule === RUNNING_TEXT && f.start > (ctx.rawMaterials.get(f.core) ?? Number.POSITIVE_INFINITY)) &&
      !ctx.varieties.some(([a, b]) => f.start >= 0 && f.start >= a && f.start < b) &&
      !ctx.found.some((g) => inside(f, g) || headOf(f, g) || startOf(f, g) || classOf(f, g) || splitClassOf(f, g) || varietyOf(f, g)),
  );
  // Names of one lexicon entry are one product (锂电池, 锂离子电池), unless a list names two of them
  // side by side (沃柑、砂糖橘): then the entry is a heading over distinct products.
  const listed = new Map<string, Set<string>>();
  for (const f of found)
    if (f.exact && f.entry && f.rule !== RUNNING_TEXT && !f.english && f.start >= 0) listed.set(f.entry.id, (listed.get(f.entry.id) ?? new Set()).add(f.core));
  const byKey = new Map<string, Found>();
  for (const f of found) {
    const key = f.exact && f.entry && (listed.get(f.entry.id)?.size ?? 0) < 2 ? `id:${f.entry.id}` : `name:${f.core}`;
    const prev = byKey.get(key);
    if (!prev) {
      byKey.set(key, f);
      continue;
    }
    // A variety a list or table names (南丰蜜橘: a qualifier before the entry's name) wins over the
    // class read in running text (特色柑橘 in the lead); otherwise the lexicon's own name wins over an
    // alias (锂离子电池 over 锂电池). hs from whichever has it.
    const variety = (x: Found) => x.rule !== RUNNING_TEXT && x.exact && x.display.length > x.core.length;
    const ownName = f.entry && f.core === f.entry.nameZh && prev.core !== f.entry.nameZh;
    const better = f.core !== prev.core && variety(f) !== variety(prev) ? (variety(f) ? f : prev) : ownName ? f : prev;
    const hs = better.hs ?? f.hs ?? prev.hs;
    byKey.set(key, { ...better, ...(hs ? { hs } : {}) });
  }
  // Whether a list or table (not running text) names an entry exactly, or a variety or class of it.
  const listedAs = (id: string, exact: boolean) => found.some((g) => g.exact === exact && g.entry?.id === id && g.rule !== RUNNING_TEXT);
  // A name found both exactly and as a plain name is one product; "X制品" beside X is X's; a
  // variety beside its product, where a list names that product exactly (美早大樱桃 beside 樱桃), is
  // that product. A product named only in running text (锂电池是我省出口的重要产品, 荔枝出口…) beside
  // classes or varieties of it a list names (储能用锂离子电池; 品种为桂味荔枝、糯米糍荔枝) is their
  // topic, not one more product.
  const list = [...byKey.values()].filter(
    (f, _, all) =>
      !(
        f.entry === null &&
        all.some(
          (g) =>
            g !== f && ((g.core === f.core && g.entry) || (ctx.v.productRules.derivedSuffix.test(f.core.slice(g.core.length)) && f.core.startsWith(g.core))),
        )
      ) &&
      !(
        f.entry &&
        !f.exact &&
        !useLength(f.core, ctx.v) &&
        // …not a sibling in its own list (干辣椒、糍粑辣椒、油辣椒: three products).
        all.some((g) => g !== f && g.exact && g.entry?.id === f.entry!.id && f.core.endsWith(g.core) && !(f.list !== undefined && f.list === g.list)) &&
        listedAs(f.entry.id, true)
      ) &&
      !(f.exact && f.entry && !listedAs(f.entry.id, true) && listedAs(f.entry.id, false)),
  );
  // In the page's order: where each is first named in the text, then the tables'.
  const first = new Map(
    list.map((f) => {
      const at = ctx.found.filter((g) => g.start >= 0 && (g.core === f.core || (f.exact && g.entry?.id === f.entry?.id))).map((g) => g.start);
      return [f, at.length ? Math.min(...at) : Number.MAX_SAFE_INTEGER] as const;
    }),
  );
  list.sort((a, b) => first.get(a)! - first.get(b)!);
  const products: ProductRef[] = list.map((f) => {
    const hs = f.hs ?? (f.entry?.hs.length ? f.entry.hs : undefined);
    return { id: f.entry?.id ?? null, nameZh: f.core, ...(f.display !== f.core ? { display: f.display } : {}), ...(hs ? { hs } : {}) };
  });
  for (const f of list)
    ctx.explain.push({
      field: 'products',
      value: f.core,
      rule: f.entry ? `${f.rule} (lexicon ${f.entry.id}${f.exact ? '' : ', variety'})` : f.rule,
      keyword: f.display,
      position: f.start,
    });
  return { products, explain: ctx.explain };
}
