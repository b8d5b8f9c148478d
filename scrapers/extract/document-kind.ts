/**
 * The kind of document a page is, read from its structure: a notice (its title ends in 公告/通知),
 * a Q&A (lines opening with a numbered 问, or a reply quoting the letter's questions), an interview (lines opening with 记者, or a title that
 * says so), a work briefing, or a plain report. The kind weighs the page's parts: a Q&A's
 * questions are its section headings; an interview or a briefing tells how measures run.
 */
import type { Vocabulary } from './vocab.ts';

export type DocumentKind = 'notice' | 'qa' | 'interview' | 'briefing' | 'report';

export interface DocumentShape {
  kind: DocumentKind;
  /** The question lines of a Q&A or an interview, without their 问N： mark. */
  questions: string[];
}

export function documentShape(title: string, lines: string[], v: Vocabulary): DocumentShape {
  const d = v.signalRules.documentKind;
  const marked = (re: RegExp) =>
    lines
      .map((l) => l.trim())
      .filter((l) => re.test(l))
      .map((l) => l.replace(re, ''));
  const asked = marked(d.questionLine);
  const interviewer = marked(d.interviewerLine);
  if (d.interviewTitle.test(title) || interviewer.length >= 2) return { kind: 'interview', questions: interviewer };
  if (asked.length >= 2) return { kind: 'qa', questions: asked };
  // A reply to a letter: the letter's questions (…如何适用？需要满足哪些条件？) are what the page answers.
  const letter = marked(d.letterLine).flatMap((l) => l.match(/[^。！？?]*[？?]/gu) ?? []);
  if (letter.length) return { kind: 'qa', questions: letter };
  if (d.briefingTitle.test(title)) return { kind: 'briefing', questions: [] };
  if (d.noticeTitle.test(title.trim())) return { kind: 'notice', questions: [] };
  return { kind: 'report', questions: [] };
}
