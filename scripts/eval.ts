/**
 * `npm run eval [-- --fixtures DIR] [--json] [--verbose] [--throughput]`
 * Scores extraction against DIR/expected.json (default ../shared/fixtures) with the README's
 * rules and prints one row per field; exits 1 when a target is missed (every `relevant` right,
 * F1 >= 0.95 for cities, measures, products, markets, eligibility).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extractArticle, isExtractError, loadVocabulary } from '../scrapers/extract/index.ts';
import { inputForUrl } from '../scrapers/extract/fixtures.ts';
import { scorePage, summarize, SET_FIELDS, type Labels, type PageScore } from '../scrapers/extract/score.ts';
import { measureThroughput } from '../scrapers/extract/throughput.ts';

export const TARGET_F1 = 0.95;

export interface EvalResult {
  fixtures: string;
  pages: number;
  fields: ReturnType<typeof summarize>;
  failures: { url: string; diffs: string[] }[];
  targetsMet: boolean;
}

export function runEval(fixturesDir: string): EvalResult {
  const expected: Record<string, any> = JSON.parse(readFileSync(path.join(fixturesDir, 'expected.json'), 'utf8'));
  const v = loadVocabulary();
  const scores: PageScore[] = [];
  const failures: { url: string; diffs: string[] }[] = [];
  for (const [url, gold] of Object.entries(expected)) {
    if ('items' in gold) continue;
    const r = extractArticle(inputForUrl(fixturesDir, url), v);
    const pred: Labels = isExtractError(r)
      ? { relevant: false, title: '', publishedAt: '', cities: [], measures: [], products: [], markets: [], eligibility: [], signal: '' }
      : {
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
    const s = scorePage(pred, gold as Labels);
    scores.push(s);
    const diffs: string[] = [];
    if (isExtractError(r)) diffs.push(`error: ${r.error} (${r.reason})`);
    for (const [f, ok] of Object.entries(s.exact)) if (!ok) diffs.push(`${f}: got ${JSON.stringify((pred as any)[f])}, want ${JSON.stringify(gold[f])}`);
    for (const f of SET_FIELDS) {
      const c = s.sets[f];
      if (c.missing.length) diffs.push(`${f} missing: ${c.missing.join(' / ')}`);
      if (c.extra.length) diffs.push(`${f} extra: ${c.extra.join(' / ')}`);
    }
    if (diffs.length) failures.push({ url, diffs });
  }
  const fields = summarize(scores);
  const targetsMet = fields.every((f) => (f.field === 'relevant' ? f.value === 1 : f.kind === 'prf' ? f.value >= TARGET_F1 : true));
  return { fixtures: fixturesDir, pages: scores.length, fields, failures, targetsMet };
}

function printTable(r: EvalResult): void {
  const pct = (x: number | undefined) => (x === undefined ? '' : x.toFixed(3));
  console.log(`Extraction scored on ${r.pages} labelled articles (${r.fixtures})\n`);
  console.log(['field'.padEnd(12), 'metric'.padEnd(9), 'score'.padStart(6), 'P'.padStart(6), 'R'.padStart(6), 'n'.padStart(4), ' target'].join(' '));
  for (const f of r.fields) {
    const target = f.field === 'relevant' ? '= 1' : f.kind === 'prf' ? `>= ${TARGET_F1}` : '';
    const met = f.field === 'relevant' ? f.value === 1 : f.kind === 'prf' ? f.value >= TARGET_F1 : true;
    console.log([f.field.padEnd(12), (f.kind === 'prf' ? 'F1' : 'accuracy').padEnd(9), pct(f.value).padStart(6), pct(f.precision).padStart(6), pct(f.recall).padStart(6), String(f.n).padStart(4), ` ${target}${target ? (met ? ' ok' : ' MISSED') : ''}`].join(' '));
  }
  console.log(`\n${r.targetsMet ? 'All targets met.' : 'Some targets missed.'}`);
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      fixtures: { type: 'string', default: path.resolve(process.cwd(), '../shared/fixtures') },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
      throughput: { type: 'boolean', default: false },
    },
  });
  const dir = path.resolve(values.fixtures!);
  if (!existsSync(path.join(dir, 'expected.json'))) {
    console.error(`eval: no expected.json in ${dir} (pass --fixtures DIR)`);
    process.exit(2);
  }
  const r = runEval(dir);
  let tp: ReturnType<typeof measureThroughput> | undefined;
  if (values.throughput) {
    const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8'));
    const inputs = Object.entries(expected).filter(([, g]: any) => !('items' in g)).map(([u]) => inputForUrl(dir, u));
    tp = measureThroughput(inputs, { minSeconds: 3 });
  }
  if (values.json) console.log(JSON.stringify({ ...r, ...(tp ? { throughput: tp } : {}) }, null, 2));
  else {
    printTable(r);
    if (values.verbose || !r.targetsMet) {
      for (const f of r.failures) console.log(`\n${f.url}\n  ${f.diffs.join('\n  ')}`);
    }
    if (tp) console.log(`\nThroughput: ${tp.perSecond.toFixed(1)} articles/s (${tp.articles} extractions in ${tp.seconds.toFixed(2)} s; vocabulary load ${tp.vocabularyLoadMs.toFixed(0)} ms, once)`);
  }
  process.exit(r.targetsMet ? 0 : 1);
}
