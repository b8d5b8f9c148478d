/** The main point of a relevant page (see content/vocab/signal.json). */
import type { Signal } from '../../src/model/status.ts';
import type { Vocabulary } from './vocab.ts';
import type { Explanation } from './types.ts';

export function decideSignal(relevant: boolean, title: string, lines: string[], v: Vocabulary): { signal: Signal; explain: Explanation } {
  const r = v.signalRules;
  if (!relevant) return { signal: 'other', explain: { field: 'signal', value: 'other', rule: 'irrelevant page', position: -1 } };
  let m = r.operationalTitle.exec(title);
  if (m) return { signal: 'operational', explain: { field: 'signal', value: 'operational', rule: 'first use or results', keyword: m[0], position: -1 } };
  m = r.pilotListTitle.exec(title);
  if (m) return { signal: 'pilot-list', explain: { field: 'signal', value: 'pilot-list', rule: 'designates named products or enterprises', keyword: m[0], position: -1 } };
  m = r.eligibilityTitle.exec(title);
  const body = lines.join('\n');
  if (m || (r.conditionSection.test(body) && r.procedureSection.test(body))) {
    return { signal: 'eligibility', explain: { field: 'signal', value: 'eligibility', rule: m ? 'title names conditions or a guide' : 'a conditions section and an application procedure', position: -1 } };
  }
  return { signal: 'launch', explain: { field: 'signal', value: 'launch', rule: 'relevant page that starts or extends a measure (default)', position: -1 } };
}
