/** The main point of a relevant page (see content/vocab/signal.json). */
import type { Signal } from '../../src/model/status.ts';
import type { Vocabulary } from './vocab.ts';
import type { Explanation } from './types.ts';

export function decideSignal(relevant: boolean, title: string, lines: string[], v: Vocabulary): { signal: Signal; explain: Explanation } {
  const r = v.signalRules;
  if (!relevant) return { signal: 'other', explain: { field: 'signal', value: 'other', rule: 'irrelevant page', position: -1 } };
  const body = lines.join('\n');
  // A local stop or a local "not here" is the page's point whatever else it reports.
  for (const [signal, cues, rule] of [
    ['suspended', r.suspended, 'the measure stops here'],
    ['not-announced', r.notAnnounced, 'the measure does not apply here'],
  ] as const) {
    const hit = cues.title.exec(title) ?? cues.body.exec(body);
    if (hit) return { signal, explain: { field: 'signal', value: signal, rule, keyword: hit[0], position: -1 } };
  }
  let m = r.operationalTitle.exec(title);
  if (m) return { signal: 'operational', explain: { field: 'signal', value: 'operational', rule: 'first use or results', keyword: m[0], position: -1 } };
  m = r.pilotListTitle.exec(title);
  if (m) return { signal: 'pilot-list', explain: { field: 'signal', value: 'pilot-list', rule: 'designates named products or enterprises', keyword: m[0], position: -1 } };
  m = r.eligibilityTitle.exec(title);
  if (m || (r.conditionSection.test(body) && r.procedureSection.test(body))) {
    return { signal: 'eligibility', explain: { field: 'signal', value: 'eligibility', rule: m ? 'title names conditions or a guide' : 'a conditions section and an application procedure', position: -1 } };
  }
  return { signal: 'launch', explain: { field: 'signal', value: 'launch', rule: 'relevant page that starts or extends a measure (default)', position: -1 } };
}
