/**
 * `npm run eval [-- --fixtures DIR] [--set NAME] [--record-first] [--json] [--verbose] [--throughput] [--holdout]`
 *
 * Scores extraction on every labelled set (scrapers/extract/eval-sets.ts): the shared fixtures,
 * each development batch and each blind batch, and prints P/R/F1 per field per set and the
 * misses. A blind batch's first score is the only honest measure of pages never seen:
 * `--record-first` writes it into the batch's batch.json (once), and the batch becomes a
 * development batch. Only the fixtures and development batches gate (as floors, in
 * tests/fixtures/extract/floors.json); exit 1 when one of them is below its floor.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { EXTRACTOR_VERSION, extractArticle, isExtractError, loadVocabulary } from '../scrapers/extract/index.ts';
import { inputForUrl } from '../scrapers/extract/fixtures.ts';
import { scorePage, summarize, SET_FIELDS, type FieldSummary, type Labels, type PageScore } from '../scrapers/extract/score.ts';
import { measureThroughput } from '../scrapers/extract/throughput.ts';
import { articleLabels, findSets, recordFirstScore, type LabelledSet } from '../scrapers/extract/eval-sets.ts';
import { printHoldout } from './signal-holdout.ts';
import { printRelevanceHoldout } from './relevance-holdout.ts';
import { printMarketsHoldout } from './markets-holdout.ts';
import { printCitiesHoldout } from './cities-holdout.ts';

export const FLOORS_FILE = path.resolve(import.meta.dirname, '../tests/fixtures/extract/floors.json');
export type Floors = Record<string, Record<string, number>>;

export interface SetResult {
  set: string;
  kind: LabelledSet['kind'];
  pages: number;
  crashes: number;
  fields: FieldSummary[];
  failures: { url: string; diffs: string[] }[];
  /** Per predicted-relevant page: its confidence, its (measure x city) evidence pairs and how many the labels hold. */
  evidence: { confidence: number; pairs: number; correct: number }[];
}

const EMPTY: Labels = { relevant: false, title: '', publishedAt: '', cities: [], measures: [], products: [], markets: [], eligibility: [], signal: '' };

/** Score one labelled set. A thrown exception is a crash: counted, never hidden. */
export function scoreSet(set: LabelledSet): SetResult {
  const v = loadVocabulary();
  const scores: PageScore[] = [];
  const failures: { url: string; diffs: string[] }[] = [];
  let crashes = 0;
  const evidence: SetResult['evidence'] = [];
  for (const [url, gold] of articleLabels(set)) {
    const diffs: string[] = [];
    let pred = EMPTY;
    try {
      const r = extractArticle(inputForUrl(set.dir, url), v);
      if (isExtractError(r)) diffs.push(`error: ${r.error} (${r.reason})`);
      else if (r.relevant) {
        // Evidence a cell would get: every measure x city pair of the page.
        const goldPairs = new Set<string>(gold.relevant ? gold.measures.flatMap((m) => gold.cities.map((c) => `${m}|${c.replace(/市$/, '')}`)) : []);
        const pairs = r.measures.flatMap((m) => r.cities.map((c) => `${m.id}|${c.nameZh}`));
        if (pairs.length) evidence.push({ confidence: r.confidence, pairs: pairs.length, correct: pairs.filter((x) => goldPairs.has(x)).length });
      }
      if (!isExtractError(r))
        pred = {
          relevant: r.relevant,
          title: r.title,
          publishedAt: r.publishedAt,
          cities: r.cities.map((c) => c.nameZh),
          measures: r.measures.map((m) => m.id),
          products: r.products.map((p) => p.nameZh),
          markets: r.markets.map((m) => m.id),
          eligibility: r.eligibility,
          signal: r.signal,
        };
    } catch (err) {
      crashes++;
      diffs.push(`CRASH: ${(err as Error).stack?.split('\n').slice(0, 3).join(' / ')}`);
    }
    const s = scorePage(pred, gold);
    scores.push(s);
    for (const [f, ok] of Object.entries(s.exact))
      if (!ok) diffs.push(`${f}: got ${JSON.stringify(pred[f as keyof Labels])}, want ${JSON.stringify(gold[f as keyof Labels])}`);
    for (const f of SET_FIELDS) {
      const c = s.sets[f];
      if (c.missing.length) diffs.push(`${f} missing: ${c.missing.join(' / ')}`);
      if (c.extra.length) diffs.push(`${f} extra: ${c.extra.join(' / ')}`);
    }
    if (diffs.length) failures.push({ url, diffs });
  }
  return { set: set.name, kind: set.kind, pages: scores.length, crashes, fields: summarize(scores), failures, evidence };
}

export function readFloors(): Floors {
  return existsSync(FLOORS_FILE) ? JSON.parse(readFileSync(FLOORS_FILE, 'utf8')) : {};
}

/** Fields of a gating set below their floor. */
export function belowFloor(r: SetResult, floors: Floors): string[] {
  const f = floors[r.set];
  if (!f || r.kind === 'blind') return [];
  const out: string[] = [];
  for (const [field, min] of Object.entries(f)) {
    const got = field === 'crashes' ? -r.crashes : r.fields.find((x) => x.field === field)?.value;
    if (got === undefined) out.push(`${field}: not scored`);
    else if (field === 'crashes' ? r.crashes > min : got < min - 1e-9) out.push(`${field}: ${field === 'crashes' ? r.crashes : got.toFixed(3)} < floor ${min}`);
  }
  return out;
}

