/**
 * Places a page names, as the prefecture-level cities where its measures run. A name counts
 * when the segmenter keeps it as a word of its own (厦门 in 厦门航空 or 南京路 does not) and it
 * does not lead into a proper name (南京海关); its clause gives its role (roles.json); a homonym
 * (鼓楼区) takes the city or province the page names next to it or elsewhere. Pure, given the
 * loaded gazetteer.
 */
import type { Sentence } from '../sentences.ts';
import { DONE, EARLIER_THIS_YEAR, ENGLISH_ABBREVIATION, clauseAt } from '../sentences.ts';
import type { Table } from '../../text/body.ts';
import type { Explanation } from '../types.ts';
import type { CityMention } from '../../../src/model/schemas.ts';
import { initialsForm, type Form, type Gazetteer, type Reading } from './gazetteer.ts';
import { ORIGINAL_COLUMN, isCorrectionTable } from '../corrections.ts';
import type { Places, Token } from './load.ts';
import { roleOf, roleOfCue, type RoleResult } from './roles.ts';
import { englishName } from './names.ts';
import { findEnglish } from './english.ts';

export interface Catalogue {
  /** Catalogue city by 6-digit adcode. */
  byAdcode: Map<string, { id: string; nameEn: string; nameZh: string }>;
  /** The sentence-level cues of earlier experience (context.json), for precedents that span clauses. */
  past: RegExp;
  /** Product names (the product lexicon): a place written right before one names the goods' origin (秭归脐橙, 库尔勒香梨). */
  products: { scan(text: string): { start: number; name: string }[] };
  /** Words written between an origin and the product's name (西峡鲜香菇, 赣南冷冻脐橙). */
  modifiers: string[];
}

/** What the page itself tells about its scope, beyond its text. */
export interface PageScope {
  /** The year of publication: a year before it marks an earlier example. */
  docYear?: number;
  /** The province (2-digit code) of the customs district that published the page, when a district did. */
  publisherProvince?: string;
  /** The products the page names, as it writes them: a place opening one (六安瓜片) is part of its name. */
  products?: string[];
  /** The page says the measure does not run in a place: the place its title asks about is the page's frame. */
  notHere?: boolean;
  /** The batch the title announces: on a later one's page (第二批) places of an earlier one are precedents, on the first one's (首批) places of a later one are plans. */
  batch?: 'first' | 'later';
  /** The page tells firms how to join a measure: where it says the measure is to run (拟在X开展) is where they join it. */
  call?: boolean;
}

interface Segment {
  text: string;
  /** Body offset of text[0]; -1 for the title and table cells. */
  offset: number;
  where: 'title' | 'body' | 'table';
  sentence?: Sentence;
  /** The sentence after this one (a later 借鉴上述经验 makes this one's places precedents). */
  next?: string;
  /** A role every name of the segment has unless a cue says otherwise (a table's production-area column). */
  role?: RoleResult;
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
  /** Named in an enumeration with other places (永春、德化等地), not just next to one. */
  enumerated: boolean;
  /** Named as where the page puts its measure in place (在X实施, X在…启动). */
  site: boolean;
  /** Why the page contradicts every reading, when it does. */
  dropped?: string;
  province?: string;
  /** An English name of several places, one of them a pilot city of the catalogue, read as that one. */
  pilot?: true;
}

const CLAUSE_END = /[，；,;。！？!?]/u;
const NOT_HERE = 'the place the measure is said not to run in';
/** What may stand before a clause's subject: nothing, or a speaker's label (答：, 问：). */
const SUBJECT_LABEL = /^\s*([^，。；：:\s]{1,4}[：:])?\s*$/u;
/** A gap that lists names (、, 和, 及): a comma after a common word (比如，) does not. */
const LIST_GAP = /[、和及与或/]/u;

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
        out.push(
          { word: head, tag: 'ns', start: t.start, end: t.start + k },
          { word: tail, tag: forms.has(tail) ? 'ns' : 'n', start: t.start + k, end: t.end },
        );
        split = true;
        break;
      }
    }
    if (!split) out.push(t);
  }
  return out;
}

/** Marks that open and close a quoted or bracketed part of a name (“丹东农品汇”小程序, 厦门鹭丰食品（漳浦）有限公司). */
const OPEN_MARK = /^[“‘「『《（(]$/u;
const CLOSE_MARK = /^[”’」』》）)]$/u;
/** The full name of a division (迁西县, 晋州市), not a short form that may begin a trade name. */
const FULL_DIVISION = /.(县|市|区|旗|州|盟)$/u;
/** Segmenter tags a proper name's inner words carry (鞍山果丰农业科技有限公司: ns ng a n n n). */
const NAME_PART = /^(n|eng|j|a|b|zg|vn|g)/;
/** A trade name's syllables the segmenter leaves as single characters of any other part of speech (武汉/楚/通/国际贸易/有限公司), but not a preposition, conjunction, particle or punctuation. */
const NOT_NAME_SYLLABLE = /^(p|c|u|x|w|d|r|m|q)/;

/** Whether a position is inside an open quote or bracket of its clause. */
function insideMarks(text: string, pos: number): boolean {
  for (let k = pos - 1; k >= 0; k--) {
    const ch = text[k]!;
    if (CLOSE_MARK.test(ch) || (CLAUSE_END.test(ch) && ch !== '，' && ch !== ',')) return false;
    if (OPEN_MARK.test(ch)) return true;
  }
  return false;
}

