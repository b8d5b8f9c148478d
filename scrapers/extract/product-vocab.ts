/**
 * The product side of the vocabulary: the lexicon (content/vocab/product-lexicon.json, HS-based)
 * merged with the catalogue (content/products, whose ids win), English written forms for English
 * pages, place-of-origin stems (GB/T 2260 division names of the gazetteer, ISO country names) and
 * the compiled rules of content/vocab/products.json. Built once per content root by vocab.ts.
 */
import { createRequire } from 'node:module';
import { Dictionary } from './match.ts';
import type { VocabData } from './vocab-schema.ts';
import { escapeRegExp as esc } from './normalize.ts';

const require = createRequire(import.meta.url);

export interface ProductEntry {
  id: string;
  nameZh: string;
  hs: string[];
}

export interface ProductRules {
  modifiers: string[];
  stylePrefix: RegExp;
  usePrefix: RegExp;
  directionPrefix: RegExp;
  derivedSuffix: RegExp;
  umbrella: Set<string>;
  strongCue: RegExp;
  goodsQuestion: RegExp;
  weakCue: RegExp;
  firstItemCut: string[];
  listCueBefore: RegExp;
  producerAfter: RegExp;
  notListAfter: RegExp;
  lastItemStop: RegExp;
  classifierAfter: RegExp;
  itemMaxLength: number;
  notProduct: RegExp;
  notAfter: RegExp;
  industryAfter: RegExp;
  formSuffixes: string[];
  nounHeads: string[];
  organisationAfter: RegExp;
  englishNotAfter: RegExp;
  exclude: RegExp;
  /** Where exceptions stand in a text: goods before an `after` one, or after a `before` one, are excepted. */
  exceptionAfterGoods: RegExp;
  exceptionBeforeGoods: RegExp;
  pageLocalPlace: RegExp;
  quantityBefore: RegExp;
  quantityGoodsEnd: RegExp;
  quantityGoodsCut: RegExp;
  loadVerbs: string[];
  serviceObject: RegExp;
  listAnnounced: RegExp;
  exceptionList: RegExp;
  /** A heading naming a class of goods before a colon (（一）肉丸类：…): the list after it is that class's goods. */
  classHeading: RegExp;
  serviceSuffix: RegExp;
  tableHeaders: string[];
  hsHeaders: string[];
  tableSentenceLength: number;
  /** Lexicon names by exact Chinese form (names and aliases). */
  byName: Map<string, ProductEntry>;
  /** English written forms (lower case, singular and plural) -> entry and the Chinese name they stand for; null when none. */
  english: { re: RegExp; byName: Map<string, { entry: ProductEntry; zh: string }> } | null;
  /** Place names and their stems that can stand in front of a product as its origin. */
  origins: Dictionary<true>;
}

const literalAny = (list: string[]) => new RegExp(list.length ? list.map(esc).join('|') : '(?!)', 'u');

/** British spellings of words the lexicon's (American) English names use. */
const BRITISH: [RegExp, string][] = [
  [/\bchili\b/g, 'chilli'],
  [/\byogurt\b/g, 'yoghurt'],
  [/\bflavor/g, 'flavour'],
];

/** Singular and plural of an English name ("lily" -> lilies, "mangoes" -> mango), in either spelling (chili, chilli). */
export function englishForms(name: string): string[] {
  const lower = name.toLowerCase().trim();
  const british = BRITISH.reduce((s, [re, to]) => s.replace(re, to), lower);
  return [...new Set([lower, british].flatMap(numberForms))];
}

function numberForms(n: string): string[] {
  const out = new Set([n]);
  if (/[^aeiou]y$/.test(n)) out.add(`${n.slice(0, -1)}ies`);
  else if (/(s|x|ch|sh|o)$/.test(n)) out.add(`${n}es`);
  else out.add(`${n}s`);
  if (/ies$/.test(n)) out.add(`${n.slice(0, -3)}y`);
  else if (/oes$/.test(n)) out.add(n.slice(0, -2));
  else if (/[^s]s$/.test(n)) out.add(n.slice(0, -1));
  return [...out];
}

/** Division names (provinces, prefectures, counties, towns) and their stems (迁西县 -> 迁西, 麻阳苗族自治县 -> 麻阳), country names. */
function originStems(divisionNames: Iterable<string>): [string, true][] {
  const out = new Set<string>();
  const stem = (n: string) =>
    n
      .replace(/(([\u4e00-\u9fff]{1,3}族)+)?(自治县|自治旗|自治州)$/u, '')
      .replace(/(特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区|地区|新区|林区|盟|省|市|县|区|旗)$/u, '');
  for (const name of divisionNames) {
    if (name === '市辖区' || name === '县') continue;
    out.add(name);
    const s = stem(name);
    if (s.length >= 2) out.add(s);
  }
  const countries = require('i18n-iso-countries');
  countries.registerLocale(require('i18n-iso-countries/langs/zh.json'));
  for (const list of Object.values(countries.getNames('zh', { select: 'all' }) as Record<string, string[]>))
    for (const n of list) if (n.length >= 2) out.add(n);
  return [...out].map((n) => [n, true]);
}

