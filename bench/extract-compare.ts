/**
 * Extraction throughput of this checkout against another one, in one process:
 * `node bench/extract-compare.ts --base DIR [--rounds 12] [--seconds 1.5]`, DIR being a checkout
 * of an earlier commit (`git worktree add DIR COMMIT`; it may share this node_modules by a
 * symlink). The two rule sets take turns over the article pages of ../shared/fixtures, each with
 * its own content folder, so load on the host drifts alike for both; the pairwise ratio's median
 * says whether a change made extraction slower or faster. Absolute figures vary run to run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

type Throughput = typeof import('../scrapers/extract/throughput.ts');
type Fixtures = typeof import('../scrapers/extract/fixtures.ts');

const ROOT = path.resolve(import.meta.dirname, '..');
const SHARED = path.resolve(ROOT, '../shared/fixtures');

const { values } = parseArgs({
  options: { base: { type: 'string' }, rounds: { type: 'string', default: '12' }, seconds: { type: 'string', default: '1.5' } },
});
if (!values.base) throw new Error('usage: node bench/extract-compare.ts --base DIR [--rounds N] [--seconds S]');
const BASE = path.resolve(values.base);
for (const dir of [BASE, SHARED]) if (!existsSync(dir)) throw new Error(`${dir} does not exist (the base checkout, or ../shared/fixtures for the pages)`);

const expected = JSON.parse(readFileSync(path.join(SHARED, 'expected.json'), 'utf8')) as Record<string, object>;
const urls = Object.entries(expected)
  .filter(([, g]) => !('items' in g))
  .map(([u]) => u);

async function side(root: string) {
  const tp = (await import(path.join(root, 'scrapers/extract/throughput.ts'))) as Throughput;
  const fx = (await import(path.join(root, 'scrapers/extract/fixtures.ts'))) as Fixtures;
  const inputs = urls.map((u) => fx.inputForUrl(SHARED, u));
  const contentDir = path.join(root, 'content');
  return () => tp.measureThroughput(inputs, { minSeconds: Number(values.seconds), contentDir }).perSecond;
}

const base = await side(BASE);
const head = await side(ROOT);
const rounds = Number(values.rounds);
const b: number[] = [];
const h: number[] = [];
for (let i = 0; i < rounds; i++) {
  // Alternate which goes first, so neither always runs on a warmer or a quieter host.
  if (i % 2 === 0) {
    b.push(base());
    h.push(head());
  } else {
    h.push(head());
    b.push(base());
  }
}
const median = (xs: number[]) => {
  const s = [...xs].sort((p, q) => p - q);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
console.log(`base ${path.relative(ROOT, BASE) || BASE}: ${fmt(b)} articles/s, median ${median(b).toFixed(0)}`);
console.log(`this checkout: ${fmt(h)} articles/s, median ${median(h).toFixed(0)}`);
console.log(`pairwise ratio (this / base), median: ${median(h.map((x, i) => x / b[i]!)).toFixed(3)} over ${rounds} rounds of ${values.seconds} s`);
