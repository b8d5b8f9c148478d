/** The main point of a relevant page (see content/vocab/signal.json). */
import type { Signal } from '../../src/model/status.ts';
import type { Vocabulary } from './vocab.ts';
import type { Explanation } from './types.ts';
import { documentShape } from './document-kind.ts';
import { QUOTED, normalizeForMatch } from './normalize.ts';

/** A refusal aimed at a class of firms (有未结案违规案件的企业暂不受理申报) is a condition, not the measure being absent. */
const FIRM_REFUSAL = /的(企业|申请人|申请单位|主体|经营者)[^，。；]{0,4}(暂不|不予|不得|不)/u;
/** A question (哪些情形暂不受理？) says nothing is absent. */
const QUESTION = /[？?]$/u;
/** A title that asks, or answers what was asked (关于支持…纳入…试点建议的答复): what it names is the request, not a designation. */
const ASKS = /(是否|能否|可否|能不能|[？?])|(答复|回复)(函)?$/u;
/** A line without its sentences that are refusals aimed at firms or questions. */
const withoutFirmRefusalsAndQuestions = (line: string) =>
  line
    .split(/(?<=[。；！!？?])/u)
    .filter((s) => !FIRM_REFUSAL.test(s) && !QUESTION.test(s.trim()))
    .join('');
/** The body without the lines that list cases firms are turned away for (有下列情形之一的…) without refusals aimed at a class of firms, and without questions: conditions, not places. */
const withoutCaseLists = (lines: string[]) =>
  lines
    // The opening of a list of cases, and each case (（一）未在海关办理…备案的；): conditions on firms, not places.
    .filter((l) => !/(下列|以下|如下)情形之一/u.test(l) && !/的[；;。.]?\s*$/u.test(l))
    .map(withoutFirmRefusalsAndQuestions)
    .join('\n');

/** A correction notice, and where its lead says what was wrong (…部分内容有误，现更正如下). */
const CORRECTION_TITLE = /更正/u;
const CORRECTION_CUE = /(有误|错误|不准确|现更正|现予更正|更正如下)/u;
/** What a correction corrects, named last before its cue: a list it designates, or conditions. */
const CORRECTED_LIST = /(清单|名单|目录)/gu;
const CORRECTED_CONDITIONS = /(条件|资格)/gu;

/** The signal of what a correction notice corrects, read from its lead: a list's or the conditions'. */
function correctedKind(title: string, lead: string): { signal: Signal; keyword: string } | null {
  if (!CORRECTION_TITLE.test(title)) return null;
  const cue = lead.search(CORRECTION_CUE);
  if (cue < 0) return null;
  const before = lead.slice(0, cue);
  const last = (re: RegExp) => [...before.matchAll(re)].at(-1);
  const list = last(CORRECTED_LIST);
  const conditions = last(CORRECTED_CONDITIONS);
  if (!list && !conditions) return null;
  if (list && (!conditions || list.index > conditions.index)) return { signal: 'pilot-list', keyword: list[0] };
  return { signal: 'eligibility', keyword: conditions![0] };
}

/** How many opening lines make the lead: what a news report or notice opens with is its point. */
const LEAD_LINES = 3;
/** A first shipment, flight or train (首票, 首批, 首班): after an opening in the title, how the first day went. */
const FIRST_SHIPMENT = /首(票|批|单|班|列|架|趟)/u;

/**
 * The title's last predicate, when it is an event: goods shipped ("…首批水仙茶饼经厦门港出运",
 * "…鲜果空运出口新加坡", "…reaches Uzbekistan") or a measure put in place ("…出口澳门开通绿色通道",
 * "…推行抵港直装"). A verb after a modal describes the new procedure ("货物到港即可装船"), not an
 * event. Notices are left to their own rules.
 */
