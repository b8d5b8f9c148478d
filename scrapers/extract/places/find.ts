/**
 * Places a page names, as the prefecture-level cities where its measures run. A name counts
 * when the segmenter keeps it as a word of its own (厦门 in 厦门航空 or 南京路 does not) and it
 * does not lead into a proper name (南京海关); its clause gives its role (roles.json); a homonym
 * (鼓楼区) takes the city or province the page names next to it or elsewhere. Pure, given the
 * loaded gazetteer.
 */
import type { Sentence } from '../sentences.ts';
import { clauseAt } from '../sentences.ts';
import type { Table } from '../../text/body.ts';
import type { Explanation } from '../types.ts';
import type { CityMention } from '../../../src/model/schemas.ts';
import type { Form, Gazetteer, Reading } from './gazetteer.ts';
import type { Places, Token } from './load.ts';
import { roleOf, type RoleResult } from './roles.ts';
import { englishName } from './names.ts';

export interface Catalogue {
  /** Catalogue city by 6-digit adcode. */
  byAdcode: Map<string, { id: string; nameEn: string; nameZh: string }>;
  /** The sentence-level cues of earlier experience (context.json), for precedents that span clauses. */
  past: RegExp;
}

interface Segment {
  text: string;
  /** Body offset of text[0]; -1 for the title and table cells. */
  offset: number;
  where: 'title' | 'body' | 'table';
  sentence?: Sentence;
}

interface Mention {
  name: string;
  form: Form;
  readings: Reading[];
  role: RoleResult;
  where: Segment['where'];
  position: number;
  excerpt?: string;
  /** Index of the mention that ends where this one starts (福州市 before 鼓楼区), if any. */
  leftNeighbour?: number;
  province?: string;
}

const CLAUSE_END = /[，；,;。！？!?]/u;

function clauseBounds(text: string, start: number, end: number): [number, number] {
  let a = start;
  while (a > 0 && !CLAUSE_END.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !CLAUSE_END.test(text[b]!)) b++;
  return [a, b];
}

/** A lexicon word made of a place and a place-like tail (苏州地区, 上海市浦东新区) becomes two tokens; other compounds (苏州河, 上海大学) stay whole. */
function splitCompounds(toks: Token[], forms: Map<string, Form>, tails: Set<string>): Token[] {
  const out: Token[] = [];
  for (const t of toks) {
    let split = false;
    if (t.word.length >= 3 && !forms.has(t.word)) {
      for (let k = t.word.length - 1; k >= 2; k--) {
        const head = t.word.slice(0, k);
        const tail = t.word.slice(k);
        const f = forms.get(head);
        if (!f || f.word || !(tails.has(tail) || forms.get(tail)?.readings.length)) continue;
        out.push({ word: head, tag: 'ns', start: t.start, end: t.start + k }, { word: tail, tag: forms.has(tail) ? 'ns' : 'n', start: t.start + k, end: t.end });
        split = true;
        break;
      }
    }
    if (!split) out.push(t);
  }
  return out;
}