/** The proper name a place at toks[i] begins (南京海关, 鞍山果丰农业科技有限公司, “长沙通关助手”微信小程序), if any. */
function nameAt(toks: Token[], i: number, text: string, forms: Map<string, Form>, r: Places['roles']): string | null {
  const t = toks[i]!;
  // A bracket right after a division's full name is an aside (迁西县（由唐山海关组织实施）), not part of a name.
  if (FULL_DIVISION.test(t.word) && OPEN_MARK.test(toks[i + 1]?.word ?? '')) return null;
  let marked = insideMarks(text, t.start);
  const boundary = (pos: number) => toks.some((x) => x.end === pos);
  // An area right after the place, between 在 and a verb putting a measure in place (在深圳关区实施), is where it runs.
  const areaInPlace = (at: number) => at === t.end && r.areaHeadInPlace.before.test(text.slice(0, t.start)) && r.areaHeadInPlace.after.test(text.slice(at));
  for (let j = i + 1; j < toks.length && j <= i + r.nameHeadWindow; j++) {
    const w = toks[j]!;
    const span = text.slice(t.end, w.end);
    const head = r.nameHeads.find((h) => w.word === h || (h.length >= 2 && span.endsWith(h)));
    if (head) return r.nameHeadNotBefore.test(text.slice(w.end)) || areaInPlace(w.end - head.length) ? null : text.slice(t.start, w.end);
    // A head the segmenter split into single characters (厦门/关/区, 小/程序), not one inside a longer word (郑州/航空港).
    const split = r.nameHeads.find((h) => h.length >= 2 && text.startsWith(h, w.start) && boundary(w.start + h.length));
    if (split) return areaInPlace(w.start) ? null : text.slice(t.start, w.start + split.length);
    if (OPEN_MARK.test(w.word)) {
      marked = true;
      continue;
    }
    if (CLOSE_MARK.test(w.word)) {
      if (!marked) return null;
      marked = false;
      continue;
    }
    if (marked) continue;
    const part = NAME_PART.test(w.tag) || (w.word.length === 1 && /\p{Script=Han}/u.test(w.word) && !NOT_NAME_SYLLABLE.test(w.tag));
    // Another place ends the name, unless a firm's head follows (九江濂溪农业发展有限公司: 濂溪 is part of it).
    if (forms.get(w.word)?.readings.length && !firmAhead(toks, j, text, r)) return null;
    // A firm's line of business may be a verb (杭州中测检验认证有限公司): go on, but only a firm's head ends such a name.
    if (!part && !(w.tag.startsWith('v') && w.word.length >= 2 && firmAhead(toks, j, text, r))) return null;
  }
  return null;
}

/** Whether a firm's name head (the name heads ending in 公司) follows within the name window, before any punctuation. */
function firmAhead(toks: Token[], j: number, text: string, r: Places['roles']): boolean {
  for (let k = j + 1; k < toks.length && k <= j + r.nameHeadWindow; k++) {
    const w = toks[k]!;
    if (!/\p{Script=Han}/u.test(w.word)) return false;
    const span = text.slice(toks[j]!.end, w.end);
    if (r.nameHeads.some((h) => h.endsWith('公司') && span.endsWith(h))) return true;
  }
  return false;
}

interface Found {
  start: number;
  end: number;
  form: Form;
}

/** A word made only of one-character short names (京津) names each of their cities. */
function shortRun(word: string, forms: Map<string, Form>): Form | undefined {
  if (word.length < 2 || word.length > 4) return undefined;
  const cities: string[] = [];
  for (const ch of word) {
    const r = forms.get(ch)?.readings;
    if (r?.length !== 1 || r[0]!.kind !== 'short-name') return undefined;
    cities.push(...r[0]!.cities);
  }
  return { name: word, readings: [{ cities, kind: 'abbreviation', full: word }] };
}

/** How a language groups names and finds the clause and sentence around them. */
interface Grouping {
  cues: Pick<Places['roles'], 'cues' | 'unknownBefore'>;
  joins(gap: string): boolean;
  clause(text: string, start: number, end: number): [number, number];
  sentence(text: string, start: number, end: number): [number, number];
}

/** Whether [start, end) lies inside a quotation (“…”) holding a character that is not `short`. */
function quotedWith(text: string, start: number, end: number, short: (c: string) => boolean): boolean {
  const open = text.lastIndexOf('“', start);
  if (open < 0 || text.lastIndexOf('”', start) > open) return false;
  const close = text.indexOf('”', end);
  if (close < 0 || close - open > 12) return false;
  return [...text.slice(open + 1, close)].some((c) => !short(c));
}

