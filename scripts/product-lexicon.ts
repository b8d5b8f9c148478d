/**
 * `node scripts/product-lexicon.ts` writes content/vocab/product-lexicon.json from
 * content/vocab/sources/cn-customs-commodities-2023.csv (China Customs' 8-digit commodity names,
 * see content/vocab/README.md for the source) and the hand-kept entries in
 * content/vocab/sources/product-lexicon-curated.json. Short names follow the rules in
 * scrapers/extract/hs-names.ts; every entry keeps the 6-digit HS subheadings it came from.
 * Products of the catalogue (content/products) keep their ids.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { writeFileAtomic } from '../scrapers/write/store.ts';
import { englishForms } from '../scrapers/extract/product-vocab.ts';
import { englishNameOf, everydayEnglishNames, productSlug, shortNamesOf } from '../scrapers/extract/hs-names.ts';
import { cedictProducts, productLexicon, productLexiconCurated, productsVocab } from '../scrapers/extract/vocab-schema.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE = path.join(ROOT, 'content/vocab/sources/cn-customs-commodities-2023.csv');
const CURATED = path.join(ROOT, 'content/vocab/sources/product-lexicon-curated.json');
const CEDICT = path.join(ROOT, 'content/vocab/sources/cedict-products.json');
const WORD_FREQUENCIES = path.join(ROOT, 'node_modules/@node-rs/jieba/dict.txt');
const OUT = path.join(ROOT, 'content/vocab/product-lexicon.json');

const DERIVED_CHAPTERS = /^(0[1-9]|1[0-9]|2[0-4])/;

interface Acc {
  zh: string;
  aliases: Set<string>;
  hs: Set<string>;
  en: string[];
  single: boolean;
}

export function buildLexicon(
  rows: { code8: string; zh: string; en: string }[],
  curated: ReturnType<typeof productLexiconCurated.parse>,
  catalogue: { id: string; zh: string; aliases: string[] }[],
) {
  const acc = new Map<string, Acc>();
  const known = (hs: string) => rows.some((r) => r.code8.startsWith(hs));
  for (const c of curated.entries) for (const h of c.hs) if (!known(h)) throw new Error(`curated ${c.zh}: HS ${h} is no commodity line of the source`);
  for (const r of rows) {
    // Names are derived for agri-food lines (chapters 01-24); other goods only by hand.
    if (!DERIVED_CHAPTERS.test(r.code8)) continue;
    const groups = shortNamesOf(r.zh);
    const en = englishNameOf(r.en);
    for (const [name, ...aliases] of groups) {
      const a = acc.get(name!) ?? { zh: name!, aliases: new Set<string>(), hs: new Set<string>(), en: [], single: false };
      for (const x of aliases) a.aliases.add(x);
      a.hs.add(r.code8.slice(0, 6));
      // An English name only when the line names this one product.
      if (groups.length === 1 && en) a.en.push(en);
      acc.set(name!, a);
    }
  }
  // A name that is another entry's alias joins that entry (黄花菜 -> 金针菜).
  for (const a of [...acc.values()]) {
    for (const al of a.aliases) {
      const b = acc.get(al);
      if (b && b !== a) {
        for (const h of b.hs) a.hs.add(h);
        a.en.push(...b.en);
        acc.delete(al);
      }
    }
  }
  const entries = [...acc.values()].map((a) => {
    const en = a.en.sort((x, y) => x.length - y.length)[0] ?? null;
    return { zh: a.zh, en, aliases: [...a.aliases].filter((x) => x !== a.zh), aliasesEn: [] as string[], hs: [...a.hs].sort() };
  });
  for (const c of curated.entries) {
    const same = entries.find((e) => e.zh === c.zh || e.aliases.includes(c.zh) || c.aliases.includes(e.zh));
    if (same) {
      same.en = c.en ?? same.en;
      same.aliases = [...new Set([...same.aliases, ...c.aliases, ...(same.zh !== c.zh ? [same.zh] : [])])].filter((x) => x !== c.zh);
      same.zh = c.zh;
      same.aliasesEn = c.aliasesEn;
      same.hs = [...new Set([...same.hs, ...c.hs])].sort();
    } else entries.push({ zh: c.zh, en: c.en ?? null, aliases: c.aliases, aliasesEn: c.aliasesEn, hs: [...c.hs].sort() });
  }
  // Two derived names may meet on one curated name (大蒜, 蒜头 -> 大蒜): one entry each.
  for (let i = entries.length - 1; i >= 0; i--) {
    const first = entries.findIndex((e) => e.zh === entries[i]!.zh);
    if (first === i) continue;
    const a = entries[first]!;
    const b = entries[i]!;
    a.hs = [...new Set([...a.hs, ...b.hs])].sort();
    a.aliases = [...new Set([...a.aliases, ...b.aliases])].filter((x) => x !== a.zh);
    a.aliasesEn = [...new Set([...a.aliasesEn, ...b.aliasesEn])];
    a.en ??= b.en;
    entries.splice(i, 1);
  }
  const drop = new Set(curated.drop);
  const used = new Set<string>();
  const out = entries
    .filter((e) => !drop.has(e.zh))
    .sort((a, b) => (a.hs[0] ?? '99').localeCompare(b.hs[0] ?? '99') || a.zh.localeCompare(b.zh, 'zh'))
    .map((e) => {
      const cat = catalogue.find((c) => c.zh === e.zh || c.aliases.includes(e.zh) || e.aliases.includes(c.zh));
      let id = cat?.id ?? productSlug(e.en, e.hs[0] ?? '');
      if (used.has(id)) id = `${id}-${e.hs[0] ?? e.zh.length}`;
      used.add(id);
      return { id, zh: e.zh, ...(e.en ? { en: e.en } : {}), aliases: e.aliases, aliasesEn: e.aliasesEn, hs: e.hs };
    });
  return out;
}

type LexiconEntry = ReturnType<typeof buildLexicon>[number] & { zhOfEnglish?: Record<string, string> };

/**
 * Everyday English names from a bilingual dictionary (CC-CEDICT): each name of an entry gives the
 * first sense of its dictionary entry ("ginseng" for 人参, where the customs line says "ginseng
 * roots"). A name another entry already has in English stays with it; one name glossed by several
 * entries goes to the entry whose Chinese word is the most common (word frequencies of jieba's
 * dictionary), and that word is what the English name stands for ("cheese" -> 奶酪, not 乳酪).
 */
