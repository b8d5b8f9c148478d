/**
 * Relevance as the labelling conventions define it: the page puts in place, designates pilots or
 * criteria for, or reports the operation of a measure of this year's action. Evidence for: the
 * action named (or paraphrased in a trade-facilitation sentence that names no other campaign)
 * outside past examples, or a catalogued measure named by a distinctive keyword. Evidence
 * against: a title that puts the page in a negative class (content/vocab/relevance.json), or a
 * title about an earlier year (a review). Classes, not phrases of single pages.
 */
import { clauseAt, pastYear, type Sentence } from './sentences.ts';
import type { Vocabulary } from './vocab.ts';
import type { Explanation } from './types.ts';
import { LATER_PLAN, PAST_EXAMPLE, supportedHits, type MeasureHit } from './measures.ts';
import { titlePredicate } from './signal.ts';
import { blankQuoted, normalizeForMatch } from './normalize.ts';
import { loadPlaces } from './places/load.ts';

export interface Relevance {
  relevant: boolean;
  /** 'action' | 'measure' | 'class:<id>' | 'review' | 'later-year' | 'none' */
  basis: string;
  explain: Explanation[];
}

/**
 * The name a 专项行动 carries of its own in a paraphrase match: the words between the last
 * boundary (的, a year, a verb of carrying out) and 专项行动, or a quoted name. This action's own
 * name is matched by the action patterns before any paraphrase, so any name here is another
 * campaign's (2026年出口某某提升专项行动, 深入开展企业信用培育专项行动).
 */
export function ownCampaignName(match: string, v: Vocabulary): string | null {
  const quoted = /[“「"]([^”」"]+)[”」"]/.exec(match);
  if (quoted) return quoted[1]!;
  const at = match.lastIndexOf('专项行动');
  if (at < 0) return null;
  const before = match.slice(0, at);
  let cut = 0;
  for (const m of before.matchAll(v.relevance.campaignNameBoundary)) cut = m.index + m[0].length;
  const name = before.slice(cut);
  return /[\p{Script=Han}A-Za-z]{2}/u.test(name) ? name : null;
}

/**
 * Is the mention at `head` the frame of what its clause does, or only beside it? In the clause
 * before it: a verb of intention (研究争取纳入…专项行动: a plan) or of asking (有记者问及…: a question's
 * topic), or 与/同 directly governing it
 * (本次检查与专项行动中的服务分别开展; 专项治理行动与正在开展的…专项行动统筹推进: the action is what
 * another activity is set against, not what the sentence is about), or 关于 opening a numbered
 * heading (its topic). In the sentence before it,
 * other places as the subject (部分试点城市结合…专项行动，对…实行…: their doing, not this page's).
 */
