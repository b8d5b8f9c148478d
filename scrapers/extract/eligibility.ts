/**
 * Eligibility: the conditions a company must meet, as short verbatim clauses, read from the form
 * the page gives them (content/vocab/eligibility.json):
 * - a header sentence ("应当同时具备以下条件：", "报名企业应同时满足：") followed by enumerated lines
 *   (（一）, 1., ①, 一是), plus a priority line right after; or with the conditions after its colon;
 * - a conditions section heading ("一、申报条件", or one ending in its conditions: "三、试点企业应当
 *   持续满足的条件") with the enumerated lines under it, one line of them separated by semicolons, or
 *   the conditions after it on the same line ("三、适用条件。…；…。");
 * - a sentence whose subject is the applicant (with a participation verb, or inside a condition
 *   section) and that carries a modal (须/应当/应已): its clauses from the modal on, procedure
 *   (提交, 预约, 配合…) left out;
 * - a sufficient condition scoped to an applicant ("…企业只要已在海关备案，即可…", "凡…的企业，均可…");
 * - a case that disqualifies, stated on its own ("被列为失信企业的，不得作为集拼发货人");
 * - a table column of conditions;
 * - a bracketed list after a conditions word or whom it qualifies (符合条件的企业（…；…）);
 * - on English pages, a sentence whose subject is the applicant and whose verb is must/shall, or
 *   the clauses after "qualify if".
 */
import { keyValueRows, type Table } from '../text/body.ts';
import { inlineCorrections } from './corrections.ts';
import { LIST_ITEM } from './sentences.ts';
import type { Vocabulary } from './vocab.ts';
import type { Explanation } from './types.ts';

/** A numbered item of a list (第（一）项): a condition when the lines before speak of conditions. */
const ITEM_REF = /第[（(]?[一二三四五六七八九十0-9]+[)）]?项/u;
/** The label that opens an answer (答, 答复, the official answering an interview: 负责人): the answer is read as a line of its own. */
export const ANSWER = /^(答复?|A|[^\s：:，。]{0,8}(负责人|局长|关长|处长|主任))[：:]\s*/u;
/** A clause with its own subject and a modal of obligation (车辆须整车装载…). */
const OWN_SUBJECT_MODAL = /^[\u4e00-\u9fff]{2,8}(须|必须|应当)(?!知)[\u4e00-\u9fff]/u;
const REQUIREMENTS = /要求|条件/u;
/** A reporter of a named outlet asking (广州日报记者：). */
const REPORTER = /^[^\s：:，。]{1,8}记者[：:]/u;
/** A speaker's name as the label of a line (梁志刚：): an answer when it follows a question. */
const SPEAKER = /^[\u4e00-\u9fff]{2,4}[：:]\s*/u;
/** A short heading among enumerated conditions: what the items under it are about. */
// (Not a clause that has or meets something: 具备开展电子申报的条件 is a condition.)
const SUBHEADING = /^(?!(具备|具有|拥有|符合|满足|达到))[^，,；;。]{0,10}(的)?(要求|条件|方面|标准)$/u;
const INLINE_FIRST = /一是/u;
const INLINE_NEXT = /二是/u;
const INLINE_SPLIT = /(?=[一二三四五六七八九十]是)/u;
const SECTION = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/u;
/** A conditional clause whose subject is the applicant: it opens the clause and the clause ends in 的 (企业申请签发…的). */
const CONDITIONAL_APPLICANT = /^[^，,；;。]{0,6}?(?:企业|申请人|申请单位|经营者)[^，,；;。]{2,30}的$/u;
/** A heading that names the conditions under it: a few words ending in 条件 or 要求, no punctuation. */
const CONDITIONS_HEADING = /^[^，,；;。：:\s]{0,18}(条件|资格要求)$/u;
/** A heading line: a section marker and a few words, nothing else. */
const HEADING_MAX = 12;