/** Precision of (measure x city) evidence at or above each confidence threshold, and how much of it is kept. */
export function calibration(results: SetResult[], thresholds = [0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]) {
  const all = results.flatMap((r) => r.evidence);
  const total = all.reduce((a, e) => a + e.pairs, 0);
  return thresholds.map((t) => {
    const kept = all.filter((e) => e.confidence >= t);
    const pairs = kept.reduce((a, e) => a + e.pairs, 0);
    const correct = kept.reduce((a, e) => a + e.correct, 0);
    return { threshold: t, pairs, kept: total ? pairs / total : 0, precision: pairs ? correct / pairs : 1 };
  });
}

export const fieldValues = (r: SetResult) => Object.fromEntries([...r.fields.map((f) => [f.field, Math.round(f.value * 1000) / 1000]), ['crashes', r.crashes]]);

function printSet(r: SetResult, floors: Floors, verbose: boolean): void {
  const pct = (x: number | undefined) => (x === undefined ? '' : x.toFixed(3));
  console.log(`\n== ${r.set} (${r.kind}): ${r.pages} labelled pages, ${r.crashes} crashes`);
  console.log(['field'.padEnd(12), 'metric'.padEnd(9), 'score'.padStart(6), 'P'.padStart(6), 'R'.padStart(6), 'n'.padStart(4), ' floor'].join(' '));
  for (const f of r.fields) {
    const floor = r.kind === 'blind' ? undefined : floors[r.set]?.[f.field];
    const mark = floor === undefined ? '' : `>= ${floor}${f.value >= floor - 1e-9 ? ' ok' : ' BELOW'}`;
    console.log(
      [
        f.field.padEnd(12),
        (f.kind === 'prf' ? 'F1' : 'accuracy').padEnd(9),
        pct(f.value).padStart(6),
        pct(f.precision).padStart(6),
        pct(f.recall).padStart(6),
        String(f.n).padStart(4),
        ` ${mark}`,
      ].join(' '),
    );
  }
  if (verbose) for (const f of r.failures) console.log(`  ${f.url}\n    ${f.diffs.join('\n    ')}`);
}

function headCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      fixtures: { type: 'string', default: path.resolve(process.cwd(), '../shared/fixtures') },
      set: { type: 'string', multiple: true },
      'record-first': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
      throughput: { type: 'boolean', default: false },
      calibrate: { type: 'boolean', default: false },
      holdout: { type: 'boolean', default: false },
    },
  });
  const sets = findSets(path.resolve(values.fixtures!)).filter((s) => !values.set?.length || values.set.includes(s.name));
  if (!sets.length) {
    console.error('eval: no labelled set found (../shared/fixtures/expected.json or tests/fixtures/extract/batches/*/labels.json)');
    process.exit(2);
  }
  if (values.holdout) {
    printRelevanceHoldout(sets);
    printCitiesHoldout(sets);
    console.log('');
    printHoldout(sets);
    console.log('');
    printMarketsHoldout(sets);
    process.exit(0);
  }
  const floors = readFloors();
  const results = sets.map((s) => ({ s, r: scoreSet(s) }));
  const problems: string[] = [];
  for (const { s, r } of results) {
    for (const p of belowFloor(r, floors)) problems.push(`${r.set}: ${p}`);
    if (values['record-first'] && s.kind === 'blind') {
      recordFirstScore(s, {
        scoredAt: new Date().toISOString(),
        extractorVersion: EXTRACTOR_VERSION,
        commit: headCommit(),
        pages: r.pages,
        fields: fieldValues(r),
      });
      console.error(`eval: recorded the first (blind) score of ${s.name}; it is a development batch from now on`);
    }
  }
  let tp: ReturnType<typeof measureThroughput> | undefined;
  if (values.throughput) {
    const inputs = sets.flatMap((s) => articleLabels(s).map(([u]) => inputForUrl(s.dir, u)));
    tp = measureThroughput(inputs, { minSeconds: 3 });
  }
  if (values.json) console.log(JSON.stringify({ results: results.map((x) => x.r), problems, ...(tp ? { throughput: tp } : {}) }, null, 2));
  else {
    for (const { r } of results) printSet(r, floors, values.verbose || r.kind !== 'fixtures' || belowFloor(r, floors).length > 0);
    console.log(problems.length ? `\nBelow floor:\n  ${problems.join('\n  ')}` : '\nEvery gating set is at or above its floor.');
    if (values.calibrate) {
      console.log(`\nConfidence calibration over ${results.map((x) => x.r.set).join(', ')}: precision of measure x city evidence at or above each threshold`);
      for (const c of calibration(results.map((x) => x.r)))
        console.log(
          `  >= ${c.threshold.toFixed(2)}  precision ${c.precision.toFixed(3)}  pairs ${String(c.pairs).padStart(4)}  kept ${(c.kept * 100).toFixed(0)}%`,
        );
    }
    if (tp)
      console.log(
        `\nThroughput: ${tp.perSecond.toFixed(1)} articles/s (${tp.articles} extractions in ${tp.seconds.toFixed(2)} s; vocabulary load ${tp.vocabularyLoadMs.toFixed(0)} ms, once)`,
      );
  }
  process.exit(problems.length ? 1 : 0);
}
