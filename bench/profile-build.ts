/**
 * Where does build time go? Builds a SYNTHETIC root (default 1000 .md announcements), sums
 * Astro's per-page render times by route, then times Pagefind over subsets of the output.
 *   node bench/profile-build.ts [--size 1000] [--ext md|mdx]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createIndex, close, type PagefindServiceConfig } from 'pagefind';
import { LANGS } from '../src/i18n/ui.ts';
import { ANNOUNCEMENT_INDEX } from '../src/lib/search-bundles.ts';
import { makeSyntheticRoot } from './synth.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { size: { type: 'string', default: '1000' }, ext: { type: 'string', default: 'md' } } });
const work = mkdtempSync(path.join(os.tmpdir(), 'rollout-profile-'));
try {
  const content = makeSyntheticRoot(path.join(ROOT, 'content'), work, Number(values.size), values.ext as 'md' | 'mdx');
  const outDir = path.join(work, 'dist');
  const started = performance.now();
  const log = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build.ts'], {
      cwd: ROOT,
      env: { ...process.env, ROLLOUT_CONTENT_DIR: content, ROLLOUT_OUT_DIR: outDir, ROLLOUT_CACHE_DIR: path.join(work, 'cache') },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c;
    });
    child.stderr.on('data', (c: Buffer) => {
      out += c;
    });
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(out.slice(-2000)))));
  });
  const astroMs = performance.now() - started;
  const phases = [...log.matchAll(/\[(\w+)\] (.*?)(?:Completed in|built in|Generated) ([\d.]+)(m?s)/g)].map((m) => `${m[1]} ${m[2]!.trim()} ${m[3]}${m[4]}`);
  const byRoute = new Map<string, { n: number; ms: number }>();
  for (const m of log.matchAll(/[├└]─ (\/\S+) \(\+(\d+)ms\)/g)) {
    const parts = m[1]!.split('/').filter(Boolean);
    const key = parts[0] === 'en' || parts[0] === 'zh' ? `/${parts[0]}/${parts[1] ?? ''}` : `/${parts[0]}`;
    const r = byRoute.get(key) ?? { n: 0, ms: 0 };
    r.n++;
    r.ms += Number(m[2]);
    byRoute.set(key, r);
  }
  console.log(`build (Astro, then the Pagefind integration): ${(astroMs / 1000).toFixed(1)} s wall`);
  for (const p of phases) console.log(`  ${p}`);
  console.log("per-page render time by route (sum of Astro's +ms per page):");
  for (const [k, r] of [...byRoute].sort((a, b) => b[1].ms - a[1].ms).slice(0, 16))
    console.log(`  ${k.padEnd(24)} ${String(r.n).padStart(6)} pages ${(r.ms / 1000).toFixed(1).padStart(7)} s  ${(r.ms / r.n).toFixed(1)} ms/page`);
  // The search bundles the build writes (src/lib/search-bundles.ts), each timed on its own.
  const subsets: [string, string, PagefindServiceConfig][] = [
    ['catalogue, zh pages', 'zh/**/*.html', {}],
    ['catalogue, en pages', 'en/**/*.html', {}],
    // All announcements in one bundle per language (the build cuts them into shards).
    ...LANGS.map((lang): [string, string, PagefindServiceConfig] => [`announcements read in ${lang}`, 'announcements/**/*.html', ANNOUNCEMENT_INDEX[lang]]),
  ];
  for (const [label, glob, config] of subsets) {
    const t = performance.now();
    const { index } = await createIndex(config);
    const pages = (await index!.addDirectory({ path: outDir, glob })).page_count;
    await index!.getFiles();
    console.log(`pagefind ${label}: ${pages} pages in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
