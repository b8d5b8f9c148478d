/**
 * Reads the gazetteer files once per gazetteer folder and sets up the word segmenter
 * (@node-rs/jieba: its general lexicon plus every place form as user words). The one place
 * with I/O; everything it returns is used by pure functions.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { contentRoot } from '../../../src/model/content-root.ts';
import { district } from '../../../src/model/schemas.ts';
import { Dictionary } from '../match.ts';
import { bareForms, buildGazetteer, lexicon, type Form, type Gazetteer } from './gazetteer.ts';
import { compileRoles, type CompiledRoles } from './roles.ts';
import { divisionsFile, englishFile, gazetteerDir, placesFile, rolesFile } from './schema.ts';
import { buildEnglish, type EnglishIndex } from './english.ts';

export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

export interface Places {
  dir: string;
  gazetteer: Gazetteer;
  roles: CompiledRoles;
  /** Every form, for a quick look whether a text names any place at all before segmenting it. */
  scanner: Dictionary<Form>;
  segment(text: string): Token[];
  /** Forget the texts segmented so far: a page's strings repeat within it, rarely across pages. */
  newPage(): void;
  /** The English names of the places, built on the first English page (pinyin of ~3,300 names takes a moment). */
  english(catalogue: ReadonlyMap<string, { nameEn: string }>): EnglishIndex;
}

/** Parts of speech of the general lexicon, for the given words only (the lexicon has 350k lines). */
function baseTags(words: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  const text = new TextDecoder().decode(dict);
  let i = 0;
  while (i < text.length) {
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = text.length;
    const sp = text.indexOf(' ', i);
    if (sp > i && sp < nl) {
      const w = text.slice(i, sp);
      if (words.has(w)) out.set(w, text.slice(text.lastIndexOf(' ', nl - 1) + 1, nl).trim());
    }
    i = nl + 1;
  }
  return out;
}

const cache = new Map<string, Places>();
/** The same, by content root: extraction asks for the places once per candidate, so no file check each time. */
const byRoot = new Map<string, Places>();

const SHIPPED_DISTRICTS = path.resolve(import.meta.dirname, '../../../content/districts');

const publishers = new Map<string, Map<string, string>>();

/** The province (2-digit code) of the customs district whose site a URL is on, when it is one (a content root's districts, else the project's). */
export function publisherProvince(url: string, root: string, gz: Gazetteer): string | undefined {
  let byHost = publishers.get(root);
  if (!byHost) publishers.set(root, (byHost = districtProvinces(root, gz)));
  try {
    return byHost.get(new URL(url).host);
  } catch {
    return undefined;
  }
}

/** Each customs district's host, with the province of the city it is named after (南宁海关: 广西). */
function districtProvinces(root: string, gz: Gazetteer): Map<string, string> {
  const own = path.join(root, 'districts');
  const dir = existsSync(own) ? own : SHIPPED_DISTRICTS;
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const d = district.safeParse(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
    if (!d.success) continue;
    const readings = gz.forms.get(d.data.name.zh.replace(/海关$/u, ''))?.readings ?? [];
    const provinces = new Set(readings.flatMap((r) => r.cities.map((c) => gz.cities.get(c)?.province ?? c.slice(0, 2))));
    if (provinces.size === 1) out.set(d.data.host, [...provinces][0]!);
  }
  return out;
}

/** Segmented texts kept for one page; a page holding more starts the cache again. */
const SEGMENT_CACHE = 20_000;

export function loadPlaces(root: string = contentRoot()): Places {
  const known = byRoot.get(root);
  if (known) return known;
  const dir = gazetteerDir(root);
  const hit = cache.get(dir);
  if (hit) {
    byRoot.set(root, hit);
    return hit;
  }
  const read = (name: string) => JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8'));
  const divisions = divisionsFile.parse(read('divisions'));
  const places = placesFile.parse(read('places'));
  const rules = rolesFile.parse(read('roles'));
  const en = englishFile.parse(read('english'));
  const wanted = bareForms(divisions, rules);
  for (const e of places.entries) for (const n of [e.name, ...e.aliases]) wanted.add(n);
  for (const n of [...Object.values(divisions.counties), ...Object.values(divisions.prefectures), ...Object.values(divisions.towns), ...places.words])
    wanted.add(n);
  const tags = baseTags(wanted);
  const baseTag = (w: string) => tags.get(w);
  const gazetteer = buildGazetteer(divisions, places, rules, baseTag);
  const jieba = Jieba.withDict(dict);
  jieba.loadDict(Buffer.from(lexicon(gazetteer, baseTag), 'utf8'));
  let english: EnglishIndex | undefined;
  const segmented = new Map<string, Token[]>();
  const p: Places = {
    dir,
    english(catalogue) {
      english ??= buildEnglish(divisions, places, rules, en, gazetteer, catalogue);
      return english;
    },
    gazetteer,
    roles: compileRoles(
      rules,
      places.entries.filter((e) => e.kind === 'short-name' && e.name.length === 1).map((e) => e.name),
    ),
    scanner: new Dictionary([...gazetteer.forms.values()].map((f) => [f.name, f] as [string, Form])),
    segment(text: string): Token[] {
      // The same short strings (list items, names) are segmented again and again while a page is read.
      const hit = segmented.get(text);
      if (hit) return hit;
      if (segmented.size >= SEGMENT_CACHE) segmented.clear();
      const out: Token[] = [];
      let pos = 0;
      for (const { word, tag } of jieba.tag(text, false)) {
        // The segmenter returns the text's own characters in order; find each word from where the last ended.
        const start = text.startsWith(word, pos) ? pos : text.indexOf(word, pos);
        if (start < 0) continue;
        out.push(Object.freeze({ word, tag, start, end: start + word.length }));
        pos = start + word.length;
      }
      Object.freeze(out);
      segmented.set(text, out);
      return out;
    },
    newPage() {
      segmented.clear();
    },
  };
  cache.set(dir, p);
  byRoot.set(root, p);
  return p;
}
