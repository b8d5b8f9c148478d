/**
 * Sentences and clauses of the body text, with the context flags the rules use: a sentence
 * citing earlier experience or an example (past), a clause naming a later idea (future), a
 * statistics sentence. Offsets are positions in the body text.
 */
import type { Vocabulary } from './vocab.ts';

export interface Clause {
  text: string;
  start: number;
  future: boolean;
}

export interface Sentence {
  text: string;
  start: number;
  line: number;
  past: boolean;
  statistics: boolean;
  clauses: Clause[];
}

/** Text with English words in it (a word of three letters or more), Chinese around them or not. */
export const hasEnglishWords = (s: string): boolean => /[a-z]{3}/iu.test(s);
/** English text: English words and no Chinese. */
export const isEnglish = (s: string): boolean => !/[\u4e00-\u9fff]/u.test(s) && hasEnglishWords(s);

/** English words whose full stop ends no sentence (Co., No. 6, Mr., Jan.). */
export const ENGLISH_ABBREVIATION = '(?:Co|Ltd|No|Nos|Mr|Mrs|Ms|Dr|St|Inc|Corp|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|govt|dept)';

/**
 * Chinese sentence ends, and an English full stop before a capital (not after a title or an
 * abbreviation: Co., No., Mr.), so that an English paragraph is read sentence by sentence.
 */
const SENTENCE_END = new RegExp(`[。！？!?]+[”’」』"]*|(?<=[a-z0-9)”"’])(?<!\\b${ENGLISH_ABBREVIATION})\\.(?=\\s+[A-Z“"‘])|$`, 'gu');

/** A month earlier this year (今年3月): with a completed act (DONE) in its clause, a look back. */
export const EARLIER_THIS_YEAR = /今年\s*\d{1,2}\s*月(份|初|上旬|中旬|下旬|底)?/u;
/** The perfective 已 of a completed act; not 已经/已于 … 起 of a date the measure starts from. */
export const DONE = /已(?!于)/u;
/** The mark opening an item of a list: （一）, (1), 1., ①, 一是, or a bullet (✅ ● ■ ◆ ★). */
export const LIST_ITEM =
  /^(（[0-9一二三四五六七八九十]+）|\([0-9一二三四五六七八九十]+\)|[0-9]+[.、．)）]|[①②③④⑤⑥⑦⑧⑨⑩]|[一二三四五六七八九十]是|[✅✔☑√●○■□◆◇▪•·★☆▶►])/u;

export function pastYear(text: string, docYear: number, v: Vocabulary): boolean {
  let masked = text;
  for (const ex of v.context.pastYearExceptions) masked = masked.replace(new RegExp(ex.source, 'gu'), (m) => ' '.repeat(m.length));
  for (const m of masked.matchAll(new RegExp(v.context.pastYear.source, 'gu'))) {
    if (Number(m[1]) < docYear) return true;
  }
  return false;
}

export function splitSentences(lines: string[], docYear: number, v: Vocabulary): Sentence[] {
  const out: Sentence[] = [];
  let offset = 0;
  lines.forEach((line, li) => {
    let last = 0;
    for (const m of line.matchAll(SENTENCE_END)) {
      const end = m.index + m[0].length;
      const text = line.slice(last, end);
      if (text.trim()) {
        const start = offset + last;
        const clauses: Clause[] = [];
        let cl = 0;
        for (const c of text.matchAll(/[，；,;：:]|$/gu)) {
          const ce = c.index + c[0].length;
          const ct = text.slice(cl, ce);
          if (ct.trim()) clauses.push({ text: ct, start: start + cl, future: v.context.future.some((r) => r.test(ct)) });
          cl = ce;
          if (c[0] === '') break;
        }
        out.push({
          text,
          start,
          line: li,
          past: v.context.past.test(text) || pastYear(text, docYear, v),
          statistics: v.context.statistics.test(text),
          clauses,
        });
      }
      last = end;
      if (m[0] === '') break;
    }
    offset += line.length + 1;
  });
  return out;
}

/** The clause of a sentence that holds a body-text position. */
export function clauseAt(s: Sentence, pos: number): Clause | undefined {
  let found: Clause | undefined;
  for (const c of s.clauses) if (c.start <= pos) found = c;
  return found;
}