function cleanClause(raw: string, v: Vocabulary): string {
  const r = v.eligibilityRules;
  // An attachment's name ends in its file type (…不合格）.docx).
  let s = raw
    .trim()
    .replace(r.leadingStrip, '')
    .replace(/\.(docx?|xlsx?|pdf|wps|et|zip|rar)$/iu, '');
  for (let i = 0; i < 2; i++) s = s.replace(r.connectorStrip, '');
  s = s.replace(r.trailingStrip, '').trim();
  // A bracket closed after the clause was opened before it (…（A；B）): not the clause's own.
  return /[）)]$/u.test(s) && !/[（(]/u.test(s) ? s.slice(0, -1).replace(r.trailingStrip, '').trim() : s;
}

/** A sentence opening a measure to applications (…开放申请, …接受申请, 企业可…申请): the next sentence's modal states its conditions. */
const OPEN_TO_APPLY = /(开放|接受|受理)[^，。；]{0,4}(申请|报名)|可[^，。；]{0,12}(申请|报名)[^，。；]{0,8}$/u;

const sentencesOf = (line: string) => line.match(/[^。！？]+[。！？]?/gu) ?? [];
const latin = (s: string) => !/[\u3400-\u9fff]/u.test(s);
const ENGLISH_MODAL = /\b(must|shall|should|are required to)\b/iu;
/** An English list of conditions on the same line: "…meets all of the following conditions: it is…; it has…". */
const ENGLISH_LIST = /\b(following|these|two|three|four|five)\s+(conditions|requirements|criteria)\b[^:.]{0,20}:\s*(?<items>.+)$/iu;
/** An English sufficient condition for the applicant: "Visitors qualify if …", "firms (of the listed products) are eligible if …". */
const ENGLISH_IF =
  /^(?:(?:a|an|the|each|every|overseas|foreign)\s+)*(?:[A-Z][a-z]+\s+)?(?:exporters?|applicants?|compan(?:y|ies)|enterprises?|firms?|producers?|growers?|shippers?|importers?|travell?ers?|passengers?|visitors?|shoppers?|buyers?|participants?)(?:\s+(?:of|from|in|with)\s+[^,.]{1,40}?)?\s+(?:qualif(?:y|ies)|(?:are|is) eligible|can apply|may apply|may take part|can take part)\s+(?:only\s+)?if\s+(?<items>.+)$/iu;
/**
 * A bracketed list after a conditions word, or after whom it qualifies: "适用企业条件（一、…；二、…）",
 * "符合条件的企业（…；…）"; after whom it qualifies the items may be separated by 、 too
 * ("符合条件的企业（已在…登记、已取得…证书）"), each long enough to be a condition, not a name.
 */