/** Chinese names found by the segmenter: names it keeps whole that do not begin a longer proper name. */
function chineseFound(seg: Segment, p: Places, explain: Explanation[], ctx: ProvinceNames): Found[] {
  const { text } = seg;
  const { forms, cities } = p.gazetteer;
  const r = p.roles;
  const toks = splitCompounds(p.segment(text), forms, r.compoundTails);
  const found: Found[] = [];
  const shortName = (w: string) => w.length === 1 && forms.get(w)?.readings[0]?.kind === 'short-name';
  const isShort = (k: number) => k >= 0 && k < toks.length && shortName(toks[k]!.word);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const form = forms.get(t.word) ?? shortRun(t.word, forms);
    if (!form || form.word) continue;
    if (form.province && !form.readings.length) {
      found.push({ start: t.start, end: t.end, form });
      continue;
    }
    if (!form.readings.length) continue;
    const short = t.word.length === 1 || !forms.has(t.word);
    // A short name inside a quoted name with other characters (“义甬舟”开放大通道) is part of that name.
    if (short && quotedWith(text, t.start, t.end, shortName)) continue;
    if (short && !(r.shortBefore.test(text.slice(0, t.start)) || r.shortAfter.test(text.slice(t.end)))) {
      // 沪、穗、蓉三地: a short name enumerated with other short names.
      const sep = (k: number) => k >= 0 && k < toks.length && r.separator.test(toks[k]!.word) && toks[k]!.word.trim() !== '';
      if (!(t.word.length === 1 && ((sep(i - 1) && isShort(i - 2)) || (sep(i + 1) && isShort(i + 2))))) continue;
    }
    const inside = nameAt(toks, i, text, forms, r);
    if (inside) {
      // A customs office or a company still tells which province the page is about; a company's
      // name (兴隆光电…有限公司) is a brand, so it does not vouch for a place of its own name.
      if (form.readings.length === 1)
        for (const c of form.readings[0]!.cities) noteProvince(ctx, cities.get(c)?.province ?? c.slice(0, 2), /海关$/u.test(inside) ? '' : t.word);
      explain.push({
        field: 'cities',
        value: t.word,
        rule: `excluded: part of the name ${inside}`,
        keyword: t.word,
        position: seg.offset < 0 ? -1 : seg.offset + t.start,
      });
      continue;
    }
    found.push({ start: t.start, end: t.end, form });
  }
  // Runs of cities' first characters before a word for a region (成德眉资地区): the segmenter splits them.
  let taken = 0;
  for (const m of text.matchAll(r.initials)) {
    const word = m[1]!;
    // The leftmost run that stands for cities wins over the shorter runs inside it (成德眉资, not 德眉资).
    if (m.index < taken) continue;
    // A run that ends in a place's own name (其中湛江地区: 中湛江) is that place, not first characters.
    const endsInName = word.length >= 3 && (forms.has(word.slice(-2)) || forms.has(word.slice(-3)));
    const form = forms.has(word) || endsInName ? undefined : initialsForm(word, p.gazetteer);
    if (!form) continue;
    const start = m.index;
    const end = start + word.length;
    taken = end;
    for (let k = found.length - 1; k >= 0; k--) if (found[k]!.start < end && found[k]!.end > start) found.splice(k, 1);
    found.push({ start, end, form });
  }
  return found.sort((a, b) => a.start - b.start);
}

const EN_SENTENCE_END = new RegExp(`[;!?。；！？](?=\\s|$|["”’])|(?<!\\b${ENGLISH_ABBREVIATION})\\.(?=\\s|$|["”’])`, 'gu');

/** The English sentence around a span: from after the last full stop before it to the next one. */
function englishSentence(text: string, start: number, end: number): [number, number] {
  let a = 0;
  let b = text.length;
  for (const m of text.matchAll(EN_SENTENCE_END)) {
    if (m.index < start) a = m.index + 1;
    else if (m.index >= end) {
      b = m.index;
      break;
    }
  }
  return [a, b];
}

const EN_CLAUSE_START = /,\s+(?:and|but|while|whereas)\s+/gu;

/** The English clause around a span: its sentence, cut where ", and" / ", but" starts another clause. */
function englishClause(text: string, start: number, end: number): [number, number] {
  let [a, b] = englishSentence(text, start, end);
  for (const m of text.slice(a, b).matchAll(EN_CLAUSE_START)) {
    const ms = a + m.index;
    if (ms + m[0].length <= start) a = ms + m[0].length;
    else if (ms >= end) {
      b = ms;
      break;
    }
  }
  return [a, b];
}

/** English names (Lanzhou, Fengjie County, Yangshan Port); organisations named after a place (Lanzhou Customs) are explained, not mentions. */
function englishFound(seg: Segment, p: Places, cat: Catalogue, explain: Explanation[], ctx: ProvinceNames): Found[] {
  const { found, names } = findEnglish(seg.text, p.english(cat.byAdcode));
  for (const n of names) {
    if (n.form.readings.length === 1)
      for (const c of n.form.readings[0]!.cities) noteProvince(ctx, p.gazetteer.cities.get(c)?.province ?? c.slice(0, 2), n.form.name);
    explain.push({
      field: 'cities',
      value: n.form.name,
      rule: `excluded: part of the name ${n.name}`,
      keyword: n.form.name,
      position: seg.offset < 0 ? -1 : seg.offset + n.start,
    });
  }
  return found;
}

/** The mentions of one segment, Chinese and English: found names grouped into enumerations, each group with its role. */
function mentionsIn(seg: Segment, p: Places, cat: Catalogue, scope: PageScope, out: Mention[], explain: Explanation[], ctx: ProvinceNames): void {
  const r = p.roles;
  // (A run of first characters, 广佛两地, names no form of its own: it opens the segment too.)
  if (p.scanner.has(seg.text) || seg.text.search(r.initials) >= 0) {
    const zh: Grouping = {
      cues: r,
      joins: (gap) => {
        if (r.separator.test(gap)) return true;
        const rest = gap.replace(r.filler, '');
        return rest !== gap && rest.trim() !== '' && r.separator.test(rest);
      },
      clause: clauseBounds,
      sentence: (text) => [0, text.length],
    };
    grouped(seg, chineseFound(seg, p, explain, ctx), zh, r, cat, scope, out, explain);
  }
  if (LATIN.test(seg.text)) {
    const idx = p.english(cat.byAdcode);
    const en: Grouping = {
      cues: { cues: idx.cues, unknownBefore: NEVER },
      joins: (gap) => idx.separator.test(gap),
      clause: englishClause,
      sentence: englishSentence,
    };
    grouped(seg, englishFound(seg, p, cat, explain, ctx), en, r, cat, scope, out, explain);
  }
}

