/**
 * Eligibility: the conditions a company must meet, as short verbatim clauses.
 * - a header ("应当同时具备以下条件：") followed by enumerated lines, plus a priority line right after;
 * - a header with the conditions after its colon, split at "；";
 * - a sentence whose subject is the applicant (with a participation verb, or inside a condition
 *   section) and that carries a modal (须/应当/应为): its clauses from the modal on.
 */
import type { Vocabulary } from './vocab.ts';
import type { Explanation } from './types.ts';

const MARKER = /^(（[一二三四五六七八九十]+）|\([0-9一二三四五六七八九十]+\)|[0-9]+[.、．)）]|[①②③④⑤⑥⑦⑧⑨⑩])/u;
const SECTION = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/u;

function cleanClause(raw: string, v: Vocabulary): string {
  const r = v.eligibilityRules;
  let s = raw.trim().replace(r.leadingStrip, '');
  for (let i = 0; i < 2; i++) s = s.replace(r.connectorStrip, '');
  return s.replace(r.trailingStrip, '').trim();
}

/** "申请…的企业须同时满足" / "参与试点的企业应当": the applicant is the subject of a modal. */
function applicantModal(text: string, inSection: boolean, v: Vocabulary): boolean {
  const r = v.eligibilityRules;
  const m = r.modal.exec(text);
  if (!m) return false;
  const subject = text.slice(0, m.index).split(/[，,；;]/).pop()!.replace(/[“”"「」\s]/g, '');
  return new RegExp(`${r.subject.source}的?$`, 'u').test(subject) && (r.participation.test(subject) || inSection);
}

const sentencesOf = (line: string) => line.match(/[^。！？]+[。！？]?/gu) ?? [];

export function findEligibility(lines: string[], v: Vocabulary): { eligibility: string[]; explain: Explanation[] } {
  const r = v.eligibilityRules;
  const out: string[] = [];
  const explain: Explanation[] = [];
  const add = (raw: string, rule: string, position: number) => {
    const c = cleanClause(raw, v);
    if (c.length < r.minLength || c.length > r.maxLength || r.negative.test(c) || out.includes(c)) return;
    out.push(c);
    explain.push({ field: 'eligibility', value: c, rule, position });
  };
  let inSection = false;
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineStart = offset;
    offset += line.length + 1;
    if (SECTION.test(line)) inSection = r.section.test(line.slice(0, 12));
    for (const sent of sentencesOf(line)) {
      if (SECTION.test(sent) && sent.length <= 14) continue;
      const colon = sent.search(/[：:]/);
      const head = colon >= 0 ? sent.slice(0, colon) : sent;
      // Header with the list after its colon, or on the following enumerated lines.
      if (colon >= 0 && (r.header.test(head) || applicantModal(head, inSection, v))) {
        const rest = sent.slice(colon + 1).trim();
        if (rest.replace(/[。；;\s]/g, '')) {
          for (const part of rest.split(/[；;]/)) add(part, 'condition list after a header', lineStart);
        } else {
          let j = i + 1;
          for (; j < lines.length && MARKER.test(lines[j]!); j++) add(lines[j]!, 'enumerated condition under a header', lineStart);
          if (j < lines.length && r.priority.test(lines[j]!) && lines[j]!.length <= 60) add(lines[j]!, 'priority clause after the conditions', lineStart);
        }
        continue;
      }
      if (r.negative.test(sent)) continue;
      // Applicant + modal sentence.
      const clauses = sent.split(/[，,；;]/);
      const mi = clauses.findIndex((c) => r.modal.test(c));
      if (mi < 0) continue;
      const modalClause = clauses[mi]!;
      const m = r.modal.exec(modalClause)!;
      const beforeModal = modalClause.slice(0, m.index);
      let subject = beforeModal;
      if (!subject.replace(/^其/, '').trim() || (!r.subject.test(subject) && mi > 0)) subject = clauses[mi - 1] ?? '';
      const subjectHead = subject.replace(/[“”"「」\s]/g, '');
      if (!new RegExp(`${r.subject.source}的?$`, 'u').test(subjectHead)) continue;
      if (!(r.participation.test(subject) || inSection)) continue;
      const first = r.subject.test(beforeModal) ? modalClause.slice(m.index + m[0].length) : modalClause;
      add(first, 'condition stated for the applicant (subject + modal)', lineStart);
      for (const c of clauses.slice(mi + 1)) add(c, 'condition stated for the applicant (subject + modal)', lineStart);
    }
  }
  return { eligibility: out, explain };
}