const BRACKETED_CONDITIONS = /条件(?:的[^（(，。；]{0,8})?[（(](?<items>[^）)]*[；;][^）)]*)[）)]/gu;
const BRACKETED_ENUMERATION = /条件的[^（(，。；]{0,8}[（(](?<items>[^）)；;、]{4,}(?:、[^）)；;、]{4,})+)[）)]/gu;
/** Where one English condition ends and the next begins: a semicolon, a comma or "and" before the next modal clause, or a comma before the next verb the modal governs (must be registered…, keep records…, and have had…). */
const ENGLISH_CLAUSE =
  /;\s*(?:and\s+)?|(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:(?:they|it|each|the (?:firm|company|exporter|applicant))\s+)?(?:must|shall|should)\b)|,\s+and\s+(?=(?:[^\s,.]+\s+){1,8}(?:must|shall|should)\b)|(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:not\s+)?(?:be|have|hold|keep|use|run|provide|submit|meet|maintain|comply|own|operate|employ|obtain|pass|ensure|sign|file|accept|agree|register|declare|store|label)\s)|,\s*(?=(?:[\w'’-]+\s+){1,4}(?:must|shall|should)\b)/iu;
/** A line that announces the conditions listed under it ("Applicants must:", "… meet the following conditions:"). */
const ENGLISH_HEADER = /\b(must|shall|conditions|requirements|criteria)\b[^.]{0,60}:\s*$/iu;

/** Keys of a notice's other sections in a key-value table (适用区域, 申报材料, 办理时限). */
const OTHER_SECTION_KEY = /(区域|范围|商品|产品|材料|时限|期限|流程|方式|地点|电话|依据)$/u;

/** A clause whose subject is an authority, not the applicant (海关对…实施, 主管部门将…). */
const AUTHORITY_SUBJECT =
  /^\s*(?:并|同时|另外)?(?:各|本|我|主管|属地|直属|隶属)?(?:海关|关区|关|商务部门|主管部门|有关部门|相关部门)(?:将|会|对|为|可|应|在|按|依|负责|定期|及时|优先|给予|提供)/u;

/** What an applicant is asked to confirm or prove about itself, up to what happens next (…后, 方可). */
const ATTESTED = /(?:确认|证明)(?:本企业|本单位|其|该企业)(?<items>[^。？?]{6,200}?)(?=后[，,]|[，,]?(?:方可|再|即可|的，)|。|$)/gu;
/** A piece that states something (a verb, a negation, a measure): a condition of its own, not the tail of the one before. */
const STATES = /(为|是|不|未|无|已|满|在|有|具备|具有|取得|达到|超过|低于|高于|通过|完成|签订|安装|纳入|列入|备案|符合|满足)/u;

/** The conditions in what an applicant attests: pieces between commas, 、 and 且, a piece that states nothing joined back to the one before (主营产品为A、B或C). */
function attestedParts(items: string): string[] {
  const out: string[] = [];
  for (const piece of items.split(/[，,；;]|、|(?:并且|且)/u)) {
    const p = piece.trim();
    if (!p) continue;
    if (out.length && !STATES.test(p)) out[out.length - 1] += `、${p}`;
    else out.push(p);
  }
  return out;
}

export function findEligibility(lines: string[], v: Vocabulary, tables: Table[] = []): { eligibility: string[]; explain: Explanation[] } {
  const r = v.eligibilityRules;
  const subjectAtEnd = new RegExp(`${r.subject.source}的?$`, 'u');
  // The applicant named applying for what the conditions are for (企业申请进入内陆“绿色通道”, …企业申请纳入试点).
  // A clause naming the applicant by what it does (需要使用内陆绿色通道的出口企业): a modal inside it describes, not requires.
  const namesApplicant = new RegExp(`^[^须应需必]*需要[^，,；;]{1,30}的[^，,；;的]{0,6}${r.subject.source}$`, 'u');
  const applyingAtEnd = new RegExp(`${r.subject.source}(拟|要)?(申请|申报|要求)(进入|加入|适用|参与|参加|纳入|享受|使用)[^，,；;。]{0,16}$`, 'u');
  const out: string[] = [];
  const explain: Explanation[] = [];
  const add = (raw: string, rule: string, position: number) => {
    let c = cleanClause(raw, v);
    // "应当符合附件1所列条件（A；B）": the pointer is no condition, the bracketed list after it is.
    if (r.notCondition.test(c)) {
      const at = c.search(/[（(：:]/u);
      c = at >= 0 ? cleanClause(c.slice(at + 1), v) : '';
    }
    const max = latin(c) ? r.maxLengthEn : r.maxLength;
    if (c.length < r.minLength || c.length > max || r.negative.test(c) || r.notCondition.test(c) || out.includes(c)) return;
    out.push(c);
    explain.push({ field: 'eligibility', value: c, rule, position });
  };
  /** Enumerated lines from `from` on; the index after them, with a priority line right after kept. */
  const enumerated = (from: number, rule: string, position: number): number => {
    let j = from;
    // Items without markers are short lines ending in a semicolon, the last one in a full stop.
    const plain = (k: number) => {
      const l = (lines[k] ?? '').trim();
      if (l.length > r.maxLength + 2) return false;
      return /[；;]$/u.test(l) || (k > from && /。$/u.test(l) && /[；;]$/u.test((lines[k - 1] ?? '').trim()));
    };
    const unmarked = from < lines.length && !LIST_ITEM.test(lines[from]!) && /[；;]$/u.test((lines[from] ?? '').trim());
    const item = (k: number) => LIST_ITEM.test(lines[k]!) || (unmarked && plain(k));
    for (; j < lines.length && item(j); j++) {
      // A subheading among the items (（一）对申请企业的要求) heads the items under it.
      if (SUBHEADING.test(cleanClause(lines[j]!, v))) continue;
      add(lines[j]!, rule, position);
      if (unmarked && /。$/u.test(lines[j]!.trim())) {
        j++;
        break;
      }
    }
    if (j > from && j < lines.length && r.priority.test(lines[j]!) && lines[j]!.length <= 60) add(lines[j]!, 'priority clause after the conditions', position);
    return j;
  };
  /**
   * "A；B" after a header or heading; a leading clause that only names the subject is dropped.
   * After a heading, a run with no semicolon is a run of conditions separated by commas.
   */
  const listAfter = (text: string, rule: string, position: number, commas = false) => {
    const parts = text.split(/[；;]/);
    const byCommas = commas && parts.length === 1;
    const split = byCommas ? text.replace(r.scopeClause, '').split(/[，,]/) : parts;
    for (const part of split) {
      // A comma run may go on to what to do and when (…，于每月10日前将申请表报送属地海关): procedure.
      if (byCommas && r.procedure.test(cleanClause(part, v))) continue;
      add(part.trim().replace(r.scopeClause, ''), rule, position);
    }
  };
  /** The applicant is the subject of a modal ("申请…的企业须同时满足", "参与试点的企业应当"). */
  const applicantModal = (text: string, inSection: boolean): boolean => {
    const m = r.modal.exec(text);
    if (!m) return false;
    const parts = text.slice(0, m.index).split(/[，,；;]/);
    const subject = parts.pop()!.replace(/[“”"「」\s]/g, '');
    // The applicant applying may have its own clause before the modal's (…企业申请纳入试点，应当…).
    if (!subject && parts.length) return applyingAtEnd.test(parts.pop()!.replace(/[“”"「」\s]/g, ''));
    return subjectAtEnd.test(subject) && (r.participation.test(subject) || inSection);
  };

  /** One line of conditions separated by semicolons under a heading (A；B；C。), not items, a section or a header. */
  const conditionsLine = (l: string) => !LIST_ITEM.test(l) && !SECTION.test(l) && !/[：:]/u.test(l) && !r.header.test(l) && /[；;]/u.test(l) && l.length <= 300;

  // A question line of a Q&A or an interview (问3：…？, 记者：…？), as the document's kind reads it.
  const d = v.signalRules.documentKind;
  // (An outlet's reporter asks too: 广州日报记者：…？)
  const asksQuestion = (l: string) => (d.questionLine.test(l) || d.interviewerLine.test(l) || REPORTER.test(l)) && /[？?]\s*$/u.test(l);
  let inSection = false;
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const lineStart = offset;
    offset += lines[i]!.length + 1;
    const line = lines[i]!.replace(ANSWER, '');
    // A correction of a condition (第（一）项原为“…”，现更正为“…”): the corrected wording is the condition, the original is not.
    // Only a correction notice's wording (原为…，现更正为…), not a mode changed (将“逐批检验”调整为…).
    const aboutConditions =
      /原为|更正为/u.test(line) && (/条件/u.test(line) || (ITEM_REF.test(line) && /条件/u.test(lines.slice(Math.max(0, i - 2), i).join(''))));
    const corrected = aboutConditions ? inlineCorrections(line).filter((c) => c.fromStart >= 0) : [];
    if (corrected.length) {
      for (const c of corrected) add(c.to, 'corrected condition (原为…，现更正为…)', lineStart);
      continue;
    }
    // A question about conditions (问：申请企业需要满足什么条件？) makes its answer a conditions section.
    if (asksQuestion(lines[i]!)) {
      inSection = /条件|要求|资格/u.test(lines[i]!);
      // An answer that is one run of conditions separated by semicolons (答：A；B；C。) lists them.
      const next = lines[i + 1] ?? '';
      // At a press conference the answer opens with the speaker's name (梁志刚：…).
      const label = ANSWER.test(next) ? ANSWER : SPEAKER;
      // A short lead before a colon (主要有三条：) only announces the run.
      const answer = next.replace(label, '').replace(/^[^：:，,。；;]{0,10}[：:]\s*/u, '');
      if (inSection && label.test(next) && conditionsLine(answer)) {
        // Only its sentences that are such runs: a remark around them (条件并不复杂。) is none.
        for (const sent of sentencesOf(answer)) if (/[；;]/u.test(sent)) listAfter(sent, 'conditions in the answer to a question about them', offset);
        offset += next.length + 1;
        i++;
      }
      continue;
    }
    // A bare heading line (企业条件, 申请条件) opens a conditions section like a numbered one.
    if (!SECTION.test(line) && line.trim().length <= 8 && !/[，,。；;：:]/u.test(line) && r.section.test(line)) {
      inSection = true;
      // Its conditions may follow on one line, separated by semicolons (【谁能办】 A；B；C。).
      const next = lines[i + 1] ?? '';
      if (conditionsLine(next)) {
        for (const sent of sentencesOf(next)) listAfter(sent, 'conditions on the line under a conditions heading', offset);
        offset += next.length + 1;
        i++;
      }
      continue;
    }
    if (SECTION.test(line)) {
      // A heading that ends in the conditions it introduces (三、试点企业应当持续满足的条件) is one too.
      const conditionsHeading = CONDITIONS_HEADING.test(line.replace(SECTION, '').trim());
      inSection = r.section.test(line.slice(0, 12)) || conditionsHeading;
      if (inSection) {
        const rest = line.replace(SECTION, '');
        const cut = rest.search(/[。：:\s]/u);
        const heading = cut >= 0 ? rest.slice(0, cut) : rest;
        const after = cut >= 0 ? rest.slice(cut + 1).trim() : '';
        if ((heading.length <= HEADING_MAX && r.section.test(heading)) || conditionsHeading) {
          // "一、申报条件" alone: the enumerated lines under it. "三、适用条件。A；B。": the rest of the line.
          if (!after.replace(/[。；;\s]/g, '')) {
            let j = enumerated(i + 1, 'enumerated condition under a conditions heading', lineStart);
            // Or one line of conditions separated by semicolons (A；B；C。).
            const next = lines[i + 1] ?? '';
            if (j === i + 1 && conditionsLine(next)) {
              for (const sent of sentencesOf(next)) listAfter(sent, 'conditions on the line under a conditions heading', lineStart);
              j = i + 2;
            }
            if (j > i + 1) {
              offset += lines.slice(i + 1, j).reduce((n, l) => n + l.length + 1, 0);
              i = j - 1;
            }
            continue;
          }
          // (Read the header in the first part only: a condition may end in 条件 itself, 具备…申报的条件.)
          if (!r.header.test(after.split(/[；;]/u)[0]!) && !applicantModal(after.split(/[：:]/)[0]!, true)) {
            for (const sent of sentencesOf(after)) listAfter(sent, 'conditions after a conditions heading', lineStart, true);
            continue;
          }
        }
      }
    }
    let previous = '';
    for (const sent of sentencesOf(line)) {
      const before = previous;
      previous = sent;
      if (SECTION.test(sent) && sent.length <= 14) continue;
      const colon = sent.search(/[：:]/);
      const head = colon >= 0 ? sent.slice(0, colon) : sent;
      // Header with the list after its colon, or on the following enumerated lines.
      // An applicant told what to submit (申请企业应当提交下列材料：) is given a procedure, not conditions.
      if (colon >= 0 && (r.header.test(head) || (applicantModal(head, inSection) && !r.materials.test(head)))) {
        // A condition stated before the header (申请企业应为…企业，并同时满足以下要求：…).
        const lead = head.split(/[，,]/u);
        const m0 = lead.length > 1 ? r.modal.exec(lead[0]!) : null;
        if (m0 && !r.header.test(lead[0]!) && applicantModal(lead[0]!, inSection))
          add(lead[0]!.slice(m0.index + m0[0].length), 'condition stated before a header', lineStart);
        const rest = sent.slice(colon + 1).trim();
        // What a header introduces is a list: without semicolons, its commas separate the conditions.
        if (rest.replace(/[。；;\s]/g, '')) listAfter(rest, 'condition list after a header', lineStart, true);
        else enumerated(i + 1, 'enumerated condition under a header', lineStart);
        continue;
      }
      if (r.negative.test(sent)) continue;
      // "纳入白名单的企业，一是…；二是…": inline enumerated conditions after the applicant.
      const inline = sent.search(INLINE_FIRST);
      if (inline > 0 && INLINE_NEXT.test(sent.slice(inline + 2))) {
        const lead = sent
          .slice(0, inline)
          .replace(/[，,：:\s]+$/u, '')
          .split(/[，,；;。]/)
          .pop()!
          .replace(/[“”"「」\s]/g, '');
        // (…or the applicant applying for what the conditions are for: 企业申请进入内陆“绿色通道”，一是…)
        if ((subjectAtEnd.test(lead) || applyingAtEnd.test(lead)) && (r.participation.test(lead) || inSection)) {
          for (const part of sent.slice(inline).split(INLINE_SPLIT)) add(part, 'inline enumerated conditions after the applicant (一是…二是…)', lineStart);
          continue;
        }
      }
      // A sufficient condition scoped to an applicant: "…企业只要已在海关备案，即可享受…".
      for (const m of sent.matchAll(r.sufficient)) {
        const g = m.groups ?? {};
        const subject = (g.subject ?? '').replace(/[“”"「」\s]/g, '');
        const condition = g.condition ?? '';
        if (subjectAtEnd.test(subject) || r.subject.test(condition)) add(condition, 'sufficient condition for the applicant (只要…即可)', lineStart);
      }
      // Conditions named inline before 条件: "须同时满足出口规模较大、质量稳定、目标市场明确三项条件".
      for (const m of sent.matchAll(r.inlineConditions))
        for (const part of (m.groups?.items ?? '').split('、')) add(part, 'conditions named before 条件 (满足A、B、C三项条件)', lineStart);
      // A bracketed list after a conditions word: "适用企业条件（一、…；二、…）".
      for (const m of sent.matchAll(BRACKETED_CONDITIONS))
        for (const part of (m.groups?.items ?? '').split(/[；;]/u))
          add(part.replace(/^[一二三四五六七八九十0-9]+[、.．]/u, ''), 'a bracketed list of conditions', lineStart);
      for (const m of sent.matchAll(BRACKETED_ENUMERATION))
        for (const part of (m.groups?.items ?? '').split('、')) add(part, 'a bracketed list of conditions', lineStart);
      // A case that disqualifies, stated on its own: "被列为失信企业的，不得作为集拼发货人".
      for (const m of sent.matchAll(r.disqualifying)) add(m[0], 'a case that disqualifies (…的，不予/不得…)', lineStart);
      // …or that gives priority: "海关高级认证企业同等条件下优先纳入".
      for (const m of sent.matchAll(r.priorityCase)) add(m[0], 'a case that gives priority (…企业优先纳入)', lineStart);
      // Who may apply, described as a class: "注册地在…的出口食品生产企业均可申请".
      for (const m of sent.matchAll(r.whoMayApply)) add(m.groups?.condition ?? '', 'the class of firms that may apply (…的企业均可申请)', lineStart);
      for (const m of sent.matchAll(r.applicantObject)) add(m.groups?.condition ?? '', 'whom the service is for (服务对象为…的企业)', lineStart);
      // What the applicant is to confirm or prove about itself (确认本企业A、B且C后…; 证明其A，B，且C).
      // (Asked of the applicant earlier in the sentence; not what customs confirms: 海关…确认其离境信息.)
      for (const m of sent.matchAll(ATTESTED)) {
        const before = sent.slice(0, m.index);
        if (!/(请|申请|申报)/u.test(before) || /海关[^，。；]{0,12}$/u.test(before)) continue;
        for (const part of attestedParts(m.groups?.items ?? '')) add(part, 'what the applicant confirms or proves about itself', lineStart);
      }
      // Three or more clauses, each stating what one party or the goods must be (申报货物须为…，车辆须…，
      // 发货人须为…), where the sentence or the text before it speaks of requirements: each is a condition.
      const own = sent.split(/[，,；;]/u).filter((c) => OWN_SUBJECT_MODAL.test(c.trim()));
      if (own.length >= 3 && REQUIREMENTS.test(`${lines[i - 1] ?? ''}${line.slice(0, line.indexOf(sent) + sent.length)}`))
        for (const c of own) add(c, 'clauses each stating what a party or the goods must be', lineStart);
      // Applicant + modal sentence.
      const clauses = sent.split(/[，,；;]/);
      // A modal inside the clause naming the applicant (需要使用…的出口企业，应当…) is part of its name.
      const mi = clauses.findIndex((c) => r.modal.test(c) && !namesApplicant.test(c.trim()));
      if (mi < 0) continue;
      const modalClause = clauses[mi]!;
      const m = r.modal.exec(modalClause)!;
      const beforeModal = modalClause.slice(0, m.index);
      let subject = beforeModal;
      if (!subject.replace(/^其/, '').trim() || (!r.subject.test(subject) && mi > 0)) subject = clauses[mi - 1] ?? '';
      const subjectHead = subject.replace(/[“”"「」\s]/g, '').replace(/(均|也|还|都)$/u, '');
      // The applicant may open a conditional clause the modal follows (企业申请签发电子证书的，应当…).
      const conditional = CONDITIONAL_APPLICANT.test(subjectHead) && r.subject.test(subjectHead.slice(0, 8));
      // …or be named applying (目录内产品的出口生产企业申请纳入试点，应当…).
      const applying = applyingAtEnd.test(subjectHead);
      if (!subjectAtEnd.test(subjectHead) && !conditional && !applying) continue;
      // A step before it (概要申报后车辆须…, 入选后企业应…) makes the modal a procedure or an obligation.
      if (/\p{Script=Han}{2}后(?!续|期|方)/u.test(subjectHead)) continue;
      // A subject that refers back (申请使用…的出口企业，其供货果园应…) is the applicant's: the clause before names it.
      const applicant = /^其/u.test(subject.trim()) && mi > 0 ? `${clauses[mi - 1]}${subject}` : subject;
      // (What the applicant takes part in may be the sentence before: 试点对辖区茶企开放申请。企业须…)
      if (!(r.participation.test(applicant) || inSection || OPEN_TO_APPLY.test(before))) continue;
      const first = r.subject.test(beforeModal) ? modalClause.slice(m.index + m[0].length) : modalClause;
      for (const c of [first, ...clauses.slice(mi + 1)]) {
        // A clause with the authority as its subject (海关对试点企业…, 并定期通报…) ends the applicant's.
        if (AUTHORITY_SUBJECT.test(c)) break;
        // What to do, when or how is procedure (or a pilot's obligation), not a condition.
        if (r.procedure.test(cleanClause(c, v))) continue;
        add(c, 'condition stated for the applicant (subject + modal)', lineStart);
      }
    }
    // English: "Exporters must have registered orchards with customs." One condition per modal
    // clause ("…must be registered…, and must not have had…"), and the items after a header that
    // ends in a colon ("…must meet three conditions: they must…, they must…").
    if (latin(line))
      for (const sent of line.split(/(?<=\.)\s+/u)) {
        const t = sent.trim();
        const list = ENGLISH_LIST.exec(t);
        if (list) {
          for (const c of (list.groups?.items ?? '').split(ENGLISH_CLAUSE)) if (c.trim()) add(c, 'condition listed after an English header', lineStart);
          continue;
        }
        // "Visitors qualify if they have stayed…, spend…, and take…": each clause after the if.
        const cond = ENGLISH_IF.exec(t);
        if (cond) {
          for (const c of (cond.groups?.items ?? '').split(/,\s*(?:and\s+)?|;\s*(?:and\s+)?/u)) if (c.trim()) add(c, 'condition after "qualify if"', lineStart);
          continue;
        }
        // A header ending in a colon ("Applicants must meet three conditions:") introduces the lines under it.
        if (!r.english.test(t) || /:$/u.test(t)) continue;
        const colon = t.indexOf(':');
        const modal = t.search(ENGLISH_MODAL);
        const body = colon >= 0 && colon < t.length - 1 ? t.slice(colon + 1) : modal >= 0 ? t.slice(modal) : t;
        for (const c of body.split(ENGLISH_CLAUSE)) if (c.trim()) add(c, 'condition stated for the applicant (must/shall)', lineStart);
      }
    // "Applicants must:" then one condition per line, up to the line that ends the sentence.
    if (latin(line) && ENGLISH_HEADER.test(line.trim())) {
      for (let j = i + 1; j < lines.length && latin(lines[j]!) && lines[j]!.trim(); j++) {
        add(lines[j]!.replace(/;?\s*and\s*$/iu, ''), 'condition listed after an English header', lineStart);
        if (/\.\s*$/u.test(lines[j]!)) break;
      }
    }
  }
  // A column of conditions in a table: each cell, split at its line breaks and semicolons.
  for (const t of tables) {
    // A key-value table with no header row (企业条件 | …, 申请条件 | 1.…；2.…): the rows keyed by a condition word hold conditions.
    // (A header over the values, 项目 | 具体要求, makes it a table with a conditions column instead.)
    // With such a header, rows keyed by a condition word beside rows keyed otherwise (适用区域, 申报材料 |
    // …; 申请企业条件 | …) still hold the only conditions: the column is one of answers, not of conditions.
    const headed = r.conditionColumn.test((t.header[1] ?? '').trim());
    const kv = keyValueRows(t);
    const keyedRows = (kv ?? []).filter(([key, value]) => r.conditionColumn.test(key) && !r.conditionColumn.test(value.trim()));
    const answers = (kv ?? []).some(([key]) => OTHER_SECTION_KEY.test(key));
    const keyed = !headed || (keyedRows.length > 0 && answers) ? keyedRows : [];
    for (const [, value] of keyed) for (const part of value.split(/[\n；;]|\s+(?=[0-9]+[.、．])/u)) add(part, 'condition in a key-value table', -1);
    if (keyed.length) continue;
    // A two-column table of conditions (条件 | 具体要求) names each in its first column and states it in the last.
    // (Conditions to meet and cases turned away may stand in two such columns: both hold conditions.)
    const cols = t.header.flatMap((h, k) => (r.conditionColumn.test(h.trim()) ? [k] : []));
    const read = cols.length > 1 && cols.every((k) => k > 0) ? cols : cols.slice(-1);
    for (const col of read) for (const row of t.rows) for (const part of (row[col] ?? '').split(/[\n；;]/)) add(part, 'condition column of a table', -1);
  }
  return { eligibility: out, explain };
}
