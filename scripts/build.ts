/**
 * `npm run build`: Astro build and the Pagefind index. Fails when either fails.
 * Indexing overlaps the Astro build: Astro renders on one core and reports each page once it is
 * written, and each reported HTML page goes to Pagefind (its own process) right away. Pages the
 * report did not name are added from the output folder after Astro ends, then the index is written.
 * Astro 7.3 + @astrojs/mdx print one MODULE_LEVEL_DIRECTIVE warning per .mdx file (open upstream
 * issue); they are counted and folded into one line so CI logs stay short.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createIndex, close, type PagefindIndex } from 'pagefind';
import { glob } from 'tinyglobby';
import { CONTENT_DIR_ENV, contentRoot } from '../src/model/content-root.ts';

const root = process.cwd();
const outDir = path.resolve(root, process.env.ROLLOUT_OUT_DIR ?? 'dist');

async function astroBuild(onPage: (file: string) => void): Promise<void> {
  mkdirSync(path.join(root, '.tmp'), { recursive: true });
  const bin = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const args = [bin, 'build', '--root', root, '--outDir', outDir];
  // With an outDir outside the working directory, Astro bundles the prerender step into
  // <cwd>/.astro/.prerender, a folder that parallel builds to temp dirs (tests, benchmarks) would
  // share and break each other in. Give each such build its own working folder inside the
  // project (so the bundle still resolves node_modules), removed afterwards.
  const outside = !outDir.startsWith(root + path.sep);
  const cwd = outside ? mkdtempSync(path.join(root, '.tmp', 'astro-build-')) : root;
  if (outside) process.on('exit', () => rmSync(cwd, { recursive: true, force: true }));
  const env = { ...process.env, [CONTENT_DIR_ENV]: contentRoot(root) };
  // Astro also writes <root>/.astro/content-modules.mjs, the list of the content root's Markdown
  // modules, whatever the content root: two builds of different roots at once would overwrite
  // each other's list. So the Astro step of builds of this project takes a machine-wide lock
  // (flock(1), util-linux); Pagefind indexing runs outside it.
  const lock = path.join(os.tmpdir(), `rollout-astro-build-${createHash('sha256').update(root).digest('hex').slice(0, 12)}.lock`);
  const hasFlock = spawnSync('flock', ['--version'], { stdio: 'ignore' }).status === 0;
  const [cmd, cmdArgs] = hasFlock ? ['flock', [lock, process.execPath, ...args]] : [process.execPath, args];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env });
    let folded = 0;
    let pages = 0;
    const emptyCollections = new Set<string>();
    // Output arrives in chunks that may end mid-line: filter whole lines only.
    const partial = new Map<NodeJS.WriteStream, string>();
    const filter = (chunk: Buffer | null, out: NodeJS.WriteStream) => {
      const text = (partial.get(out) ?? '') + (chunk ? chunk.toString() : '\n');
      const lines = text.split('\n');
      partial.set(out, lines.pop() ?? '');
      const kept = lines.filter((line) => {
        // With FORCE_COLOR (CI) the report carries ANSI colour codes: match on the plain text.
        const l = line.replace(/\x1b\[[0-9;]*m/g, '');
        if (l.includes('MODULE_LEVEL_DIRECTIVE')) { folded++; return false; }
        // One line per generated page is noise at 20k pages: count them instead.
        if (/^\S*\s+[├└]─ /.test(l)) {
          pages++;
          // "├─ /zh/x/index.html (+2ms)": the suffix is printed after the file is written.
          const done = /[├└]─ \/(\S+\.html) \(\+[\d.]+m?s\)/.exec(l);
          if (done?.[1]) onPage(done[1]);
          return false;
        }
        // A legitimately empty collection (no scrape yet, no review yet) is a state, not a problem:
        // Astro warns twice per collection; say it once.
        const empty = /The collection "(\w+)" does not exist or is empty/.exec(l);
        if (empty?.[1]) { emptyCollections.add(empty[1]); return false; }
        if (/\[glob-loader\] No files found matching/.test(l)) return false;
        return true;
      });
      if (kept.length) out.write(kept.join('\n') + '\n');
    };
    child.stdout.on('data', (c: Buffer) => filter(c, process.stdout));
    child.stderr.on('data', (c: Buffer) => filter(c, process.stderr));
    child.on('error', reject);
    child.on('close', (code) => {
      if (partial.get(process.stdout)) filter(null, process.stdout);
      if (partial.get(process.stderr)) filter(null, process.stderr);
      if (emptyCollections.size) console.log(`empty collections (none yet): ${[...emptyCollections].sort().join(', ')}`);
      if (pages) console.log(`(${pages} page lines folded)`);
      if (folded) console.log(`(folded ${folded} MODULE_LEVEL_DIRECTIVE warning lines from @astrojs/mdx: known upstream issue)`);
      code === 0 ? resolve() : reject(new Error(`astro build exited with ${code}`));
    });
  });
}

/** A Pagefind index that takes pages while Astro still renders (a few reads in flight at once). */
function streamingIndex(index: PagefindIndex) {
  const seen = new Set<string>();
  const queue: string[] = [];
  const errors: string[] = [];
  let active = 0;
  let added = 0;
  let idle: (() => void) | null = null;
  const pump = () => {
    while (active < 8 && queue.length) {
      const rel = queue.shift()!;
      active++;
      readFile(path.join(outDir, rel), 'utf8')
        .then((content) => index.addHTMLFile({ sourcePath: rel, content }))
        .then((r) => { added++; errors.push(...r.errors.map((e) => `${rel}: ${e}`)); })
        .catch((err: Error) => { errors.push(`${rel}: ${err.message}`); })
        .finally(() => { active--; pump(); });
    }
    if (!active && !queue.length && idle) idle();
  };
  return {
    add(rel: string) {
      if (seen.has(rel) || rel.startsWith('pagefind/')) return;
      seen.add(rel);
      queue.push(rel);
      pump();
    },
    drained: () => new Promise<void>((resolve) => { idle = resolve; pump(); }),
    get added() { return added; },
    errors,
  };
}

async function build(): Promise<void> {
  const { index, errors } = await createIndex({});
  if (!index || errors.length) throw new Error(`pagefind: ${errors.join('; ')}`);
  const stream = streamingIndex(index);
  try {
    await astroBuild((rel) => stream.add(rel));
    const astroDone = Date.now();
    const during = stream.added;
    // Whatever the build report did not name (or named in a form we did not parse) is added now.
    for (const rel of await glob('**/*.html', { cwd: outDir, ignore: ['pagefind/**'] })) stream.add(rel);
    await stream.drained();
    const drainedAt = Date.now();
    if (stream.errors.length) throw new Error(`pagefind: ${stream.errors.slice(0, 10).join('; ')}`);
    if (stream.added === 0) throw new Error('pagefind indexed 0 pages');
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    console.log(`pagefind: indexed ${stream.added} pages in ${Date.now() - astroDone} ms after Astro (${during} of them while Astro was still rendering; writing the index ${Date.now() - drainedAt} ms)`);
  } finally {
    await close();
  }
}

try {
  await build();
} catch (err) {
  console.error(`build failed: ${(err as Error).message}`);
  process.exit(1);
}