/** A year before the page's own (2025年 on a 2026 page), not a date a rule takes effect from (2025年12月1日起, 2025年12月起) nor a start still running (2025年以来). */
function earlierYear(text: string, docYear: number | undefined): boolean {
  if (!docYear) return false;
  for (const m of text.matchAll(/(?<!\d)(20\d{2})年(?!\d{1,2}月(\d{1,2}日)?起)(?!以来)/gu)) if (Number(m[1]) < docYear) return true;
  return false;
}

/** A month of this year as a bare time phrase (今年3月，): with a completed act in the names' own clause (永州已开展过…) it dates a look back. */

const LIST_MARK = /^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])/u;
/** How many characters a time phrase may have besides its cue (去年以来, 2025年初). */
const TIME_PHRASE_REST = 2;

/**
 * The cue of earlier experience that reaches a clause, if any: in the clause itself, or in a bare
 * time phrase opening the sentence before it (此前，/ 2025年，/ 以往，), unless a semicolon or a
 * phrase of the present (现在, 今年) comes between. A cue inside a clause with words of its own
 * (在前期实施基础上，将成都纳入 / 借鉴宁波经验，在厦门推行) frames the clause that follows; it does
 * not make the places of that clause earlier examples.
 */
function pastReach(text: string, ca: number, cb: number, r: Places['roles'], cue: { test(s: string): boolean; strip(s: string): string }): string | undefined {
  const own = text.slice(ca, cb);
  if (cue.test(own)) return own;
  if (r.presentFrame.test(own.replace(LIST_MARK, ''))) return undefined;
  let end = ca - 1;
  while (end > 0 && !/[；;]/u.test(text[end]!)) {
    let a = end;
    while (a > 0 && !CLAUSE_END.test(text[a - 1]!)) a--;
    const clause = text.slice(a, end).replace(LIST_MARK, '');
    // A bare time phrase that is a look back wins over the 今年 in it (今年3月，永州已开展过…).
    if (cue.test(clause) && cue.strip(clause).replace(/[\s，,：:]/gu, '').length <= TIME_PHRASE_REST) return clause;
    if (r.presentFrame.test(clause)) return undefined;
    end = a - 1;
  }
  return undefined;
}

/** A clause that is only a noun phrase ending on who acts (…等地有意向的企业，): its predicate is the clause after it. */
const TOPIC = /(企业|单位|公司|经营者|主体|农户|货物|产品)$/u;

/**
 * The text after a group of names up to the end of its clause, or, when that clause is the subject
 * of the next one (包头、鄂尔多斯等地有意向的企业，可待第二批…申请 / …地区的企业，本次暂不纳入受理范围),
 * up to the end of that next clause: the predicate that frames the names.
 */
function predicateAfter(text: string, end: number, cb: number): string {
  const own = text.slice(end, cb);
  if (text[cb] !== '，' || !TOPIC.test(own)) return own;
  let b = cb + 1;
  while (b < text.length && !CLAUSE_END.test(text[b]!)) b++;
  return own + text.slice(cb + 1, b);
}

const LATIN = /[A-Za-z]{3}/;
const NOTICE_TITLE = /的(公告|通知|通告)$/u;
const NEVER = /(?!)/;

/** The parts of a text between 在/于 and a verb of putting in place (在阳逻港区对锂电池实施): where the measure is put in place. */
function siteSpans(text: string, r: Places['roles']): [number, number][] {
  return [...text.matchAll(r.site.span)].flatMap((m) => (m.indices?.[3] ? [m.indices[3]] : []));
}