export function buildProductVocab(
  prod: VocabData<'products'>,
  lexicon: VocabData<'product-lexicon'>,
  catalogue: { id: string; nameZh: string; aliases: string[]; hs: string[] }[],
  divisionNames: Iterable<string>,
): { dict: Dictionary<ProductEntry>; rules: ProductRules } {
  const byName = new Map<string, ProductEntry>();
  const english = new Map<string, { entry: ProductEntry; zh: string }>();
  const catalogueEntries = catalogue.map((c) => ({ entry: { id: c.id, nameZh: c.nameZh, hs: c.hs } as ProductEntry, names: [c.nameZh, ...c.aliases] }));
  // The catalogue first: its ids and its written forms win over the lexicon's.
  for (const { entry, names } of catalogueEntries) for (const n of names) if (!byName.has(n)) byName.set(n, entry);
  const stop = new Set(prod.englishStop.map((s) => s.toLowerCase()));
  for (const e of lexicon.entries) {
    const cat = catalogueEntries.find((c) => c.entry.id === e.id);
    const entry: ProductEntry = cat ? cat.entry : { id: e.id, nameZh: e.zh, hs: e.hs };
    for (const n of [e.zh, ...e.aliases]) if (!byName.has(n)) byName.set(n, entry);
    for (const en of [...(e.en ? [e.en] : []), ...e.aliasesEn]) {
      // A name whose singular or plural is an ordinary word ("date", "turkey") is no product name.
      const forms = englishForms(en);
      if (forms.some((f) => stop.has(f))) continue;
      const zh = e.zhOfEnglish?.[en.toLowerCase()] ?? entry.nameZh;
      for (const f of forms) if (!english.has(f)) english.set(f, { entry, zh });
    }
  }
  const enNames = [...english.keys()].sort((a, b) => b.length - a.length);
  const rules: ProductRules = {
    modifiers: [...prod.modifiers].sort((a, b) => b.length - a.length),
    stylePrefix: new RegExp(prod.stylePrefix, 'u'),
    usePrefix: new RegExp(prod.usePrefix, 'u'),
    directionPrefix: new RegExp(prod.directionPrefix, 'u'),
    derivedSuffix: new RegExp(prod.derivedSuffix, 'u'),
    umbrella: new Set(prod.umbrella),
    strongCue: new RegExp(prod.strongCues.join('|') || '(?!)', 'u'),
    goodsQuestion: new RegExp(prod.goodsQuestion, 'u'),
    weakCue: literalAny(prod.weakCues),
    firstItemCut: prod.firstItemCut,
    listCueBefore: new RegExp(prod.listCueBefore, 'u'),
    producerAfter: new RegExp(prod.producerAfter, 'u'),
    notListAfter: new RegExp(prod.notListAfter, 'u'),
    lastItemStop: new RegExp(prod.lastItemStop, 'u'),
    classifierAfter: new RegExp(prod.classifierAfter, 'u'),
    itemMaxLength: prod.itemMaxLength,
    notProduct: new RegExp(prod.notProduct, 'u'),
    notAfter: new RegExp(prod.notAfter, 'u'),
    industryAfter: new RegExp(prod.industryAfter, 'u'),
    formSuffixes: [...prod.formSuffixes].sort((a, b) => b.length - a.length),
    nounHeads: prod.nounHeads,
    organisationAfter: new RegExp(prod.organisationAfter, 'u'),
    englishNotAfter: new RegExp(prod.englishNotAfter, 'iu'),
    exclude: new RegExp(prod.excludeCues.join('|') || '(?!)', 'iu'),
    exceptionAfterGoods: new RegExp(prod.exceptionAfterGoods.join('|') || '(?!)', 'giu'),
    exceptionBeforeGoods: new RegExp(prod.exceptionBeforeGoods.join('|') || '(?!)', 'giu'),
    pageLocalPlace: new RegExp(prod.pageLocalPlace, 'gu'),
    quantityBefore: new RegExp(prod.quantityBefore, 'gu'),
    quantityGoodsEnd: new RegExp(prod.quantityGoodsEnd, 'u'),
    quantityGoodsCut: new RegExp(prod.quantityGoodsCut, 'u'),
    loadVerbs: prod.loadVerbs,
    serviceObject: new RegExp(prod.serviceObject, 'gu'),
    listAnnounced: new RegExp(prod.listAnnounced, 'u'),
    exceptionList: new RegExp(prod.exceptionList, 'u'),
    classHeading: new RegExp(prod.classHeading, 'u'),
    serviceSuffix: new RegExp(prod.serviceSuffix, 'u'),
    tableHeaders: prod.tableHeaders,
    hsHeaders: prod.hsHeaders,
    tableSentenceLength: prod.tableSentenceLength,
    byName,
    english: enNames.length ? { re: new RegExp(`\\b(${enNames.map(esc).join('|')})\\b`, 'giu'), byName: english } : null,
    origins: new Dictionary(originStems(divisionNames)),
  };
  // Scanning running text needs two characters at least (梨 alone is too often part of a word).
  return { dict: new Dictionary([...byName].filter(([n]) => n.length >= 2)), rules };
}