export function titlePredicate(title: string, v: Vocabulary): { kind: 'shipped' | 'putInPlace'; m: RegExpExecArray } | null {
  const r = v.signalRules.titleReport;
  if (!r || r.notice.test(title.trim())) return null;
  // (Typed by assertion: it is assigned inside `consider`, which narrowing does not follow.)
  let last = null as { kind: 'shipped' | 'putInPlace'; m: RegExpExecArray } | null;
  // What a headline asks (出口欧盟肉制品怎样过…？), quotes (“拼船出海”) and purposes (助力…出海) report no event.
  const asked = [...title.matchAll(/[^？?！!\s]*[？?]/gu)].map((q) => [q.index, q.index + q[0].length]);
  // …nor does the title of another document it names (《…推行…的公告》解读: the page interprets it).
  const quoted = [...title.matchAll(QUOTED), ...title.matchAll(/《[^》]*》/gu)].map((q) => [q.index, q.index + q[0].length]);
  const inside = (i: number, spans: number[][]) => spans.some(([a, b]) => i >= a! && i < b!);
  const consider = (m: RegExpExecArray, kind: 'shipped' | 'putInPlace') => {
    if (r.modalBefore.test(title.slice(0, m.index))) return;
    if (inside(m.index, asked) || inside(m.index, quoted) || r.purposeBefore.test(title.slice(0, m.index))) return;
    if (!last || m.index >= last.m.index) last = { kind, m };
  };
  // Firms going abroad (首批12家企业抱团出海) are no shipment of goods.
  for (const m of title.matchAll(r.shipped)) if (!r.firmsAbroad.test(title.slice(0, m.index))) consider(m, 'shipped');
  for (const m of title.matchAll(r.toDestination)) {
    const dest = v.countryDict.scan(title.slice(m.index + m[0].length))[0];
    if (dest && dest.start === 0 && dest.value !== null) consider(m, 'shipped');
  }
  for (const m of title.matchAll(r.putInPlace)) consider(m, 'putInPlace');
  // A title that opens a measure (…开通…绿色通道 首批货物发往…) announces the opening; the first
  // shipment after it is how the day went. (A model that 落地 or a site 投用 is news of its use.)
  const found = last;
  if (found?.kind === 'shipped') {
    const opening = [...title.matchAll(r.putInPlace)].find(
      (m) =>
        m.index < found.m.index &&
        r.opens.test(m[0]) &&
        !/^(后|以来|满|首)/u.test(title.slice(m.index + m[0].length)) &&
        !inside(m.index, quoted) &&
        !r.modalBefore.test(title.slice(0, m.index)) &&
        !r.purposeBefore.test(title.slice(0, m.index)),
    );
    if (opening) return { kind: 'putInPlace', m: opening };
  }
  return found;
}

/**
 * The title with its names taken out: quoted phrases and measure keywords. What is left says what
 * the page does (专用通道申请问答 is about applying; 推行提前申报 names a measure).
 */
export function titleWithoutNames(title: string, v: Vocabulary): string {
  let t = normalizeForMatch(title).replace(QUOTED, ' ');
  for (const h of v.measureDict.scan(t).sort((a, b) => b.start - a.start))
    t = t.slice(0, h.start) + ' '.repeat(h.name.length) + t.slice(h.start + h.name.length);
  return t;
}

/** One cue that fired: its id (the list and the pattern, or the structural rule's name) and what it matched. */
export interface SignalCue {
  id: string;
  keyword?: string;
}

/** A rule of the decision and every one of its cues that fired on the page. */
export interface SignalStep {
  rule: string;
  signal: Signal;
  cues: SignalCue[];
}

/** Does a pause in `body` (a match of one of `cues`) name a tracked measure in its sentence? */
function pausesMeasure(body: string, cues: RegExp[], v: Vocabulary): boolean {
  return cues.some((re) =>
    [...body.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))].some((m) => {
      const start = Math.max(...['。', '；', ';', '\n'].map((c) => body.lastIndexOf(c, m.index))) + 1;
      const rest = body.slice(start);
      const end = rest.search(/[。；;\n]/u);
      return v.measureDict.has(normalizeForMatch(end < 0 ? rest : rest.slice(0, end)));
    }),
  );
}

/**
 * Every rule that fires on a relevant page, in the order they decide, each with every cue that
 * fired (not only the first), so that what each cue contributes can be measured across batches.
 */
