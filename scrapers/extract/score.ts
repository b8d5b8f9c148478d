/**
 * Scoring of extraction against labelled pages, with the fixtures README's rules: relevant,
 * title (trimmed), publishedAt and signal exact; cities by Chinese name without a trailing 市;
 * measures and markets exact; products one-to-one where one name contains the other;
 * eligibility found when a predicted phrase contains the label or the label contains it.
 */

export interface Labels {
  relevant: boolean;
  title: string;
  publishedAt: string;
  cities: string[];
  measures: string[];
  products: string[];
  markets: string[];
  eligibility: string[];
  signal: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface PageScore {
  exact: Record<'relevant' | 'title' | 'publishedAt' | 'signal', boolean>;
  sets: Record<'cities' | 'measures' | 'products' | 'markets' | 'eligibility', Counts & { missing: string[]; extra: string[] }>;
}

export const SET_FIELDS = ['cities', 'measures', 'products', 'markets', 'eligibility'] as const;
export const EXACT_FIELDS = ['relevant', 'title', 'publishedAt', 'signal'] as const;

const cityName = (s: string) => s.trim().replace(/市$/, '');
const contains = (a: string, b: string) => a.includes(b) || b.includes(a);

function exactSet(pred: string[], gold: string[]) {
  const p = new Set(pred);
  const g = new Set(gold);
  const missing = [...g].filter((x) => !p.has(x));
  const extra = [...p].filter((x) => !g.has(x));
  return { tp: g.size - missing.length, fp: extra.length, fn: missing.length, missing, extra };
}

/** One-to-one matching by containment (augmenting paths; the lists are short). */
function containmentMatching(pred: string[], gold: string[]) {
  const matchOfGold = new Array<number>(gold.length).fill(-1);
  const tryPred = (pi: number, seen: boolean[]): boolean => {
    for (let gi = 0; gi < gold.length; gi++) {
      if (seen[gi] || !contains(pred[pi]!, gold[gi]!)) continue;
      seen[gi] = true;
      if (matchOfGold[gi] === -1 || tryPred(matchOfGold[gi]!, seen)) {
        matchOfGold[gi] = pi;
        return true;
      }
    }
    return false;
  };
  const matchedPred = new Set<number>();
  pred.forEach((_, pi) => {
    if (tryPred(pi, new Array<boolean>(gold.length).fill(false))) matchedPred.add(pi);
  });
  const tp = matchOfGold.filter((m) => m >= 0).length;
  return {
    tp,
    fp: pred.length - tp,
    fn: gold.length - tp,
    missing: gold.filter((_, gi) => matchOfGold[gi] === -1),
    extra: pred.filter((_, pi) => !matchedPred.has(pi)),
  };
}

function containmentAny(pred: string[], gold: string[]) {
  const missing = gold.filter((g) => !pred.some((p) => contains(p, g)));
  const extra = pred.filter((p) => !gold.some((g) => contains(p, g)));
  return { tp: gold.length - missing.length, fp: extra.length, fn: missing.length, missing, extra };
}

export function scorePage(pred: Labels, gold: Labels): PageScore {
  return {
    exact: {
      relevant: pred.relevant === gold.relevant,
      title: pred.title.trim() === gold.title.trim(),
      publishedAt: pred.publishedAt === gold.publishedAt,
      signal: pred.signal === gold.signal,
    },
    sets: {
      cities: exactSet(pred.cities.map(cityName), gold.cities.map(cityName)),
      measures: exactSet(pred.measures, gold.measures),
      markets: exactSet(pred.markets, gold.markets),
      products: containmentMatching(pred.products, gold.products),
      eligibility: containmentAny(pred.eligibility, gold.eligibility),
    },
  };
}

export interface FieldSummary {
  field: string;
  kind: 'accuracy' | 'prf';
  value: number;
  precision?: number;
  recall?: number;
  f1?: number;
  n: number;
}

/** Micro-averaged P/R/F1 per set field (1.0 when nothing was labelled or predicted), accuracy per exact field. */
export function summarize(scores: PageScore[]): FieldSummary[] {
  const out: FieldSummary[] = [];
  for (const f of EXACT_FIELDS) {
    const ok = scores.filter((s) => s.exact[f]).length;
    out.push({ field: f, kind: 'accuracy', value: scores.length ? ok / scores.length : 1, n: scores.length });
  }
  for (const f of SET_FIELDS) {
    const c = scores.reduce((a, s) => ({ tp: a.tp + s.sets[f].tp, fp: a.fp + s.sets[f].fp, fn: a.fn + s.sets[f].fn }), { tp: 0, fp: 0, fn: 0 });
    const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
    const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    out.push({ field: f, kind: 'prf', value: f1, precision, recall, f1, n: c.tp + c.fn });
  }
  return out;
}