export function mentionAside(text: string, head: number, v: Vocabulary): boolean {
  const clause = (
    text
      .slice(0, head)
      .split(/[，,；;：:。]/u)
      .at(-1) ?? ''
  ).replace(/[“「"]+$/u, '');
  if (v.relevance.intention.test(clause) || v.relevance.question.test(clause)) return true;
  // Other places opening a clause before it (部分试点城市结合…，对…实行): what others do is background here.
  if (v.relevance.others.test(text.slice(0, head))) return true;
  // Only modifiers between them: a time (今年), a part (部分) or a phrase ending in 的.
  if (/(与|同)(今年|本年度?|今年度|部分|有关|相关|[^，,；;。与同]{0,12}的)*$/u.test(clause)) return true;
  // The topic of a numbered heading (二、关于保税检测“白名单”管理), not what is done.
  if (/^\s*([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[0-9]+[.、．])关于[^，,；;。]{0,12}$/u.test(clause)) return true;
  return false;
}

/** Where `text` names this year's action (not as a plan for later): the pattern, its start and its end. */
export function actionMention(text: string, v: Vocabulary): { source: string; index: number; end: number } | null {
  const r = v.relevance;
  let found: { source: string; index: number; end: number; head: number } | null = null;
  for (const p of r.actionPatterns) {
    const m = p.exec(text);
    if (m) {
      found = { source: p.source, index: m.index, end: m.index + m[0].length, head: m.index };
      break;
    }
  }
  if (!found) {
    for (const p of r.paraphrases) {
      const m = p.exec(text);
      // 今年/本轮…专项行动 is this action unless the sentence is about another campaign, or the
      // campaign carries a name of its own, quoted or not (2026年“某某”专项行动).
      if (m && !r.otherCampaign.test(text) && !ownCampaignName(m[0], v)) {
        // The mention's head is its 专项行动, after whatever the paraphrase spans before it.
        const at = m[0].lastIndexOf('专项行动');
        found = { source: p.source, index: m.index, end: m.index + m[0].length, head: m.index + (at < 0 ? 0 : at) };
        break;
      }
    }
  }
  if (!found) return null;
  // "下一步将结合…专项行动，研究…": the action named only as a plan is no evidence.
  const before = text.slice(0, found.index);
  if (r.future.test(before) || mentionAside(text, found.head, v)) return null;
  // One of a list of works or policies (结合专项行动等工作, 推进专项行动、某某联合专项行动等重点工作):
  // the backdrop of what the sentence does, not what it does.
  if (/^[”」"]?(、[^，,；;。、]{1,40})*等/u.test(text.slice(found.end))) return null;
  return { source: found.source, index: found.index, end: found.end };
}

/** Does the title speak of a year before the page's own (a review of that year)? */
function titleAboutEarlierYear(title: string, docYear: number, v: Vocabulary): boolean {
  if (title.includes(String(docYear))) return false;
  if (v.context.relativePastYearTitle.test(title)) return true;
  for (const m of title.matchAll(v.context.pastYearTitle)) if (Number(m[1]) < docYear) return true;
  return pastYear(title, docYear, v);
}

/** Does the title speak only of a year after the page's own (a call for next year's ideas, a plan)? */
function titleAboutLaterYear(title: string, docYear: number, v: Vocabulary): boolean {
  const years = [...title.matchAll(v.context.pastYearTitle)].map((m) => Number(m[1]));
  return years.length > 0 && years.every((y) => y > docYear);
}

/**
 * A generic keyword (绿色通道, 预约通关) names the measure when the title puts it in place in the
 * page's own voice or reports it running, in the measure's trade direction (a measure that belongs
 * to one direction has that direction in the title). Put in place: the keyword is the object of the
 * last predicate of putting in place of one headline part (银川开通…出口“绿色通道” 首批货物发往某国:
 * the subhead reports the first shipment), not after a modal or an approval (为某地茶叶出口开通
 * “绿色通道”). Running: the keyword is the subject of 运行 (出口“绿色通道”运行百日).
 */
export function titleObjectMeasure(title: string, v: Vocabulary): string | null {
  const inDirection = (id: string) => {
    const dir = v.measureDirection.get(id);
    return !dir || (dir === 'export' ? v.directionCues.export : v.directionCues.import).test(title);
  };
  // A notice states what it does between 关于 and 的公告: 关于在某县开通出口鲜果“绿色通道”的公告.
  const subject = /关于(.+)的(公告|通知|通告)$/u.exec(title.trim())?.[1] ?? title;
  // A headline and its subhead are two statements (split where a space separates two Han phrases).
  for (const part of subject.split(/(?<=\p{Script=Han}[”」"]?)\s+(?=\p{Script=Han}|[“「"])/u)) {
    const text = normalizeForMatch(part);
    const p = titlePredicate(part, v);
    const after = p?.kind === 'putInPlace' ? p.m.index + p.m[0].length : -1;
    for (const h of v.measureDict.scan(text)) {
      if (!inDirection(h.value.id)) continue;
      const rest = text.slice(h.start + h.name.length);
      // The measure running (运行百日, 运行以来) is the page's report of its operation.
      if (/^[”」"’]*运行/u.test(rest)) return h.name;
      if (after < 0 || h.start < after) continue;
      // Head-final: a keyword followed by more of the noun phrase (HACCP体系验证检查) only modifies the object.
      if (!/^([”」"’]*)(\s|[，,、；;！!+＋和及与]|$)/u.test(rest)) continue;
      return h.name;
    }
  }
  return null;
}

/**
 * A 专项行动 with a quoted name of its own, right before it or a few words ahead (“国门绿盾”边境口岸生物安全专项行动),
 * not across a headline's break (a space or a dash: “加速度”——某海关推进专项行动…), a colon or a bracket (“药食同源”商品实施分类管理 专项行动又一举措…, “山城”通关再提速：专项行动…,
 * “两步申报”政策问答（专项行动热点问题）:
 * the quote names a measure or a place).
 */
const NAMED_CAMPAIGN = /[“「"][^”」"]+[”」"][^，,。；;：:！!？?“”「」"\s（）()—–]{0,12}专项行动/u;

/**
 * A title's 专项行动 with no name of its own (某负责人谈专项行动实施成效) is the campaign the page's
 * lead names: when that is this action, the title is not about another campaign.
 */
function bareTitleCampaign(title: string, p: RegExp, sentences: Sentence[], v: Vocabulary, docYear: number): boolean {
  if (p.source !== '专项行动' || v.relevance.otherCampaign.test(title) || NAMED_CAMPAIGN.test(title)) return false;
  // A title whose campaign carries a name of its own (2026年边民互市贸易规范提升专项行动) is that campaign.
  if (
    v.relevance.paraphrases.some((q) => {
      const m = q.exec(title);
      return !!m && !!ownCampaignName(m[0], v);
    })
  )
    return false;
  // A title that only plans (研究推动某市争创…专项行动试点城市) names no campaign under way.
  const before = title.slice(0, title.indexOf('专项行动'));
  if (v.relevance.future.test(before) || v.relevance.intention.test(before)) return false;
  // The campaign is the first one the body names (a page may open with a label line, a greeting or
  // its title again): a sentence with a bare 专项行动 names none.
  const names = (t: string) => t.includes('专项行动') && (!!actionMention(t, v) || v.relevance.otherCampaign.test(t) || NAMED_CAMPAIGN.test(t));
  const first = sentences.find((s) => names(s.text));
  return !!first && bodyMention(first, v, docYear) !== null;
}

/**
 * Where a body sentence names this year's action, unless the mention is past: its own clause or a
 * clause before it names an earlier time (2025年，专项行动…), or the sentence cites an example
 * (学习借鉴试点城市的经验做法). A time in a clause after it does not govern it (为推进今年专项行动，
 * 在总结前期试点基础上，…), nor does an example when the action is the frame of what the page does
 * (为落实今年专项行动部署，…参考某地的经验，…).
 */
export function bodyMention(s: Sentence, v: Vocabulary, docYear: number): string | null {
  const m = actionMention(s.text, v);
  if (!m) return null;
  const c = clauseAt(s, s.start + m.index);
  const upto = s.text.slice(0, c ? c.start - s.start + c.text.length : s.text.length);
  // A page carrying the action out names it as its frame (为落实…专项行动部署，): an example cited
  // later in the sentence is how, not whether. Elsewhere an example in the sentence
  // (学习借鉴试点城市经验) makes the mention someone else's action.
  const clauseStart = c ? c.start - s.start : 0;
  const framed = v.relevance.frameBefore.test(s.text.slice(clauseStart, m.index)) && v.relevance.frameAfter.test(s.text.slice(m.end));
  const example = v.context.pastExample.test(framed ? upto : s.text);
  return example || v.context.pastTime.test(upto) || pastYear(upto, docYear, v) ? null : m.source;
}

/** A circumstance right before the action's name (随着今年…, 结合…, alongside this year's…). */
const BACKDROP = /((随着|伴随着?|结合|借助|乘着?)[^，。；]{0,8}|\b(alongside|amid)\s+[^,.;]{0,20})$/iu;

/** A verb of briefing right before the action's name: the sentence reports what is described. */
const BRIEFED = /(介绍|通报|讲解|解读)了?[^，。；]{0,4}$/u;

const verdict = (relevant: boolean, basis: string, e: Omit<Explanation, 'field' | 'value'>): Relevance => ({
  relevant,
  basis,
  explain: [{ field: 'relevant', value: String(relevant), ...e }],
});

/**
 * A class cue in a title that starts inside a word and runs past its end (成交 across 完成|交付 in
 * 完成交付) is two words' halves, not the cue; a cue at the end of a compound (处罚 in 行政处罚) is.
 */
function classCue(title: string, cues: RegExp[], v: Vocabulary, keep: (p: RegExp) => boolean = () => true): RegExp | undefined {
  let words: { start: number; end: number }[] | undefined;
  return cues.find((p) => {
    for (const m of title.matchAll(new RegExp(p.source, `${p.flags.replace('g', '')}g`))) {
      if (!m[0]) continue;
      const a = m.index;
      const b = a + m[0].length;
      words ??= loadPlaces(v.root).segment(title);
      if (!words.some((w) => w.start < a && w.end > a && w.end < b)) return keep(p);
    }
    return false;
  });
}

export function decideRelevance(
  title: string,
  sentences: Sentence[],
  measureHits: MeasureHit[],
  v: Vocabulary,
  docYear: number,
  published?: string,
  setAside: readonly Explanation[] = [],
): Relevance {
  // Before the edition began, a sentence saying it will be carried out (今年将在45个城市开展…) plans it.
  const beforeStart = !!published && !!v.editionStart && published < v.editionStart;
  const planned = (s: Sentence) => {
    const m = beforeStart ? actionMention(s.text, v) : null;
    return !!m && /(将|拟|计划|即将|准备)[^，,；;。]*$/u.test(s.text.slice(0, m.index));
  };
  // A page from before the tracked edition began is about an earlier one, unless it names this one's year.
  if (docYear < v.editionYear && ![title, ...sentences.map((s) => s.text)].some((t) => t.includes(String(v.editionYear)))) {
    return verdict(false, 'earlier-edition', { rule: `published before the ${v.editionYear} edition and never naming it`, position: -1 });
  }
  const titleAt = actionMention(title, v);
  const titleNames = titleAt?.source ?? null;
  // A title about an earlier year is a review of that year, whatever it names.
  if (titleAboutEarlierYear(title, docYear, v)) {
    return verdict(false, 'review', { rule: 'the title is about an earlier year (a review)', ...(titleNames ? { keyword: titleNames } : {}), position: -1 });
  }
  // Next year's reforms (征集2027年…改革需求) are not this edition's measures, whatever the page lists.
  if (titleAboutLaterYear(title, docYear, v)) {
    return verdict(false, 'later-year', { rule: 'the title is only about a later year (a plan or a call for ideas)', position: -1 });
  }
  if (titleAt) {
    // What a title is comes last: a class named after the action's name (…专项行动宣传服务项目竞争性
    // 磋商公告) is what the page is, the action only what its object serves.
    const tail = blankQuoted(title.slice(titleAt.end));
    for (const c of v.relevance.negativeClasses) {
      if (c.soft || c.id === 'other-campaign') continue;
      const t = classCue(tail, c.title, v);
      if (t)
        return verdict(false, `class:${c.id}`, { rule: `notice class "${c.id}" (the title's head, after the action's name)`, keyword: t.source, position: -1 });
    }
  }
  if (titleNames) return verdict(true, 'action', { rule: 'title names the facilitation action', keyword: titleNames, position: -1 });
  const denies = (s: Sentence) => v.relevance.denial.some((p) => p.test(s.text));
  const bodyNames = sentences.find((s) => bodyMention(s, v, docYear) && !planned(s) && !denies(s));
  const denial = sentences.find(denies);
  // A statistics headline about a tracked measure (“即买即退”扩围见效 …同比增长112%) reports its results.
  // A generic word in the title counts when the body names the same measure distinctively or puts it
  // in place (天水苹果出口“绿色通道”运行首月 …同比增长 over 开通出口鲜活农产品“绿色通道”).
  const bodyNamed = new Set(measureHits.filter((h) => h.position >= 0 && (h.strong || h.putInPlace)).map((h) => h.id));
  const titleMeasure = v.measureDict.scan(normalizeForMatch(title)).some((h) => h.value.strong || bodyNamed.has(h.value.id));
  // A keyword in another's wish or beside another activity is not the page's, nor one the clause
  // says its subject is outside of (不适用…“两证合一”有关规定).
  const aside = (h: MeasureHit) => {
    const s = h.position >= 0 ? sentences[h.sentence] : undefined;
    return s ? mentionAside(s.text, h.position - s.start, v) || v.relevance.negation.test(s.text.slice(0, h.position - s.start)) : false;
  };
  // The action at work in the page's own voice: a sentence names it and, after the mention, puts a
  // tracked measure in place (按照…专项行动的部署，自7月1日起在某综保区实施“白名单”管理). A meeting or a
  // work report that does so is more than its genre.
  // Computed once, and only when a class that yields to it would otherwise decide the page.
  let atWorkMemo: boolean | undefined;
  const atWork = () =>
    (atWorkMemo ??= sentences.some((s, i) => {
      if (planned(s) || denies(s) || !bodyMention(s, v, docYear)) return false;
      const m = actionMention(s.text, v);
      // What a speaker briefs on (负责人介绍了今年…专项行动在试点城市推出的…) is described, not done here.
      if (!m || BRIEFED.test(s.text.slice(0, m.index))) return false;
      return measureHits.some((h) => h.sentence === i && h.position >= s.start + m.end && (h.strong || h.putInPlace) && !aside(h));
    }));
  // The source saying where the action does not apply (某县不在今年专项行动试点城市之列) is news about it.
  const notHere = () =>
    sentences.some((s) => !planned(s) && !denies(s) && bodyMention(s, v, docYear) && v.signalRules.notAnnounced.body.some((p) => p.test(s.text)));
  for (const c of v.relevance.negativeClasses) {
    // …unless the page says the action does not cover its subject (不适用于进口水果).
    if (c.soft && bodyNames && !denial) continue;
    if (c.yieldsToTitleMeasure && titleMeasure) continue;
    // A quoted name (出口锂电池“分类检验+信用管理”监管模式) is a name, not what the title is about.
    // (A soft class reads its exceptions, quoted measure names among them, in the whole title.)
    const unquoted = c.soft || c.id === 'other-campaign' ? title : blankQuoted(title);
    const t = classCue(unquoted, c.title, v, (p) => !(c.id === 'other-campaign' && bareTitleCampaign(title, p, sentences, v, docYear)));
    if (c.yieldsToActionAtWork && (t || c.body.length) && atWork()) continue;
    if (c.yieldsToNotHere && (t || c.body.length) && notHere()) continue;
    if (t) return verdict(false, `class:${c.id}`, { rule: `notice class "${c.id}" (title)`, keyword: t.source, position: -1 });
    for (const s of sentences) {
      const b = c.body.find((p) => p.test(s.text));
      if (b) return verdict(false, `class:${c.id}`, { rule: `notice class "${c.id}" (body)`, keyword: b.source, position: s.start });
    }
  }
  // A page that names the action and then names its measures only as plans or earlier examples (a
  // meeting that will study them) puts nothing in place.
  const onlyPlans =
    supportedHits(measureHits).length === 0 &&
    setAside.some((e) => e.rule === LATER_PLAN) &&
    setAside.every((e) => e.rule === LATER_PLAN || e.rule === PAST_EXAMPLE);
  // With no measure on the page, the action named as the circumstance of something else
  // (随着…专项行动深入推进，通关效率持续提升; 结合…专项行动做好政策宣讲) is the backdrop of another subject.
  const noMeasure = supportedHits(measureHits).length === 0;
  const backdrop = (s: Sentence) => {
    const m = noMeasure ? actionMention(s.text, v) : null;
    return !!m && BACKDROP.test(s.text.slice(0, m.index));
  };
  for (const s of sentences) {
    // A sentence denying that the action covers the page's subject names it only to say so.
    const k = planned(s) || denies(s) || backdrop(s) ? null : bodyMention(s, v, docYear);
    if (k && onlyPlans)
      return verdict(false, 'plan', {
        rule: 'the body names the action, but every measure it names is a plan or an earlier example',
        keyword: k,
        position: s.start,
      });
    if (k)
      return verdict(true, 'action', {
        rule: 'body names the facilitation action (not as a past example)',
        keyword: k,
        position: s.start,
        excerpt: s.text.slice(0, 80),
      });
  }
  // A page about another campaign's 专项行动 is not made relevant by a measure keyword alone.
  const other = sentences.find((s) => /专项行动/.test(s.text) && v.relevance.otherCampaign.test(s.text));
  if (other)
    return verdict(false, 'class:other-campaign', {
      rule: 'the body is about another campaign and never names this action',
      position: other.start,
      excerpt: other.text.slice(0, 80),
    });
  // A lead about an earlier year (2025年，某海关…) makes the page a look back: the measures it goes on
  // to name are that year's.
  const leadPast = sentences[0]?.past === true;
  // A page that says its subject has nothing to do with the action names its measures only to deny them.
  if (denial)
    return verdict(false, 'denial', { rule: 'the page says its subject is not part of the action', position: denial.start, excerpt: denial.text.slice(0, 80) });
  const strong = leadPast ? undefined : measureHits.find((h) => h.strong && !aside(h) && !(h.position < 0 && pastYear(title, docYear, v)));
  if (strong)
    return verdict(true, 'measure', { rule: 'a tracked measure is named by a distinctive keyword', keyword: strong.keyword, position: strong.position });
  // Generic keywords name the measure when the page puts one in place (全面实施“绿色通道”) and its
  // sentence names the measure's goods or another of its words apart from it (出口鲜活农产品), not
  // the same name again in brackets (危害分析与关键控制点（HACCP）).
  const apart = (h: MeasureHit, g: MeasureHit) => Math.abs(g.position - h.position) > Math.max(g.keyword.length, h.keyword.length) + 2;
  const put = leadPast
    ? undefined
    : measureHits.find(
        (h) =>
          h.putInPlace && !aside(h) && measureHits.some((g) => g !== h && g.id === h.id && g.keyword !== h.keyword && g.sentence === h.sentence && apart(h, g)),
      );
  if (put)
    return verdict(true, 'measure', {
      rule: 'the page puts a tracked measure in place, named by two of its words',
      keyword: put.keyword,
      position: put.position,
    });
  const object = titleObjectMeasure(title, v);
  if (object)
    return verdict(true, 'measure', {
      rule: "the title puts a tracked measure in place (its object), in the measure's trade direction",
      keyword: object,
      position: -1,
    });
  return verdict(false, 'none', { rule: 'neither the action nor a distinctive measure keyword outside past examples', position: -1 });
}
