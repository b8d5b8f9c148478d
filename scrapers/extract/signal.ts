/** The main point of a relevant page (see content/vocab/signal.json). */
import type { Signal } from '../../src/model/status.ts';
import type { Vocabulary } from './vocab.ts';
import type { Explanation } from './types.ts';

export function decideSignal(relevant: boolean, title: string, lines: string[], v: Vocabulary): { signal: Signal; explain: Explanation } {
  const r = v.signalRules;
  if (!relevant) return { signal: 'other', explain: { field: 'signal', value: 'other', rule: 'irrelevant page', position: -1 } };
  const body = lines.join('\n');
  const found = (signal: Signal, rule: string, hit: RegExpExecArray | null | boolean): { signal: Signal; explain: Explanation } | null =>
    hit ? { signal, explain: { field: 'signal', value: signal, rule, ...(typeof hit === 'object' ? { keyword: hit[0] } : {}), position: -1 } } : null;
  // A local stop or a local "not here" is the page's point whatever else it reports. Then the
  // title, which states the page's point, before the body, which may report several things.
  return (
    found('suspended', 'the measure stops here', r.suspended.title.exec(title) ?? r.suspended.body.exec(body)) ??
    found('not-announced', 'the measure does not apply here', r.notAnnounced.title.exec(title) ?? r.notAnnounced.body.exec(body)) ??
    found('launch', 'title puts a measure in place', r.launchTitle.exec(title)) ??
    found('operational', 'title reports first use or results', r.operationalTitle.exec(title)) ??
    found('pilot-list', 'title designates named products or enterprises', r.pilotListTitle.exec(title)) ??
    found('eligibility', 'title names conditions or a guide', r.eligibilityTitle.exec(title)) ??
    found('operational', 'body reports first use or results', r.operationalBody.exec(body)) ??
    found('pilot-list', 'body publishes a list', r.pilotListBody.exec(body)) ??
    found('eligibility', 'a conditions section and an application procedure', r.conditionSection.test(body) && r.procedureSection.test(body)) ?? {
      signal: 'launch',
      explain: { field: 'signal', value: 'launch', rule: 'relevant page that starts or extends a measure (default)', position: -1 },
    }
  );
}