/** The mentions of one segment: names the segmenter keeps whole, grouped into enumerations, each group with its role. */
function mentionsIn(seg: Segment, p: Places, cat: Catalogue, out: Mention[], explain: Explanation[]): void {
  const { text } = seg;
  if (!p.scanner.scan(text).length) return;
  const { forms } = p.gazetteer;
  const r = p.roles;
  const toks = splitCompounds(p.segment(text), forms, r.compoundTails);
  const found: { i: number; start: number; end: number; form: Form }[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const form = forms.get(t.word);
    if (!form || form.word) continue;
    if (form.province && !form.readings.length) {
      found.push({ i, start: t.start, end: t.end, form });
      continue;
    }
    if (!form.readings.length) continue;
    if (t.word.length === 1 && !(r.shortBefore.test(text.slice(0, t.start)) || r.shortAfter.test(text.slice(t.end)))) continue;
    let inside: string | null = null;
    for (let j = i + 1; j < toks.length && j <= i + r.nameHeadWindow; j++) {
      const w = toks[j]!;
      if (r.nameHeads.some((h) => w.word === h || (h.length >= 2 && w.word.endsWith(h)))) {
        inside = text.slice(t.start, w.end);
        break;
      }
      if (!(w.tag.startsWith('n') || w.tag === 'eng' || w.tag === 'j') || forms.has(w.word)) break;
    }
    if (inside) {
      explain.push({ field: 'cities', value: t.word, rule: `excluded: part of the name ${inside}`, keyword: t.word, position: seg.offset < 0 ? -1 : seg.offset + t.start });
      continue;
    }
    found.push({ i, start: t.start, end: t.end, form });
  }
  // Enumerations (宁波、厦门等地) share the cue before the first name and after the last.
  let g = 0;
  while (g < found.length) {
    let h = g;
    while (h + 1 < found.length && r.separator.test(text.slice(found[h]!.end, found[h + 1]!.start))) h++;
    const first = found[g]!;
    const last = found[h]!;
    const [ca, cb] = clauseBounds(text, first.start, last.end);
    let role = roleOf(r, text.slice(ca, first.start), text.slice(last.end, cb), text);
    const s = seg.sentence;
    if (role.role === 'runs' && s) {
      const prefix = s.text.slice(0, cb);
      if (s.past && (cat.past.test(prefix) || /20\d{2}年/u.test(prefix))) role = { role: 'precedent', why: 'a precedent or an earlier example (the sentence cites earlier experience)' };
      else if (clauseAt(s, seg.offset + first.start)?.future) role = { role: 'future', why: 'a future plan, not (yet) where the measure runs' };
    }
    const strongBeside = found.slice(g, h + 1).some((f) => !f.form.weak);
    const placeContext = r.weakBefore.test(text.slice(0, first.start)) || r.weakAfter.test(text.slice(last.end));
    for (let k = g; k <= h; k++) {
      const f = found[k]!;
      const prev = k > 0 && found[k - 1]!.end === f.start ? out.length - 1 : undefined;
      if (f.form.weak && !strongBeside && !placeContext && prev === undefined) {
        explain.push({ field: 'cities', value: f.form.name, rule: `excluded: ${f.form.name} is also a common word (lexicon tag ${f.form.weak}) and nothing around it makes it a place`, keyword: f.form.name, position: seg.offset < 0 ? -1 : seg.offset + f.start });
        continue;
      }
      out.push({
        name: text.slice(f.start, f.end),
        form: f.form,
        readings: f.form.readings,
        role,
        where: seg.where,
        position: seg.offset < 0 ? -1 : seg.offset + f.start,
        ...(seg.where === 'body' ? { excerpt: text.slice(0, 80) } : {}),
        ...(prev !== undefined ? { leftNeighbour: prev } : {}),
        ...(f.form.province ? { province: f.form.province } : {}),
      });
    }
    g = h + 1;
  }
}

/** Picks the reading of a homonym: the city or province named right before it, else the only one the page names elsewhere. */
function resolve(ms: Mention[], gz: Gazetteer): void {
  const provinceOf = (c: string) => gz.cities.get(c)?.province ?? c.slice(0, 2);
  const ctxCities = new Set<string>();
  const ctxProvinces = new Set<string>();
  for (const m of ms) {
    if (m.province) ctxProvinces.add(m.province);
    if (m.readings.length === 1) for (const c of m.readings[0]!.cities) {
      ctxCities.add(c);
      ctxProvinces.add(provinceOf(c));
    }
  }
  for (const m of ms) {
    if (m.readings.length < 2) continue;
    const left = m.leftNeighbour === undefined ? undefined : ms[m.leftNeighbour];
    let pick: Reading[] = [];
    if (left?.readings.length === 1) pick = m.readings.filter((r) => r.cities.some((c) => left.readings[0]!.cities.includes(c)));
    else if (left?.province) pick = m.readings.filter((r) => r.cities.some((c) => provinceOf(c) === left.province));
    if (pick.length !== 1) pick = m.readings.filter((r) => r.cities.some((c) => ctxCities.has(c)));
    if (pick.length !== 1) pick = m.readings.filter((r) => r.cities.some((c) => ctxProvinces.has(provinceOf(c))));
    m.readings = pick.length === 1 ? pick : [];
  }
}