function grouped(
  seg: Segment,
  found: Found[],
  lang: Grouping,
  r: Places['roles'],
  cat: Catalogue,
  scope: PageScope,
  out: Mention[],
  explain: Explanation[],
): void {
  const { text } = seg;
  // A notice's title (关于在深圳关区实施…的公告) puts its measure in place where it says; elsewhere
  // 关于在X设立… is a topic heading or a proposal.
  const spans = siteSpans(seg.where === 'title' && NOTICE_TITLE.test(text) ? text.replace(/关于(?=在)/u, '　　') : text, r);
  const s = seg.sentence;
  // A port of exit or transit keeps its role when the sentence names it again (运至大连港装船出境，大连港不再重复查验);
  // an origin does not (mangoes from Baise …, inspected in Baise).
  const earlier = new Map<string, RoleResult>();
  const key = (f: Found) => f.form.readings.map((x) => x.cities.join('+')).join('|');
  // Enumerations (宁波、厦门等地) share the cue before the first name and after the last.
  let g = 0;
  while (g < found.length) {
    let h = g;
    while (h + 1 < found.length && lang.joins(text.slice(found[h]!.end, found[h + 1]!.start))) h++;
    const first = found[g]!;
    const last = found[h]!;
    const [ca, cb] = lang.clause(text, first.start, last.end);
    const [sa, sb] = lang.sentence(text, first.start, last.end);
    const [na, nb] = sb < text.length ? lang.sentence(text, sb + 1, sb + 1) : [0, 0];
    let role = roleOf(lang.cues, {
      before: text.slice(ca, first.start),
      after: predicateAfter(text, last.end, cb),
      line: text,
      sentenceBefore: text.slice(sa, first.start),
      sentenceAfter: text.slice(last.end, sb),
      next: nb > na ? text.slice(na, nb) : (seg.next ?? ''),
    });
    // Named as outside the scope: on a reply that the measure does not run there, that place is the
    // reply's subject.
    if (role.role === 'outside' && scope.notHere) role = { role: 'runs', why: NOT_HERE };
    if (role.role === 'future' && scope.call && /拟(在|于)$/u.test(text.slice(0, first.start)))
      role = { role: 'runs', why: 'where a call for firms says the measure is to run' };
    if (role.role === 'runs' && s) {
      const past = pastReach(text, ca, cb, r, {
        test: (c) => cat.past.test(c) || earlierYear(c, scope.docYear) || (EARLIER_THIS_YEAR.test(c) && DONE.test(text.slice(ca, cb))),
        strip: (c) =>
          c
            .replace(new RegExp(cat.past.source, 'gu'), '')
            .replace(/(20\d{2})年/gu, '')
            .replace(EARLIER_THIS_YEAR, ''),
      });
      if (past !== undefined)
        role = {
          role: 'precedent',
          why: `a precedent or an earlier example (its clause or the time phrase before it cites earlier experience: ${past.trim()})`,
        };
      else if (clauseAt(s, seg.offset + first.start)?.future) role = { role: 'future', why: 'a future plan, not (yet) where the measure runs' };
    }
    const batch = role.role === 'runs' && scope.batch ? batchOf(text.slice(sa, first.start), text.slice(last.end, sb), r) : undefined;
    if (scope.batch === 'later' && batch === 'earlier') role = { role: 'precedent', why: 'a place of an earlier batch, on a page about a later one' };
    else if (scope.batch === 'first' && batch === 'later') role = { role: 'future', why: 'a place of a later batch, on a page about the first one' };
    if (seg.role && role.role === 'runs') role = seg.role;
    const members = found.slice(g, h + 1);
    // The subject opens its clause, after at most a speaker's label (答：); a common word before it
    // (比如，呼和浩特在…) is not part of the group.
    const opener = members.find((f) => !f.form.weak) ?? first;
    const [sca] = lang.clause(text, opener.start, last.end);
    const subject =
      (SUBJECT_LABEL.test(text.slice(sca, opener.start)) && r.site.subjectAfter.test(text.slice(last.end, sb))) ||
      r.site.pilotsOf.test(text.slice(last.end, cb)) ||
      r.site.pilotBefore.test(text.slice(sa, first.start));
    if (role.role === 'runs') {
      const inherited = members.map((f) => earlier.get(key(f)));
      if (inherited.every((x) => x)) role = { ...inherited[0]!, why: `${inherited[0]!.why}, as earlier in the sentence` };
    } else if (role.role === 'exit-port' || role.role === 'transit') for (const f of members) if (f.form.readings.length) earlier.set(key(f), role);
    const strongBeside = members.some((f) => !f.form.weak);
    const placeContext = r.weakBefore.test(text.slice(0, first.start)) || r.weakAfter.test(text.slice(last.end));
    for (let k = g; k <= h; k++) {
      const f = found[k]!;
      const product =
        role.role === 'runs'
          ? (productAfter(text, f.end, cat) ??
            // Not in a headline, where a product's place of origin is what the news is about.
            (seg.where === 'title'
              ? undefined
              : scope.products?.find((d) => d.length > f.end - f.start && text.startsWith(d, f.start))?.slice(f.end - f.start)))
          : undefined;
      const own: RoleResult = product ? { role: 'origin', why: `${originWhy(r)} (part of the product's name ${text.slice(f.start, f.end)}${product})` } : role;
      const prev = k > 0 && found[k - 1]!.end === f.start ? out.length - 1 : undefined;
      // A list mark (、, 和) makes a common word an item beside places; a bare space (a headline's
      // break: 开通专用通道 武鸣沃柑…) does not.
      const marked = (k > g && LIST_GAP.test(text.slice(found[k - 1]!.end, f.start))) || (k < h && LIST_GAP.test(text.slice(f.end, found[k + 1]!.start)));
      if (f.form.weak && !(strongBeside && marked) && !placeContext && prev === undefined) {
        explain.push({
          field: 'cities',
          value: f.form.name,
          rule: `excluded: ${f.form.name} is also a common word (lexicon tag ${f.form.weak}) and nothing around it makes it a place`,
          keyword: f.form.name,
          position: seg.offset < 0 ? -1 : seg.offset + f.start,
        });
        continue;
      }
      out.push({
        name: text.slice(f.start, f.end),
        form: f.form,
        readings: f.form.readings,
        role: own,
        where: seg.where,
        position: seg.offset < 0 ? -1 : seg.offset + f.start,
        enumerated: h > g && members.some((x) => x !== f && x.end !== f.start && x.start !== f.end),
        // A sentence that cites earlier experience (苏州已率先开展…，提供了可借鉴的经验) tells where a
        // measure ran before, not where this page puts it in place.
        site: own.role === 'runs' && !s?.past && (subject || spans.some(([a, b]) => f.start >= a && f.end <= b)),
        ...(seg.where === 'body' ? { excerpt: text.slice(0, 80) } : {}),
        ...(prev !== undefined ? { leftNeighbour: prev } : {}),
        ...(f.form.province ? { province: f.form.province } : {}),
      });
    }
    g = h + 1;
  }
}

/** Longest product name looked for right after a place. */
const PRODUCT_SPAN = 8;

/** The product name a place is written in front of (秭归脐橙), also across a modifier (西峡鲜香菇): the place is the goods' origin. */
function productAfter(text: string, end: number, cat: Catalogue): string | undefined {
  const at = (from: number) => {
    const hit = cat.products.scan(text.slice(from, from + PRODUCT_SPAN))[0];
    return hit?.start === 0 ? hit.name : undefined;
  };
  const direct = at(end);
  if (direct) return direct;
  const m = cat.modifiers.find((x) => text.startsWith(x, end));
  const after = m ? at(end + m.length) : undefined;
  return after ? `${m}${after}` : undefined;
}
const originWhy = (r: Places['roles']) => r.cues.find((c) => c.role === 'origin')!.why;

