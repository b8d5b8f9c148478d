/** Is the page about the facilitation action, or does it roll out a tracked measure? */
import { pastYear, type Sentence } from './sentences.ts';
import type { Vocabulary } from './vocab.ts';
import type { Explanation } from './types.ts';
import type { MeasureHit } from './measures.ts';

export interface Relevance {
  relevant: boolean;
  /** 'action' | 'measure' | 'veto' | 'none' */
  basis: string;
  explain: Explanation[];
}

export function decideRelevance(title: string, sentences: Sentence[], measureHits: MeasureHit[], v: Vocabulary, docYear: number): Relevance {
  // A title about an earlier edition (a past-year review) does not make the page relevant.
  const titleAction = pastYear(title, docYear, v) ? undefined : v.relevance.actionPatterns.find((r) => r.test(title));
  const veto = v.relevance.vetoTitle.find((r) => r.test(title));
  if (veto && !titleAction) {
    return { relevant: false, basis: 'veto', explain: [{ field: 'relevant', value: 'false', rule: 'notice type never relevant (title)', keyword: veto.source, position: -1 }] };
  }
  for (const s of sentences) {
    const bodyVeto = v.relevance.vetoBody.find((r) => r.test(s.text));
    if (bodyVeto && !titleAction) {
      return { relevant: false, basis: 'veto', explain: [{ field: 'relevant', value: 'false', rule: 'notice type never relevant (body)', keyword: bodyVeto.source, position: s.start }] };
    }
  }
  if (titleAction) return { relevant: true, basis: 'action', explain: [{ field: 'relevant', value: 'true', rule: 'title names the facilitation action', keyword: titleAction.source, position: -1 }] };
  for (const s of sentences) {
    if (s.past) continue;
    const r = v.relevance.actionPatterns.find((p) => p.test(s.text));
    if (r) return { relevant: true, basis: 'action', explain: [{ field: 'relevant', value: 'true', rule: 'body names the facilitation action (not as a past example)', keyword: r.source, position: s.start, excerpt: s.text.slice(0, 80) }] };
  }
  const strong = measureHits.find((h) => h.strong && !(h.position < 0 && pastYear(title, docYear, v)));
  if (strong) return { relevant: true, basis: 'measure', explain: [{ field: 'relevant', value: 'true', rule: 'a tracked measure is named by a distinctive keyword', keyword: strong.keyword, position: strong.position }] };
  return { relevant: false, basis: 'none', explain: [{ field: 'relevant', value: 'false', rule: 'neither the action nor a distinctive measure keyword outside past examples', position: -1 }] };
}