function describe(m: Mention, r: Reading, gz: Gazetteer): string {
  const names = r.cities.map((c) => gz.cities.get(c)?.nameZh ?? c).join('、');
  switch (r.kind) {
    case 'city':
      return m.name === r.full ? 'the city' : `short for ${r.full}`;
    case 'county':
      return `${r.full} is a county-level division of ${names} (GB/T 2260)`;
    case 'county-bare':
      return `${m.name} is ${r.full}, a county-level division of ${names} (GB/T 2260)`;
    case 'town':
      return `${r.full} is a town of ${names} (GB/T 2260)`;
    case 'short-name':
      return `${m.name} is the one-character short name of ${names}`;
    case 'abbreviation':
      return `${m.name} stands for ${names}`;
    default:
      return `${r.full} is a ${r.kind} of ${names}`;
  }
}

export function findPlaces(title: string, sentences: Sentence[], tables: Table[], p: Places, cat: Catalogue): { cities: CityMention[]; explain: Explanation[] } {
  const explain: Explanation[] = [];
  const ms: Mention[] = [];
  mentionsIn({ text: title, offset: -1, where: 'title' }, p, cat, ms, explain);
  for (const s of sentences) mentionsIn({ text: s.text, offset: s.start, where: 'body', sentence: s }, p, cat, ms, explain);
  for (const t of tables) {
    const skip = new Set(t.header.flatMap((h, i) => (p.roles.originColumns.some((o) => h.includes(o)) ? [i] : [])));
    for (const row of t.rows) row.forEach((cell, i) => !skip.has(i) && mentionsIn({ text: cell, offset: -1, where: 'table' }, p, cat, ms, explain));
  }
  const gz = p.gazetteer;
  resolve(ms, gz);
  const places = ms.filter((m) => !m.province || m.readings.length);
  const runs = new Set(places.filter((m) => m.role.role === 'runs').flatMap((m) => m.readings.flatMap((r) => r.cities)));
  const byCity = new Map<string, { via: string[] }>();
  for (const m of places) {
    if (!m.readings.length) {
      if (m.form.readings.length > 1) {
        const options = m.form.readings.flatMap((r) => r.cities.map((c) => gz.cities.get(c)?.nameZh ?? c)).join('、');
        explain.push({ field: 'cities', value: m.name, rule: `excluded: ${m.name} is in several cities (${options}) and the page does not say which`, keyword: m.name, position: m.position });
      }
      continue;
    }
    const r = m.readings[0]!;
    // An origin counts when nothing else on the page is where the measure runs.
    const counts = m.role.role === 'runs' || (m.role.role === 'origin' && runs.size === 0);
    for (const c of r.cities) {
      const unit = gz.cities.get(c);
      const value = cat.byAdcode.get(c)?.id ?? unit?.nameZh ?? c;
      if (!counts) {
        explain.push({ field: 'cities', value, rule: `excluded: ${m.role.why}${m.role.cue ? ` (${m.role.cue})` : ''}`, keyword: m.name, position: m.position });
        continue;
      }
      const entry = byCity.get(c);
      if (entry) {
        if (!entry.via.includes(m.name)) entry.via.push(m.name);
        continue;
      }
      byCity.set(c, { via: [m.name] });
      const origin = m.role.role === 'origin' ? '; an origin, counted as no other city on the page runs the measure' : '';
      explain.push({ field: 'cities', value, rule: `named in the ${m.where}: ${describe(m, r, gz)}${origin}`, keyword: m.name, position: m.position, ...(m.excerpt ? { excerpt: m.excerpt } : {}) });
    }
  }
  const cities: CityMention[] = [];
  for (const [adcode, { via }] of byCity) {
    const c = cat.byAdcode.get(adcode);
    const unit = gz.cities.get(adcode)!;
    cities.push({ id: c?.id ?? null, nameZh: c?.nameZh ?? unit.nameZh, nameEn: c?.nameEn ?? englishName(unit.nameZh), adcode, via });
  }
  return { cities, explain };
}
