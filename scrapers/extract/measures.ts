/** Measures: catalogue keywords and synonyms, outside past examples and off-direction clauses. */
import { clauseAt, hasEnglishWords, splitSentences, type Clause, type Sentence } from './sentences.ts';
import type { Table } from '../text/body.ts';
import type { MeasureKw, Vocabulary } from './vocab.ts';
import type { Explanation, MeasureRef } from './types.ts';
import { escapeRegExp, normalizeForMatch } from './normalize.ts';
import { loadPlaces } from './places/load.ts';

export interface MeasureHit {
  id: string;
  keyword: string;
  strong: boolean;
  position: number;
  /** Index of the sentence (title: -1; table cells follow the body sentences). */
  sentence: number;
  /** The keyword is the object of a verb of putting in place in its clause (开辟“绿色通道”), not after a modal or a wish. */
  putInPlace?: boolean;
  /** A word for a part of the measure (预约查验): it names the measure only beside a word for the rest. */
  part?: boolean;
}

/** Is `name` in `clause` the object of a verb of putting in place? */
function putInPlaceIn(clause: string, name: string, v: Vocabulary): boolean {
  const at = clause.indexOf(name);
  return at >= 0 && objectOfPutInPlace(clause, at, v);
}

/** Is the keyword at `at` of `clause` the object of a verb of putting in place (开通、开辟“绿色通道”)? */
function objectOfPutInPlace(clause: string, at: number, v: Vocabulary): boolean {
  const before = clause.slice(0, at);
  const m = [...before.matchAll(v.measurePutInPlace)].at(-1);
  if (!m) return false;
  // Only quotes and a modifier (the goods and the direction: 设立鲜活水产品出口“绿色通道”) between the
  // verb and the keyword; a place after 在 is where something happens, not what is put in place
  // (启动仪式在…综合保税区举行).
  if (!/^[了“"「]*([^，。；、“”"在于]{0,12})?[“"「]*$/u.test(before.slice(m.index + m[0].length))) return false;
  // Not after a modal (可开通) or a wish or plan (希望开辟, 研究设立).
  const lead = before.slice(0, m.index);
  return !v.signalRules.titleReport?.modalBefore.test(lead) && !v.relevance.intention.test(lead);
}

/**
 * A keyword of a one-direction measure in text about the other direction only is the same words in
 * another sense (药食同源 goods exported). The nearest text that states a direction decides: the
 * clause, else its sentence, else the title (a Q&A line 枸杞属于药食同源物质吗 under an export title).
 */
function offDirection(id: string, scopes: string[], v: Vocabulary): boolean {
  const dir = v.measureDirection.get(id);
  if (!dir) return false;
  const own = dir === 'export' ? v.directionCues.export : v.directionCues.import;
  const other = dir === 'export' ? v.directionCues.import : v.directionCues.export;
  for (const raw of scopes) {
    // The importing country or a refusal of entry abroad is the far side of an export, no import.
    const text = raw.replace(v.directionCues.foreignSide, (m) => ' '.repeat(m.length));
    const o = other.test(text);
    const w = own.test(text);
    if (o || w) return o && !w;
  }
  return false;
}

/** Table cells read as sentences (position -1): a measure named only in a table counts. */
export function tableSentences(tables: Table[], docYear: number, v: Vocabulary): Sentence[] {
  return tables.flatMap((t) =>
    [...t.header, ...t.rows.flat()].flatMap((cell) => splitSentences([cell.replace(/\n/g, '')], docYear, v).map((s) => ({ ...s, start: -1 }))),
  );
}

/** A frame of intention ending in a colon (拟提出：…；…) makes every later clause of its sentence a plan. */
function underPlanFrame(s: Sentence, at: Clause | undefined, v: Vocabulary): boolean {
  if (!at) return false;
  return s.clauses.some((c) => c.start < at.start && v.measurePlanFrame.test(c.text));
}

/**
 * In a sentence that defines a measure (“抵港直装”是指出口货物提前申报并…), a keyword after the
 * definition cue describes the measure defined before it and is no measure of its own.
 */
function inDefinitionOfAnother(id: string, text: string, at: number, v: Vocabulary): boolean {
  const cue = v.measureDefinition.exec(text);
  if (!cue || cue.index > at) return false;
  return v.measureDict.scan(text.slice(0, cue.index)).some((h) => h.value.id !== id);
}

/**
 * A catalogue name written with words inserted between its own (出口锂电池“分类检验+自检结果采信”
 * 监管模式 for 出口锂电池检验监管模式): its words in order, a few characters apart, in one clause. Only
 * names of three words or more, long enough to be distinctive.
 */
const FUNCTION_WORDS = new Set(['of', 'the', 'a', 'an', 'and', 'for', 'to', 'in', 'at', 'on', 'by']);
const splitNames = new WeakMap<Vocabulary, { id: string; name: string; re: RegExp; en?: boolean }[]>();
function splitNamePatterns(v: Vocabulary): { id: string; name: string; re: RegExp; en?: boolean }[] {
  let out = splitNames.get(v);
  if (out) return out;
  out = [];
  for (const m of v.measures.values()) {
    for (const zh of m.namesZh) {
      const name = zh.replace(/[“”"「」、\s]/gu, '');
      const words = loadPlaces(v.root)
        .segment(name)
        .map((t) => t.word);
      if (name.length >= 6 && words.length >= 3)
        out.push({ id: m.id, name: zh, re: new RegExp(words.map(escapeRegExp).join('[^，。；：！？、,;:]{0,10}?'), 'u') });
    }
    // English names the same way, inflected (picked up directly at the ship's side), a few words
    // apart, with or without their function words; a name "A of B" also as B … A (electronic
    // signatures issued abroad under mutual-recognition arrangements).
    const word = (w: string) => (w.length >= 4 ? `${escapeRegExp(w.replace(/(e?s|ed|ing)$/u, ''))}[a-z'-]*` : escapeRegExp(w));
    const content = (t: string) => (t.match(/[a-z0-9]+/g) ?? []).filter((w) => !FUNCTION_WORDS.has(w));
    for (const en of m.namesEn) {
      const lower = en.toLowerCase();
      const of = lower.indexOf(' of ');
      const all = lower.match(/[a-z0-9]+/g) ?? [];
      const orders = [all, content(lower), ...(of > 0 ? [[...content(lower.slice(of + 4)), ...content(lower.slice(0, of))]] : [])];
      for (const ws of new Set(orders.filter((o) => o.length >= 2).map((o) => o.join(' '))))
        out.push({
          id: m.id,
          name: en,
          en: true,
          re: new RegExp(`\\b${ws.split(' ').map(word).join("[^a-z0-9.;,]+(?:[a-z0-9'-]+[^a-z0-9.;,]+){0,6}?")}\\b`, 'u'),
        });
    }
  }
  splitNames.set(v, out);
  return out;
}

function splitNameHits(text: string, v: Vocabulary): { id: string; name: string; start: number }[] {
  // English names are looked for only in text with English words in it.
  const latin = hasEnglishWords(text);
  return splitNamePatterns(v).flatMap((p) => {
    if (p.en && !latin) return [];
    const m = p.re.exec(text);
    return m ? [{ id: p.id, name: m[0], start: m.index }] : [];
  });
}

/** Why a keyword names no measure put in place: relevance reads these two. */
export const LATER_PLAN = 'excluded: a later plan, not put in place';
export const PAST_EXAMPLE = 'excluded: cited as earlier experience or a past example';

/** A target for a later year (到2030年…基本实现) or a plan's end (到规划期末…): a goal, not a measure in place. */
function laterTarget(clause: string, docYear: number): boolean {
  if (/(到|至|力争|争取)(本|“?十[四五六]五”?)?规划期末|(到|至)“?十[四五六]五”?(时期)?末/u.test(clause)) return true;
  for (const m of clause.matchAll(/(到|至|力争|争取|预计)(20\d{2})年/gu)) if (Number(m[2]) > docYear) return true;
  return false;
}

/** The line of business right before a generic keyword (保税维修业务“白名单”), when it is not the measure's own (保税检测). */
function otherBusiness(before: string, id: string, v: Vocabulary): string | null {
  const m = /([\u4e00-\u9fff]{2,8})业务[“"「]?$/u.exec(before);
  if (!m) return null;
  return (v.measures.get(id)?.namesZh ?? []).some((n) => n.includes(m[1]!.slice(-2))) ? null : `${m[1]}业务`;
}

export function measureHits(
  title: string,
  sentences: Sentence[],
  v: Vocabulary,
  tables: Sentence[] = [],
  docYear = Number.POSITIVE_INFINITY,
): { hits: MeasureHit[]; excluded: Explanation[] } {
  const hits: MeasureHit[] = [];
  const excluded: Explanation[] = [];
  const nt = normalizeForMatch(title);
  // Generic keywords the title gives to another line of business (保税维修业务“白名单”): the body's are that list too.
  const otherLists = new Map<string, string>();
  for (const h of v.measureDict.scan(nt)) {
    if (offDirection(h.value.id, [title], v)) continue;
    const business = h.value.strong ? null : otherBusiness(nt.slice(0, h.start), h.value.id, v);
    if (business) {
      otherLists.set(h.value.keyword, business);
      continue;
    }
    // A generic keyword where the title says where (在某综合保税区推行…) is a place, not the measure.
    if (!h.value.strong && /(在|(?<![关对由属等基鉴])于)[^，。；\s]{0,12}$/u.test(nt.slice(0, h.start))) continue;
    // A part of the title that names the measure as an idea for later (…座谈会 研究争取纳入“一品一策”试点).
    const from = Math.max(...[...' 　，：:！!？?'].map((c) => nt.lastIndexOf(c, h.start))) + 1;
    const to = nt.slice(h.end).search(/[\s　，：:！!？?]/u);
    if (v.measureLaterPlan.test(nt.slice(from, to < 0 ? nt.length : h.end + to))) continue;
    hits.push({ id: h.value.id, keyword: h.value.keyword, strong: h.value.strong, position: -1, sentence: -1, ...(h.value.part ? { part: true } : {}) });
  }
  for (const h of splitNameHits(nt, v)) hits.push({ id: h.id, keyword: h.name, strong: true, position: -1, sentence: -1 });
  for (const [si, s] of [...sentences, ...tables].entries()) {
    const text = normalizeForMatch(s.text);
    const split = splitNameHits(text, v).map((h) => ({
      start: h.start,
      name: h.name,
      value: { id: h.id, keyword: h.name, strong: true } as MeasureKw,
    }));
    for (const h of [...v.measureDict.scan(text), ...split]) {
      const pos = s.start < 0 ? -1 : s.start + h.start;
      const at = s.start < 0 ? s.clauses.find((c) => c.start <= h.start && h.start < c.start + c.text.length) : clauseAt(s, pos);
      const clause = at?.text ?? s.text;
      if (s.past) {
        excluded.push({
          field: 'measures',
          value: h.value.id,
          rule: PAST_EXAMPLE,
          keyword: h.name,
          position: pos,
          excerpt: s.text.slice(0, 80),
        });
        continue;
      }
      if (inDefinitionOfAnother(h.value.id, text, h.start, v)) {
        excluded.push({ field: 'measures', value: h.value.id, rule: 'excluded: part of the definition of another measure', keyword: h.name, position: pos });
        continue;
      }
      if (v.measureLaterPlan.test(clause) || underPlanFrame(s, at, v) || laterTarget(s.text.slice(0, h.start), docYear)) {
        excluded.push({ field: 'measures', value: h.value.id, rule: LATER_PLAN, keyword: h.name, position: pos });
        continue;
      }
      // The topic of problems raised or discussed (企业反映的…“两证合一”办理时限等问题) is no measure put in place.
      const inClause = at ? h.start - (at.start - (s.start < 0 ? 0 : s.start)) : -1;
      const t = v.measureTalkTopic;
      const afterIt = inClause >= 0 ? clause.slice(inClause + h.name.length) : '';
      if (t && inClause >= 0 && ((t.before.test(clause.slice(0, inClause)) && t.after.test(afterIt)) || t.attention.test(afterIt))) {
        excluded.push({ field: 'measures', value: h.value.id, rule: 'excluded: the topic of problems raised or discussed', keyword: h.name, position: pos });
        continue;
      }
      if (offDirection(h.value.id, [clause, s.text, title], v)) {
        excluded.push({
          field: 'measures',
          value: h.value.id,
          rule: 'excluded: keyword in a clause about the other trade direction',
          keyword: h.name,
          position: pos,
        });
        continue;
      }
      // A generic keyword right after another line of business (保税维修业务“白名单”), or one the title
      // gives to another business, is that business's list.
      const business = h.value.strong ? null : (otherBusiness(text.slice(0, h.start), h.value.id, v) ?? otherLists.get(h.value.keyword) ?? null);
      if (business) {
        excluded.push({
          field: 'measures',
          value: h.value.id,
          rule: `excluded: the list of ${business}, another line of business`,
          keyword: h.name,
          position: pos,
        });
        continue;
      }
      // Only a generic keyword needs the verb that puts it in place; a part is not the measure even then.
      const part = !!h.value.part;
      const put = !h.value.strong && !part && !!at && putInPlaceIn(normalizeForMatch(clause), h.name, v);
      hits.push({
        id: h.value.id,
        keyword: h.value.keyword,
        strong: h.value.strong,
        position: pos,
        sentence: si,
        ...(put ? { putInPlace: true } : {}),
        ...(part ? { part: true } : {}),
      });
    }
  }
  return { hits, excluded };
}

/**
 * A generic (weak) keyword names the measure only with support: a strong keyword of it anywhere,
 * another of its keywords in the same sentence, the title, or a verb putting it in place
 * (开辟“绿色通道”). A word for a part of it (预约查验) needs a word for the rest beside it. Alone it
 * is the same words in another sense (an enterprise 白名单, a 综合保税区 as a place).
 */
export function supportedHits(hits: MeasureHit[]): MeasureHit[] {
  const strong = new Set(hits.filter((h) => h.strong).map((h) => h.id));
  const inTitle = (h: MeasureHit) => h.position === -1 && h.sentence === -1;
  // A title naming another measure by its own keyword uses a generic word for that measure's goods
  // (出口鲜活农产品“生鲜集拼”业务): the generic word alone is not a second measure.
  const titleStrong = new Set(hits.filter((h) => h.strong && inTitle(h)).map((h) => h.id));
  // The same in the body: a generic word right before another measure's own keyword names that
  // measure's goods (推广输澳鲜活农产品“生鲜集拼”模式, 暂停鲜活农产品7×24小时预约通关服务).
  const goodsOfAnother = (h: MeasureHit) =>
    h.position >= 0 &&
    hits.some(
      (g) =>
        g.strong &&
        g.id !== h.id &&
        g.sentence === h.sentence &&
        g.position >= h.position + h.keyword.length &&
        g.position - (h.position + h.keyword.length) <= 2,
    );
  return hits.filter((h) => {
    if (h.strong || strong.has(h.id)) return true;
    if (goodsOfAnother(h)) return false;
    if (h.putInPlace) return true;
    if (inTitle(h) && !h.part && ![...titleStrong].some((id) => id !== h.id)) return true;
    // A part (预约查验) needs a word for the rest of the measure (7×24小时) beside it.
    return hits.some((g) => g !== h && g.id === h.id && g.keyword !== h.keyword && !(h.part && g.part) && (g.sentence === h.sentence || g.sentence === -1));
  });
}

export function measuresFrom(hits: MeasureHit[], v: Vocabulary): { measures: MeasureRef[]; explain: Explanation[] } {
  const seen = new Map<string, MeasureHit>();
  for (const h of supportedHits(hits)) if (!seen.has(h.id)) seen.set(h.id, h);
  const measures: MeasureRef[] = [];
  const explain: Explanation[] = [];
  for (const [id, h] of seen) {
    measures.push({ id, nameZh: v.measures.get(id)?.nameZh ?? id });
    explain.push({
      field: 'measures',
      value: id,
      rule: h.strong ? 'measure keyword' : 'generic measure keyword on a relevant page',
      keyword: h.keyword,
      position: h.position,
    });
  }
  return { measures, explain };
}

/** Quoted phrases near measure words that match nothing in the catalogue: candidates for review. */
export function measureCandidates(sentences: Sentence[], v: Vocabulary): string[] {
  const out = new Set<string>();
  for (const s of sentences) {
    if (s.past || !v.candidate.near.test(s.text)) continue;
    for (const m of normalizeForMatch(s.text).matchAll(/“([^“”]+)”/g)) {
      const q = m[1]!;
      if (q.length < v.candidate.minLength || q.length > v.candidate.maxLength) continue;
      if (/[、，,。；;：:（）()\s]/.test(q) || v.candidate.notCandidates.has(q)) continue;
      if (v.measureDict.has(q) || v.productDict.has(q) || v.placeDict.scan(q).some((h) => !h.value.word)) continue;
      out.add(q);
    }
  }
  return [...out];
}