const COUNTY_LEVEL = new Set(['county', 'county-bare', 'town']);

/**
 * Drops readings the page contradicts. A county-level name right after a city it is not part of
 * is a word of a local name (长春兴隆铁路口岸: not 兴隆县 of 承德). A bare county name (no 县/区/市)
 * of a province the page names nowhere else, alone rather than in an enumeration, is more likely a
 * nickname or part of another word (榕城茉莉 on a 福州 page; 凤凰单丛茶 from 潮州).
 */
function contradicted(ms: Mention[], gz: Gazetteer, ctx: ProvinceNames): void {
  const provinceOf = (c: string) => gz.cities.get(c)?.province ?? c.slice(0, 2);
  const bareOnly = (m: Mention) => m.readings.length > 0 && m.readings.every((r) => r.kind === 'county-bare');
  // The provinces the page names, each with the names that named it ('' for a province named as
  // such): a name cannot vouch for its own province (兴隆综合保税区 does not make the bare 兴隆 a
  // county of 河北).
  const named: ProvinceNames = new Map([...ctx].map(([k, names]) => [k, new Set(names)]));
  for (const m of ms) {
    if (m.province) noteProvince(named, m.province, '');
    if (!bareOnly(m)) for (const r of m.readings) for (const c of r.cities) noteProvince(named, provinceOf(c), m.name);
  }
  const namedBesides = (province: string, name: string) => [...(named.get(province) ?? [])].some((n) => n !== name);
  for (const m of ms) {
    const left = m.leftNeighbour === undefined ? undefined : ms[m.leftNeighbour];
    if (left?.readings.length === 1 && left.readings[0]!.kind === 'city' && m.readings.length && m.readings.every((r) => COUNTY_LEVEL.has(r.kind))) {
      const city = left.readings[0]!.cities;
      const keep = m.readings.filter((r) => r.cities.some((c) => city.includes(c)));
      if (!keep.length) {
        m.dropped = `${m.name} right after ${left.name} is not one of its divisions: ${LOCAL_NAME}`;
        m.readings = [];
        continue;
      }
    }
    // An enumerated bare name (永春、德化等地) needs no province of its own, unless the page names
    // places of one province only and it is not one of them (龙嘉机场和兴隆综保区 on a 长春 page).
    if (!bareOnly(m) || m.pilot || !named.size || (m.enumerated && named.size > 1)) continue;
    const keep = m.readings.filter((r) => r.cities.some((c) => namedBesides(provinceOf(c), m.name)));
    if (keep.length) m.readings = keep;
    else {
      const where = [...new Set(m.readings.flatMap((r) => r.cities.map((c) => gz.provinces.get(provinceOf(c)) ?? c)))].join('、');
      m.dropped = `${m.name} would be a county of ${where}, which the page names nowhere else`;
      m.readings = [];
    }
  }
  // One name, one sense on a page: a county-level name the page shows is part of a local name
  // (长春兴隆…) is that name everywhere on it (兴隆综保区 in the title).
  const local = new Map(ms.filter((m) => m.dropped?.endsWith(LOCAL_NAME)).map((m) => [m.name, ms[m.leftNeighbour!]!.name]));
  for (const m of ms) {
    const city = local.get(m.name);
    if (!city || !m.readings.length || !m.readings.every((r) => COUNTY_LEVEL.has(r.kind))) continue;
    m.dropped = `${m.name} is part of a local name elsewhere on the page (${city}${m.name})`;
    m.readings = [];
  }
}

const LOCAL_NAME = 'part of a local name';

/** The provinces a page names inside other names (a customs office, a company), with the place names that named them ('' for a customs office, which names its own place). */
type ProvinceNames = Map<string, Set<string>>;
const noteProvince = (ctx: ProvinceNames, province: string, name: string) => ctx.set(province, (ctx.get(province) ?? new Set()).add(name));

