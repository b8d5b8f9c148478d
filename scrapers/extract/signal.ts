/** The main point of a relevant page (see content/vocab/signal.json). */
import type { Signal } from '../../src/model/status.ts';
import type { Vocabulary } from './vocab.ts';
import type { Explanation } from './types.ts';
import { documentShape } from './document-kind.ts';
import { normalizeForMatch } from './normalize.ts';

/** How many opening lines make the lead: what a news report or notice opens with is its point. */
const LEAD_LINES = 3;

/**
 * The title's last predicate, when it is an event: goods shipped ("…首批水仙茶饼经厦门港出运",
 * "…鲜果空运出口新加坡", "…reaches Uzbekistan") or a measure put in place ("…出口澳门开通绿色通道",
 * "…推行抵港直装"). A verb after a modal describes the new procedure ("货物到港即可装船"), not an
 * event. Notices are left to their own rules.
 */
export function titlePredicate(title: string, v: Vocabulary): { kind: 'shipped' | 'putInPlace'; m: RegExpExecArray } | null {
  const r = v.signalRules.titleReport;
  if (!r || r.notice.test(title.trim())) return null;
  let last: { kind: 'shipped' | 'putInPlace'; m: RegExpExecArray } | null = null;
  const consider = (m: RegExpExecArray, kind: 'shipped' | 'putInPlace') => {
    if (r.modalBefore.test(title.slice(0, m.index))) return;
    if (!last || m.index >= last.m.index) last = { kind, m };
  };
  // Firms going abroad (首批12家企业抱团出海) are no shipment of goods.
  for (const m of title.matchAll(r.shipped)) if (!r.firmsAbroad.test(title.slice(0, m.index))) consider(m, 'shipped');
  for (const m of title.matchAll(r.toDestination)) {
    const dest = v.countryDict.scan(title.slice(m.index + m[0].length))[0];
    if (dest && dest.start === 0 && dest.value !== null) consider(m, 'shipped');
  }
  for (const m of title.matchAll(r.putInPlace)) consider(m, 'putInPlace');
  return last;
}

/**
 * The title with its names taken out: quoted phrases and measure keywords. What is left says what
 * the page does (专用通道申请问答 is about applying; 推行提前申报 names a measure).
 */
export function titleWithoutNames(title: string, v: Vocabulary): string {
  let t = normalizeForMatch(title).replace(/[“「"][^”」"]*[”」"]/gu, ' ');
  for (const h of v.measureDict.scan(t).sort((a, b) => b.start - a.start)) t = t.slice(0, h.start) + ' '.repeat(h.name.length) + t.slice(h.start + h.name.length);
  return t;
}

export function decideSignal(relevant: boolean, title: string, lines: string[], v: Vocabulary): { signal: Signal; explain: Explanation } {
  const r = v.signalRules;
  if (!relevant) return { signal: 'other', explain: { field: 'signal', value: 'other', rule: 'irrelevant page', position: -1 } };
  const body = lines.join('\n');
  const lead = lines.slice(0, LEAD_LINES).join('\n');
  const predicate = titlePredicate(title, v);
  const shape = documentShape(title, lines, v);
  const d = r.documentKind;
  const asksHowToApply = shape.questions.some((q) => d.conditionQuestion.test(q)) && shape.questions.some((q) => d.procedureQuestion.test(q));
  const found = (signal: Signal, rule: string, hit: RegExpExecArray | null | boolean): { signal: Signal; explain: Explanation } | null =>
    hit ? { signal, explain: { field: 'signal', value: signal, rule, ...(typeof hit === 'object' ? { keyword: hit[0] } : {}), position: -1 } } : null;
  // A local stop or a local "not here" is the page's point whatever else it reports. Then the
  // title, which states the page's point, then the lead, then the rest of the body, which may
  // report several things.
  return (
    found('suspended', 'the measure stops here', r.suspended.title.exec(title) ?? r.suspended.body.exec(body)) ??
    found('not-announced', 'the measure does not apply here', r.notAnnounced.title.exec(title) ?? r.notAnnounced.body.exec(body)) ??
    found('launch', 'title puts a measure in place', r.launchTitle.exec(title)) ??
    found('operational', 'title reports first use or results', r.operationalTitle.exec(title)) ??
    found('operational', 'the title ends on goods shipped', predicate?.kind === 'shipped' && predicate.m) ??
    found('pilot-list', 'title designates named products or enterprises', r.pilotListTitle.exec(title)) ??
    found('eligibility', 'title names conditions, a guide or an application round', r.eligibilityTitle.exec(title) ?? r.eligibilityTitleApplication.exec(titleWithoutNames(title, v))) ??
    found('launch', 'the title ends on a measure put in place', predicate?.kind === 'putInPlace' && predicate.m) ??
    found('eligibility', 'the lead opens an application round', r.eligibilityLead.exec(lead)) ??
    found('operational', 'body reports first use or results', r.operationalBody.exec(body)) ??
    found('pilot-list', 'body publishes a list', r.pilotListBody.exec(body)) ??
    found('eligibility', 'a conditions section and an application procedure', r.conditionSection.test(body) && r.procedureSection.test(body)) ??
    found('eligibility', 'a Q&A whose questions ask for the conditions and how to apply', asksHowToApply) ??
    found('operational', 'an interview or a work briefing tells how measures run', shape.kind === 'interview' || shape.kind === 'briefing') ?? {
      signal: 'launch',
      explain: { field: 'signal', value: 'launch', rule: 'relevant page that starts or extends a measure (default)', position: -1 },
    }
  );
}
