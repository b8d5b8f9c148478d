/** Extraction throughput (articles per second) over a set of inputs: for `npm run eval -- --throughput` and the benchmarks. */
import { extractArticle } from './index.ts';
import { loadVocabulary } from './vocab.ts';
import type { ExtractInput } from './types.ts';

export interface Throughput {
  articles: number;
  seconds: number;
  perSecond: number;
  vocabularyLoadMs: number;
}

export function measureThroughput(inputs: ExtractInput[], opts: { minSeconds?: number; contentDir?: string } = {}): Throughput {
  const t0 = performance.now();
  const v = loadVocabulary(opts.contentDir);
  const vocabularyLoadMs = performance.now() - t0;
  const min = (opts.minSeconds ?? 2) * 1000;
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < min || n === 0) {
    for (const input of inputs) {
      extractArticle(input, v);
      n++;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  return { articles: n, seconds, perSecond: n / seconds, vocabularyLoadMs };
}