/** Picks the reading of a homonym: the city or province named right before it, else the only one the page names elsewhere. */
function resolve(ms: Mention[], gz: Gazetteer): void {
  const provinceOf = (c: string) => gz.cities.get(c)?.province ?? c.slice(0, 2);
  const ctxCities = new Set<string>();
  const ctxProvinces = new Set<string>();
  // Provinces the page names as such: only they outweigh a city's name for a county that shares it
  // (Xi'an the city, not 西安区 of 牡丹江 because Harbin is named elsewhere).
  const namedProvinces = new Set<string>();
  for (const m of ms) {
    if (m.province) {
      ctxProvinces.add(m.province);
      namedProvinces.add(m.province);
    }
    if (m.readings.length === 1)
      for (const c of m.readings[0]!.cities) {
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
    const provinces = m.form.fallback ? namedProvinces : ctxProvinces;
    if (pick.length !== 1) pick = m.readings.filter((r) => r.cities.some((c) => provinces.has(provinceOf(c))));
    m.readings = pick.length === 1 ? pick : (m.form.fallback ?? []);
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

/**
 * A headline names places without the words that give their role (北海冻品出口搭上快车): a city the
 * title names and the text names only in other roles (the origin of goods shipped elsewhere, the
 * port of exit) has that role in the title too, unless the title says it puts the measure in place
 * there (关于在深圳关区实施…的公告).
 */
function titleTakesTextRole(ms: Mention[]): void {
  const cities = (m: Mention) => m.readings[0]?.cities ?? [];
  for (const t of ms) {
    if (t.where !== 'title' || t.role.role !== 'runs' || t.readings.length !== 1 || t.site) continue;
    const text = ms.filter((m) => m.where !== 'title' && m.readings.length && cities(m).some((c) => cities(t).includes(c)));
    if (!text.length || text.some((m) => m.role.role === 'runs')) continue;
    const role = text[0]!.role;
    t.role = { role: role.role, why: `${role.why}, as the text names it`, ...(role.cue ? { cue: role.cue } : {}) };
  }
}

/**
 * The batch its sentence puts a group in: the last batch word before it in its own clause decides,
 * else the first after it, else the last earlier in the sentence (继首批…后，确定将X纳入第二批: 第二批).
 */
function batchOf(before: string, after: string, r: Places['roles']): 'earlier' | 'later' | undefined {
  const clause = before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf('；')) + 1);
  const last = (t: string) => [...t.matchAll(r.batchWord)].at(-1)?.[0];
  const word = last(clause) ?? [...after.matchAll(r.batchWord)][0]?.[0] ?? last(before);
  if (word === undefined) return undefined;
  return r.earlierBatch.test(word) ? 'earlier' : 'later';
}

/** A yes-or-no question. */
const QUESTION = /(能否|是否|可否|能不能|可不可以)/u;

export function findPlaces(
  title: string,
  sentences: Sentence[],
  tables: Table[],
  p: Places,
  cat: Catalogue,
  scope: PageScope = {},
): { cities: CityMention[]; explain: Explanation[] } {
  const explain: Explanation[] = [];
  const ms: Mention[] = [];
  const ctx: ProvinceNames = new Map();
  if (p.roles.laterBatch.test(title) || p.roles.extension.test(title)) scope = { ...scope, batch: 'later' };
  else if (p.roles.firstBatch.test(title)) scope = { ...scope, batch: 'first' };
  mentionsIn({ text: title, offset: -1, where: 'title' }, p, cat, scope, ms, explain, ctx);
  sentences.forEach((s, k) =>
    mentionsIn({ text: s.text, offset: s.start, where: 'body', sentence: s, next: sentences[k + 1]?.text ?? '' }, p, cat, scope, ms, explain, ctx),
  );
  for (const t of tables) {
    // A column whose header names a role (产地, 出境口岸) gives that role to every place in it.
    const columnRole = t.header.map((h) => {
      const c = p.roles.cues.find((cue) => cue.columns.some((w) => h.includes(w)));
      return c ? { role: roleOfCue(c), why: `${c.why} (a column headed ${h})` } : undefined;
    });
    // A correction table's original contents are corrected away: they name no place.
    const correction = isCorrectionTable(t);
    for (const row of t.rows) {
      row.forEach((cell, i) => {
        if (correction && ORIGINAL_COLUMN.test((t.header[i] ?? '').trim())) return;
        const role = columnRole[i];
        mentionsIn({ text: cell, offset: -1, where: 'table', ...(role ? { role } : {}) }, p, cat, scope, ms, explain, ctx);
      });
    }
  }
  const gz = p.gazetteer;
  // Pinyin makes homonyms Chinese keeps apart (Yiwu: 义乌 or 伊吾; Jinjiang: 晋江 or 锦江): an English
  // name one pilot city of the catalogue answers to is that city.
  for (const m of ms) {
    if (!LATIN.test(m.name) || m.readings.length < 2) continue;
    const pilots = m.readings.filter((r) => r.cities.some((c) => cat.byAdcode.has(c)));
    // …unless the name is a prefecture-level city's own (Zhongshan: 中山市, not 中山区 of 大连).
    if (m.readings.some((r) => r.kind === 'city' && !pilots.includes(r))) continue;
    if (pilots.length === 1) {
      m.readings = pilots;
      m.pilot = true;
    }
  }
  contradicted(ms, gz, ctx);
  resolve(ms, gz);
  const places = ms.filter((m) => !m.province || m.readings.length);
  // A port of two cities (宁波舟山港) on a page that names one of them on its own (北仑港区) is that one's.
  const single = new Set(
    places.filter((m) => m.role.role === 'runs' && m.readings.length === 1 && m.readings[0]!.cities.length === 1).flatMap((m) => m.readings[0]!.cities),
  );
  for (const m of places) {
    const r = m.readings.length === 1 ? m.readings[0]! : undefined;
    if (!r || r.kind === 'abbreviation' || r.cities.length < 2) continue;
    const keep = r.cities.filter((c) => single.has(c));
    if (keep.length) m.readings = [{ ...r, cities: keep }];
  }
  titleTakesTextRole(places);
  // Production areas count unless the title or the text names where the measure runs.
  const origins = places.some((m) => m.role.role === 'origin' && m.readings.length);
  // A title that asks (关于日照市企业能否申请…的答复) names the asker's place; the answer in the body says where the measure runs.
  // On a reply that the measure does not run here, the place asked about is what the reply is about.
  const asks = QUESTION.test(title) && !scope.notHere;
  const inTitle = new Set(places.filter((m) => m.role.role === 'runs' && m.where === 'title' && !asks).flatMap((m) => m.readings.flatMap((r) => r.cities)));
  const provinceOf = (c: string) => gz.cities.get(c)?.province ?? c.slice(0, 2);
  // A customs district rolls measures out in its own area: a city of another province, named only in
  // the text, is a place the goods go to or come from, or another district's example. A name
  // standing for cities of several provinces (京津, 成渝) states a scope across them.
  const outside = (c: string) => !!scope.publisherProvince && provinceOf(c) !== scope.publisherProvince && !inTitle.has(c);
  // Where the measure runs, as far as it can: a place outside the district's area, dropped below,
  // leaves the origins to count (南关区, of 长春, on a page of 济南海关 about 章丘大葱).
  const runs = new Set(
    places
      .filter((m) => m.role.role === 'runs')
      .flatMap((m) => m.readings.flatMap((r) => (r.kind === 'abbreviation' ? r.cities : r.cities.filter((c) => !outside(c))))),
  );
  // A page that says where it puts its measure in place (在X实施) names other places of its text in
  // passing: where producers are, where an earlier shipment left, a list of results.
  // The title is the page's own frame too: a title naming where the measure runs (长沙首票…) puts
  // the body's other places (a supplier's city, an earlier first shipment) in passing.
  const titleFrame = places.filter((m) => m.where === 'title' && m.role.role === 'runs' && !asks);
  // A reply that the measure does not run in the place its title names is about that place only:
  // a site the body names (吉隆口岸正常开展出口业务) is other business.
  const sites = new Set(
    (scope.notHere && titleFrame.length
      ? titleFrame
      : places.filter((m) => (m.site || titleFrame.includes(m)) && m.where !== 'table' && m.role.role === 'runs')
    )
      .flatMap((m) => m.readings.flatMap((r) => r.cities))
      // A site outside the district's area is another district's example: it frames nothing here.
      .filter((c) => !outside(c)),
  );
  // A reply that the measure does not run in a place is about that place: other places its body
  // names (the province's pilot city, 吉林省纳入试点的城市为长春市) are background to it.
  const notHereCities = new Set(
    scope.notHere ? places.filter((m) => m.role.role === 'runs' && m.role.why === NOT_HERE).flatMap((m) => m.readings.flatMap((r) => r.cities)) : [],
  );
  const passing = (m: Mention, c: string) =>
    sites.size > 0 && (m.where === 'body' || asks) && m.where !== 'table' && (!m.site || !!scope.notHere) && !sites.has(c) && !inTitle.has(c);
  const byCity = new Map<string, { via: string[] }>();
  for (const m of places) {
    if (!m.readings.length) {
      if (m.dropped) explain.push({ field: 'cities', value: m.name, rule: `excluded: ${m.dropped}`, keyword: m.name, position: m.position });
      else if (m.form.readings.length > 1) {
        const options = m.form.readings.flatMap((r) => r.cities.map((c) => gz.cities.get(c)?.nameZh ?? c)).join('、');
        explain.push({
          field: 'cities',
          value: m.name,
          rule: `excluded: ${m.name} is in several cities (${options}) and the page does not say which`,
          keyword: m.name,
          position: m.position,
        });
      }
      continue;
    }
    const r = m.readings[0]!;
    // An origin counts when nothing else on the page is where the measure runs; a firm's name, when no origin does either.
    const counts = m.role.role === 'runs' || (m.role.role === 'origin' && runs.size === 0) || (m.role.role === 'firm' && runs.size === 0 && !origins);
    for (const c of r.cities) {
      const unit = gz.cities.get(c);
      const value = cat.byAdcode.get(c)?.id ?? unit?.nameZh ?? c;
      if (!counts) {
        explain.push({ field: 'cities', value, rule: `excluded: ${m.role.why}${m.role.cue ? ` (${m.role.cue})` : ''}`, keyword: m.name, position: m.position });
        continue;
      }
      if (notHereCities.size && m.where === 'body' && !notHereCities.has(c) && !inTitle.has(c)) {
        const at = [...notHereCities].map((s) => cat.byAdcode.get(s)?.nameZh ?? gz.cities.get(s)?.nameZh ?? s).join('、');
        explain.push({
          field: 'cities',
          value,
          rule: `excluded: background to the place the measure is said not to run in (${at})`,
          keyword: m.name,
          position: m.position,
        });
        continue;
      }
      if (m.role.role === 'runs' && passing(m, c)) {
        const at = [...sites].map((s) => cat.byAdcode.get(s)?.nameZh ?? gz.cities.get(s)?.nameZh ?? s).join('、');
        explain.push({
          field: 'cities',
          value,
          rule: `excluded: named in passing; the page puts the measure in place in ${at} (its title, or 在…实施), and the title does not name it`,
          keyword: m.name,
          position: m.position,
        });
        continue;
      }
      // A county's or town's name without its suffix (江城, a nickname of 武汉 too) from another province is no place of
      // this district's, even in the title.
      const farBare = (r.kind === 'county-bare' || r.kind === 'town') && !!scope.publisherProvince && provinceOf(c) !== scope.publisherProvince;
      if (r.kind !== 'abbreviation' && (outside(c) || farBare)) {
        const area = gz.provinces.get(scope.publisherProvince!) ?? scope.publisherProvince;
        explain.push({
          field: 'cities',
          value,
          rule: `excluded: outside the area of the customs district that published the page (${area}), and the title does not name it${farBare ? ' by its full name' : ''}`,
          keyword: m.name,
          position: m.position,
        });
        continue;
      }
      const entry = byCity.get(c);
      if (entry) {
        if (!entry.via.includes(m.name)) entry.via.push(m.name);
        continue;
      }
      byCity.set(c, { via: [m.name] });
      const origin =
        m.role.role === 'origin'
          ? '; a production area or origin, counted as neither the title nor the text names another city where the measure runs'
          : m.role.role === 'firm'
            ? "; a firm's name, counted as the page names no other city where the measure runs and no origin"
            : '';
      const where = m.site ? '; where the page puts the measure in place' : '';
      explain.push({
        field: 'cities',
        value,
        rule: `named in the ${m.where}: ${describe(m, r, gz)}${origin}${where}`,
        keyword: m.name,
        position: m.position,
        ...(m.excerpt ? { excerpt: m.excerpt } : {}),
      });
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
