/**
 * Leave-one-batch-out for the signal field (`npm run eval -- --holdout`). Every batch has been
 * tuned on, so a set's own score says little; what a cue is worth on pages it was not written for
 * is measured by fitting on every set but one and scoring the one left out.
 *
 * Each page is read once: its predicted relevance and every signal cue that fires, in decision
 * order (signalSteps). A decision with some cues switched off is then computed in memory.
 * The fitting is backward elimination: while some cue can be switched off without losing a page
 * of the training sets, switch off the one whose removal gains most (a cue that fires on no
 * training page goes first: it helps at most the set left out). The cues left are those that
 * earn their place on other batches.
 */
import { extractArticle, isExtractError, loadVocabulary } from '../scrapers/extract/index.ts';
import { inputForUrl } from '../scrapers/extract/fixtures.ts';
import { readPage } from '../scrapers/extract/page.ts';
import { DEFAULT_SIGNAL, signalSteps } from '../scrapers/extract/signal.ts';
import { articleLabels, type LabelledSet } from '../scrapers/extract/eval-sets.ts';

export interface SignalCase {
  set: string;
  url: string;
  gold: string;
  relevant: boolean;
  /** Per rule that fired, in decision order: its signal and the ids of its cues that fired. */
  steps: { rule: string; signal: string; cues: string[] }[];
}

export function readCases(sets: LabelledSet[]): SignalCase[] {
  const v = loadVocabulary();
  const out: SignalCase[] = [];
  for (const s of sets) {
    for (const [url, gold] of articleLabels(s)) {
      const input = inputForUrl(s.dir, url);
      let relevant = false;
      let steps: SignalCase['steps'] = [];
      try {
        const r = extractArticle(input, v);
        if (!isExtractError(r) && r.relevant) {
          const page = readPage(input);
          if (!('error' in page)) {
            relevant = true;
            steps = signalSteps(page.title, page.body.lines, v).map((x) => ({ rule: x.rule, signal: x.signal, cues: x.cues.map((c) => c.id) }));
          }
        }
      } catch {
        // A crash scores as a wrong signal, as in the eval.
        relevant = true;
        steps = [{ rule: '(crash)', signal: '(crash)', cues: ['(crash)'] }];
      }
      out.push({ set: s.name, url, gold: gold.signal ?? '', relevant, steps });
    }
  }
  return out;
}

/** The decision with some cues off and the rules in a given order (rank: rule -> position). */
export function decide(c: SignalCase, off: ReadonlySet<string>, rank?: ReadonlyMap<string, number>): string {
  if (!c.relevant) return 'other';
  const steps = rank ? [...c.steps].sort((a, b) => (rank.get(a.rule) ?? 99) - (rank.get(b.rule) ?? 99)) : c.steps;
  for (const s of steps) if (s.cues.some((id) => !off.has(id))) return s.signal;
  return DEFAULT_SIGNAL;
}

const correct = (cases: SignalCase[], off: ReadonlySet<string>, rank?: ReadonlyMap<string, number>) =>
  cases.filter((c) => decide(c, off, rank) === c.gold).length;

/** Hill-climbing on the rules' order: move one rule to another place while that wins training pages. */
export function fitOrder(train: SignalCase[], rules: string[]): Map<string, number> {
  let order = [...rules];
  const rankOf = (o: string[]) => new Map(o.map((r, i) => [r, i]));
  let base = correct(train, new Set(), rankOf(order));
  for (;;) {
    let best: { o: string[]; n: number } | null = null;
    for (let i = 0; i < order.length; i++)
      for (let j = 0; j < order.length; j++) {
        if (i === j) continue;
        const o = [...order];
        o.splice(j, 0, ...o.splice(i, 1));
        const n = correct(train, new Set(), rankOf(o));
        if (n > base && (!best || n > best.n)) best = { o, n };
      }
    if (!best) return rankOf(order);
    order = best.o;
    base = best.n;
  }
}

/** Backward elimination on the training cases: the cues switched off. */
export function fitOff(train: SignalCase[], allCues: string[], minGain = 0): Set<string> {
  const off = new Set<string>();
  for (;;) {
    const base = correct(train, off);
    let best: { id: string; gain: number } | null = null;
    for (const id of allCues) {
      if (off.has(id)) continue;
      const gain = correct(train, new Set([...off, id])) - base;
      if (gain >= minGain && (!best || gain > best.gain)) best = { id, gain };
    }
    if (!best) return off;
    off.add(best.id);
  }
}

const SIGNALS = ['launch', 'operational', 'pilot-list', 'eligibility', 'suspended', 'not-announced'];
const features = (c: SignalCase) => ['bias', ...c.steps.map((s) => s.rule), c.steps[0] ? `first:${c.steps[0].rule}` : 'none'];

/**
 * A weighted combination instead of the ordered list: an averaged perceptron over which rules
 * fire (and which fires first), one weight per signal and rule, fitted on the training cases.
 */