export function signalSteps(title: string, lines: string[], v: Vocabulary): SignalStep[] {
  const r = v.signalRules;
  const body = lines.join('\n');
  const lead = lines.slice(0, LEAD_LINES).join('\n');
  const predicate = titlePredicate(title, v);
  const shape = documentShape(title, lines, v);
  const corrected = correctedKind(title, lead);
  const opening = predicate?.kind === 'putInPlace' && !!v.signalRules.titleReport?.opens.test(predicate.m[0]);
  const d = r.documentKind;
  const asksHowToApply = shape.questions.some((q) => d.conditionQuestion.test(q)) && shape.questions.some((q) => d.procedureQuestion.test(q));
  const listCues = (list: string, cues: RegExp[], text: string): SignalCue[] =>
    cues.flatMap((re) => {
      const m = re.exec(text);
      return m ? [{ id: `${list}:${re.source}`, keyword: m[0] }] : [];
    });
  // Ports named right before a cue, none of them the title's (三亚凤凰国际机场口岸、琼海博鳌机场口岸 on a page about 海口美兰…).
  const otherPorts = (sentence: string) => {
    const tail = /((?:[\u4e00-\u9fff]{2,10}(?:口岸|港区|机场)[、和及与]?)+)[^，。；、]{0,4}$/u.exec(sentence)?.[1];
    if (!tail) return false;
    const names = [...tail.matchAll(/([\u4e00-\u9fff]{2,10}?)(?:国际)?(?:机场)?(?:口岸|港区|机场)/gu)].map((m) => m[1]!.slice(0, 2));
    return names.length > 0 && names.every((n) => !title.includes(n));
  };
  // Cities named in the clause before a cue, none of them a city the title names (聊城、德州目前不在试点范围内
  // on a page about 济南): the page is about another city, and these are outside the scope. A title naming
  // only a province (关于青海企业能否…的答复) or a county of the same city (兴化 and 泰州) asks about them.
  const citiesOf = (text: string) =>
    v.placeDict
      .scan(text)
      .filter((h) => !h.value.word && !h.value.weak && !h.value.province)
      .map((h) => new Set(h.value.readings.flatMap((r) => r.cities)))
      .filter((c) => c.size > 0);
  // (Read only when a not-here cue fires, which few pages have.)
  let titleCities: Set<string> | undefined;
  const otherCities = (sentence: string) => {
    titleCities ??= new Set(citiesOf(title).flatMap((c) => [...c]));
    if (titleCities.size === 0) return false;
    const inTitle = titleCities;
    const clause = sentence.slice(Math.max(...['，', ',', '：', ':'].map((c) => sentence.lastIndexOf(c))) + 1);
    const named = citiesOf(clause);
    return named.length > 0 && named.every((c) => ![...c].some((x) => inTitle.has(x)));
  };
  // A cue turning away other places (关区内淄博、泰安等地企业暂不受理, 三亚…口岸暂不受理), or firms and items
  // in some case (有下列情形之一的，暂不受理; 暂不受理情形：…), narrows the scope: it does not say the
  // measure is not here.
  const notHereCues = (text: string): SignalCue[] =>
    r.notAnnounced.body.flatMap((re) => {
      const m = [...text.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))].find((x) => {
        const before = text.slice(0, x.index);
        const sentence = before.slice(Math.max(...['。', '；', '\n'].map((c) => before.lastIndexOf(c))) + 1);
        return (
          !r.notAnnounced.elsewhereBefore.test(sentence) &&
          !otherPorts(sentence) &&
          !otherCities(sentence) &&
          !r.notAnnounced.casesAfter.test(text.slice(x.index + x[0].length))
        );
      });
      return m ? [{ id: `notAnnounced.body:${re.source}`, keyword: m[0] }] : [];
    });
  const pausedMeasures = () => {
    const cues = listCues('suspended.body', r.suspended.body, body);
    return cues.length && pausesMeasure(body, r.suspended.body, v) ? cues : [];
  };
  const one = (id: string, hit: RegExpExecArray | null | boolean): SignalCue[] =>
    hit ? [{ id, ...(typeof hit === 'object' ? { keyword: hit[0] } : {}) }] : [];
  // A local stop or a local "not here" is the page's point whatever else it reports. Then the
  // title, which states the page's point, then the lead, then the rest of the body, which may
  // report several things.
  const steps: SignalStep[] = [
    {
      rule: 'the measure stops here',
      signal: 'suspended',
      // In the body, what stops must be a tracked measure (暂停办理“生鲜集拼”业务), not any business of
      // the office (假期期间暂停办理一般贸易报关).
      cues: [...listCues('suspended.title', r.suspended.title, title), ...pausedMeasures()],
    },
    {
      rule: 'the measure does not apply here',
      signal: 'not-announced',
      // Not where the body turns away firms (有下列情形之一的，暂不受理) or drops an item from a list
      // the title designates (更正…清单: 某县不在本批试点范围内): the page is about the list.
      cues: [
        ...listCues('notAnnounced.title', r.notAnnounced.title, title),
        ...(!ASKS.test(title) && r.pilotListTitle.some((p) => p.test(title.replace(QUOTED, ' '))) ? [] : notHereCues(withoutCaseLists(lines))),
      ],
    },
    { rule: 'title puts a measure in place', signal: 'launch', cues: listCues('launch.title', r.launchTitle, title) },
    {
      rule: 'title reports first use or results',
      signal: 'operational',
      // A title that opens a measure and then names its first shipment (…专用通道开通 首票番茄经绥芬河出境)
      // announces the opening, as titlePredicate reads it.
      cues: listCues('operational.title', r.operationalTitle, title).filter(
        (c) => !(opening && predicate && FIRST_SHIPMENT.test(c.keyword ?? '') && title.indexOf(c.keyword ?? '') > predicate.m.index),
      ),
    },
    { rule: 'the title ends on goods shipped', signal: 'operational', cues: one('titleReport.shipped', predicate?.kind === 'shipped' && predicate.m) },
    { rule: 'title designates named products or enterprises', signal: 'pilot-list', cues: listCues('pilotList.title', r.pilotListTitle, title) },
    {
      rule: 'title names conditions, a guide or an application round',
      signal: 'eligibility',
      cues: [
        ...listCues('eligibility.title', r.eligibilityTitle, title),
        ...one('eligibility.titleApplication', r.eligibilityTitleApplication.exec(titleWithoutNames(title, v))),
      ],
    },
    {
      rule: 'a correction takes the signal of what it corrects (a list, or conditions)',
      signal: corrected?.signal ?? 'pilot-list',
      cues: corrected ? [{ id: 'correction.lead', keyword: corrected.keyword }] : [],
    },
    {
      rule: 'the title ends on a measure put in place',
      signal: 'launch',
      cues: one('titleReport.putInPlace', predicate?.kind === 'putInPlace' && predicate.m),
    },
    { rule: 'the lead opens an application round', signal: 'eligibility', cues: listCues('eligibility.lead', r.eligibilityLead, lead) },
    { rule: 'body reports first use or results', signal: 'operational', cues: listCues('operational.body', r.operationalBody, body) },
    { rule: 'the lead reports a dated shipment of goods', signal: 'operational', cues: listCues('operational.lead', r.operationalLead, lead) },
    { rule: 'body publishes a list', signal: 'pilot-list', cues: listCues('pilotList.body', r.pilotListBody, body) },
    {
      rule: 'a conditions section and an application procedure',
      signal: 'eligibility',
      cues: one('eligibility.conditionSection+procedureSection', r.conditionSection.test(body) && r.procedureSection.test(body)),
    },
    {
      rule: 'the body sets a date by which firms that qualify apply',
      signal: 'eligibility',
      cues: listCues('eligibility.body', r.eligibilityBody, body),
    },
    {
      rule: 'a reply to whether the asker may use a measure that states its conditions',
      signal: 'eligibility',
      cues: one('eligibility.replyTitle+replyConditions', r.eligibilityReply.title.test(title) && r.eligibilityReply.conditions.exec(body)),
    },
    {
      rule: 'a Q&A whose questions ask for the conditions and how to apply',
      signal: 'eligibility',
      cues: one('documentKind.conditionQuestion+procedureQuestion', asksHowToApply),
    },
    {
      rule: 'an interview or a work briefing tells how measures run',
      signal: 'operational',
      cues: one('documentKind.interview|briefing', shape.kind === 'interview' || shape.kind === 'briefing'),
    },
  ];
  return steps.filter((s) => s.cues.length > 0);
}

/** The default: a relevant page that no rule decides starts or extends a measure. */
export const DEFAULT_SIGNAL: Signal = 'launch';

export function decideSignal(relevant: boolean, title: string, lines: string[], v: Vocabulary): { signal: Signal; explain: Explanation } {
  if (!relevant) return { signal: 'other', explain: { field: 'signal', value: 'other', rule: 'irrelevant page', position: -1 } };
  const first = signalSteps(title, lines, v)[0];
  if (!first)
    return {
      signal: DEFAULT_SIGNAL,
      explain: { field: 'signal', value: DEFAULT_SIGNAL, rule: 'relevant page that starts or extends a measure (default)', position: -1 },
    };
  const keyword = first.cues[0]?.keyword;
  return {
    signal: first.signal,
    explain: { field: 'signal', value: first.signal, rule: first.rule, ...(keyword !== undefined ? { keyword } : {}), position: -1 },
  };
}
