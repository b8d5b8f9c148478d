/**
 * Extraction throughput and scrape benchmarks over the recorded fixture mirror
 * (../shared/fixtures). Both need that folder; without it they report "not measured".
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveFixtures } from '../tests/helpers/fixture-server.ts';

export interface PipelineRow {
  metric: string;
  value: string;
  goal: string;
  ok: boolean | null;
}
export interface PipelineResult {
  json: unknown;
  rows: PipelineRow[];
}

const ROOT = path.resolve(import.meta.dirname, '..');

function needShared(shared: string): void {
  if (!existsSync(path.join(shared, 'expected.json'))) throw new Error(`no fixtures at ${shared}`);
}

export async function benchExtract(shared: string): Promise<PipelineResult> {
  needShared(shared);
  const { inputForUrl } = await import('../scrapers/extract/fixtures.ts');
  const { measureThroughput } = await import('../scrapers/extract/throughput.ts');
  const expected = JSON.parse(readFileSync(path.join(shared, 'expected.json'), 'utf8')) as Record<string, object>;
  const urls = Object.entries(expected)
    .filter(([, g]) => !('items' in g))
    .map(([u]) => u);
  const inputs = urls.map((u) => inputForUrl(shared, u));
  const tp = measureThroughput(inputs, { minSeconds: 3 });
  return {
    json: { distinctArticles: inputs.length, ...tp },
    rows: [
      {
        metric: 'extraction throughput',
        value: `${tp.perSecond.toFixed(0)} articles/s (${inputs.length} fixture articles looped ${tp.seconds.toFixed(1)} s; vocabulary load ${tp.vocabularyLoadMs.toFixed(0)} ms)`,
        goal: '> 200 /s',
        ok: tp.perSecond > 200,
      },
    ],
  };
}

function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const rel = path.relative(dir, path.join(e.parentPath, e.name));
    if (rel.startsWith(`_state${path.sep}`)) continue;
    out.set(
      rel,
      createHash('sha256')
        .update(readFileSync(path.join(e.parentPath, e.name)))
        .digest('hex'),
    );
  }
  return out;
}

function scrapeOnce(content: string, sources: string, mirror: string): Promise<{ code: number | null; ms: number; out: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/scrape.ts', '--sources', sources, '--mirror', mirror, '--content', content, '--delay', '0'], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c;
    });
    child.stderr.on('data', (c: Buffer) => {
      out += c;
    });
    child.on('close', (code) => resolve({ code, ms: performance.now() - started, out }));
  });
}

export async function benchScrape(shared: string, work: string): Promise<PipelineResult> {
  needShared(shared);
  const content = path.join(work, 'content');
  cpSync(path.join(ROOT, 'content'), content, { recursive: true });
  const sources = path.join(shared, 'sources.json');
  const mirror = await serveFixtures({ roots: [shared], maxRequests: 5000 });
  try {
    const first = await scrapeOnce(content, sources, mirror.url);
    const firstRequests = mirror.requests.length;
    const before = hashTree(content);
    const written = [...before.keys()].filter((k) => k.startsWith(`announcements${path.sep}`) && !path.basename(k).startsWith('_')).length;
    const second = await scrapeOnce(content, sources, mirror.url);
    const rescrape = mirror.requests.slice(firstRequests);
    const conditional = rescrape.filter((q) => q.headers['if-none-match'] || q.headers['if-modified-since']).length;
    const robots = rescrape.filter((q) => q.path.endsWith('/robots.txt')).length;
    const others = rescrape.filter((q) => !q.path.endsWith('/robots.txt') && !q.headers['if-none-match'] && !q.headers['if-modified-since']).map((q) => q.path);
    const after = hashTree(content);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
    const rps = firstRequests / (first.ms / 1000);
    return {
      json: {
        full: { exit: first.code, ms: first.ms, requests: firstRequests, requestsPerSecond: rps, announcementsWritten: written },
        rescrape: { exit: second.code, ms: second.ms, requests: rescrape.length, conditional, robots, unconditional: others, changedOutsideState: changed },
      },
      rows: [
        {
          metric: 'scrape fixture mirror --delay 0',
          value: `${firstRequests} requests in ${(first.ms / 1000).toFixed(1)} s = ${rps.toFixed(0)} req/s (exit ${first.code}, ${written} announcements written)`,
          goal: '',
          ok: null,
        },
        {
          metric: 'no-change rescrape',
          value: `${changed.length} files changed outside _state/; ${rescrape.length} requests: ${conditional} conditional, ${robots} robots.txt, ${others.length} other; ${(second.ms / 1000).toFixed(1)} s (exit ${second.code})`,
          goal: '0 files changed',
          ok: changed.length === 0,
        },
      ],
    };
  } finally {
    await mirror.close();
  }
}