export function fitWeights(train: SignalCase[], epochs = 30): (c: SignalCase) => string {
  const w = new Map<string, number>();
  const sum = new Map<string, number>();
  const score = (f: string[], k: string, m: Map<string, number>) => f.reduce((a, x) => a + (m.get(`${k}|${x}`) ?? 0), 0);
  const best = (f: string[], m: Map<string, number>): string => SIGNALS.reduce((b, k) => (score(f, k, m) > score(f, b, m) ? k : b), DEFAULT_SIGNAL as string);
  let t = 0;
  const add = (key: string, d: number) => {
    w.set(key, (w.get(key) ?? 0) + d);
    sum.set(key, (sum.get(key) ?? 0) + d * t);
  };
  for (let e = 0; e < epochs; e++)
    for (const c of train) {
      if (!c.relevant || !SIGNALS.includes(c.gold)) continue;
      t++;
      const f = features(c);
      const pred = best(f, w);
      if (pred !== c.gold) {
        for (const x of f) {
          add(`${c.gold}|${x}`, 1);
          add(`${pred}|${x}`, -1);
        }
      }
    }
  const avg = new Map([...w].map(([k, x]) => [k, x - (sum.get(k) ?? 0) / (t + 1)]));
  return (c) => (c.relevant ? best(features(c), avg) : 'other');
}

/**
 * The rules in the order they decide, merged from each page's fired rules (which are in that
 * order). Rules that never fire together may come in either order: that decides no page.
 */
export function decisionOrder(cases: SignalCase[]): string[] {
  const after = new Map<string, Set<string>>();
  for (const c of cases)
    c.steps.forEach((s, i) => {
      if (!after.has(s.rule)) after.set(s.rule, new Set());
      for (const t of c.steps.slice(i + 1)) after.get(s.rule)!.add(t.rule);
    });
  const out: string[] = [];
  const left = new Set(after.keys());
  while (left.size) {
    const next = [...left].find((r) => ![...left].some((q) => q !== r && after.get(q)!.has(r)))!;
    out.push(next);
    left.delete(next);
  }
  return out;
}

export interface HoldoutRow {
  set: string;
  pages: number;
  /** Every cue on, scored on the set itself (every set has been tuned on). */
  inSample: number;
  /** Cues that fire on no other set switched off: the current rules as they would stand without this set. */
  unseenOff: number;
  /** Cues fitted by backward elimination on the other sets. */
  fitted: number;
  /** Every cue that wins no training page when it alone is off, switched off together. */
  neutralOff: number;
  /** Only cues whose removal wins training pages switched off. */
  fittedStrict: number;
  /** The rules' order fitted on the other sets. */
  order: number;
  /** A weighted combination of the rules fitted on the other sets. */
  weighted: number;
}

export function leaveOneBatchOut(cases: SignalCase[]): { rows: HoldoutRow[]; allCues: string[] } {
  const allCues = [...new Set(cases.flatMap((c) => c.steps.flatMap((s) => s.cues)))].sort();
  const sets = [...new Set(cases.map((c) => c.set))];
  const rules = decisionOrder(cases);
  const rows = sets.map((name) => {
    const test = cases.filter((c) => c.set === name);
    const train = cases.filter((c) => c.set !== name);
    const seen = new Set(train.flatMap((c) => c.steps.flatMap((s) => s.cues)));
    return {
      set: name,
      pages: test.length,
      inSample: correct(test, new Set()),
      unseenOff: correct(test, new Set(allCues.filter((id) => !seen.has(id)))),
      fitted: correct(test, fitOff(train, allCues)),
      fittedStrict: correct(test, fitOff(train, allCues, 1)),
      neutralOff: correct(test, new Set(allCues.filter((id) => correct(train, new Set([id])) >= correct(train, new Set())))),
      order: correct(test, new Set(), fitOrder(train, rules)),
      weighted: ((f) => test.filter((c) => f(c) === c.gold).length)(fitWeights(train)),
    };
  });
  return { rows, allCues };
}

export function printHoldout(sets: LabelledSet[]): void {
  const cases = readCases(sets);
  const { rows, allCues } = leaveOneBatchOut(cases);
  const f = (n: number, d: number) => (d ? n / d : 0).toFixed(3);
  console.log('signal, leave one set out: accuracy on the set left out');
  const cols = ['inSample', 'unseenOff', 'neutralOff', 'fitted', 'fittedStrict', 'order', 'weighted'] as const;
  console.log(['set'.padEnd(9), 'pages'.padStart(5), ...cols.map((c) => c.padStart(13))].join(' '));
  for (const r of rows) console.log([r.set.padEnd(9), String(r.pages).padStart(5), ...cols.map((c) => f(r[c], r.pages).padStart(13))].join(' '));
  const sum = (k: keyof HoldoutRow) => rows.reduce((a, r) => a + (r[k] as number), 0);
  const pages = sum('pages');
  console.log(['all'.padEnd(9), String(pages).padStart(5), ...cols.map((c) => f(sum(c), pages).padStart(13))].join(' '));
  // What each cue is worth on every set but its own: the pages lost on the other sets when it is off.
  console.log(`\ncues that fire (${allCues.length}): pages each wins per set (lost when it alone is off), and the sets it fires on`);
  for (const id of allCues) {
    const bySet = rows.map((r) => {
      const cs = cases.filter((c) => c.set === r.set);
      return correct(cs, new Set()) - correct(cs, new Set([id]));
    });
    const fires = [...new Set(cases.filter((c) => c.steps.some((s) => s.cues.includes(id))).map((c) => c.set))];
    console.log(
      `  ${id}  pages won per set: ${
        rows
          .map((r, i) => `${r.set}=${bySet[i]}`)
          .filter((x) => !x.endsWith('=0'))
          .join(' ') || 'none'
      }  fires on: ${fires.join(',')}`,
    );
  }
}