export function addEverydayEnglish(
  entries: LexiconEntry[],
  glosses: Map<string, string[][]>,
  frequency: Map<string, number>,
  stop: Set<string>,
): LexiconEntry[] {
  const owner = new Map<string, number>();
  entries.forEach((e, i) => {
    for (const en of [...(e.en ? [e.en] : []), ...e.aliasesEn]) if (!owner.has(en.toLowerCase())) owner.set(en.toLowerCase(), i);
  });
  const best = new Map<string, { entry: number; zh: string; freq: number }>();
  entries.forEach((e, i) => {
    for (const zh of [e.zh, ...e.aliases]) {
      const freq = frequency.get(zh) ?? 0;
      for (const senses of glosses.get(zh) ?? []) {
        for (const en of everydayEnglishNames(senses)) {
          const had = owner.get(en);
          if ((had !== undefined && had !== i) || englishForms(en).some((f) => stop.has(f))) continue;
          const b = best.get(en);
          if (!b || freq > b.freq) best.set(en, { entry: i, zh, freq });
        }
      }
    }
  });
  const out = entries.map((e) => ({ ...e, aliasesEn: [...e.aliasesEn] }));
  for (const [en, b] of [...best].sort(([a], [c]) => a.localeCompare(c))) {
    const e = out[b.entry]!;
    if (e.en?.toLowerCase() !== en && !e.aliasesEn.some((a) => a.toLowerCase() === en)) e.aliasesEn.push(en);
    // The entry's own name unless the other word is the more common one.
    if (b.zh !== e.zh && b.freq > (frequency.get(e.zh) ?? 0)) e.zhOfEnglish = { ...e.zhOfEnglish, [en]: b.zh };
  }
  return out;
}

/** The catalogue's products (content/products): id, Chinese name and aliases. */
export function readCatalogue(): { id: string; zh: string; aliases: string[] }[] {
  const dir = path.join(ROOT, 'content/products');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
    .map((f) => {
      const d = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
      return { id: f.replace(/\.json$/, ''), zh: d.name.zh as string, aliases: (d.aliases ?? []) as string[] };
    });
}

if (import.meta.main) {
  const rows = parse(readFileSync(SOURCE, 'utf8'), { columns: true, skip_empty_lines: true }) as { code8: string; zh: string; en: string }[];
  const curated = productLexiconCurated.parse(JSON.parse(readFileSync(CURATED, 'utf8')));
  const catalogue = readCatalogue();
  const cedict = cedictProducts.parse(JSON.parse(readFileSync(CEDICT, 'utf8')));
  const glosses = new Map<string, string[][]>();
  for (const c of cedict.entries) glosses.set(c.zh, [...(glosses.get(c.zh) ?? []), c.en]);
  const frequency = new Map(
    readFileSync(WORD_FREQUENCIES, 'utf8')
      .split('\n')
      .map((l) => l.split(' '))
      .filter((p) => p.length >= 2)
      .map((p) => [p[0]!, Number(p[1])] as [string, number]),
  );
  const products = productsVocab.parse(JSON.parse(readFileSync(path.join(ROOT, 'content/vocab/products.json'), 'utf8')));
  const stop = new Set(products.englishStop.map((s) => s.toLowerCase()));
  const entries = addEverydayEnglish(buildLexicon(rows, curated, catalogue), glosses, frequency, stop);
  const lexicon = productLexicon.parse({
    about:
      'Generated by scripts/product-lexicon.ts from sources/ (do not edit by hand: edit sources/product-lexicon-curated.json or the rules in scrapers/extract/hs-names.ts). Short product names with the 6-digit HS subheadings of the China Customs commodity lines they come from, and everyday English names from CC-CEDICT (englishSource); see README.md for the sources.',
    source: curated.source,
    englishSource: cedict.source,
    entries,
  });
  await writeFileAtomic(OUT, `${JSON.stringify(lexicon, null, 1)}\n`);
  console.log(`${entries.length} entries -> ${path.relative(ROOT, OUT)}`);
}
