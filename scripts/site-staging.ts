/**
 * A private copy of the site source for one build (scripts/build.ts). Astro keeps per-build state
 * under its root (`.astro/`, e.g. the list of the content root's modules) and under the working
 * folder (`.astro/.prerender/` when the output is elsewhere), so two builds of different content
 * roots at once would overwrite each other's: each build runs from its own copy instead (the
 * source is ~0.5 MB; the rest of the project is linked, not copied).
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The site source, copied; every other top-level entry (node_modules, content/vocab the site
 * imports, ...) is linked, except Astro's own state and output. */
const SITE_SOURCE = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
const NOT_LINKED = new Set(['.astro', 'dist', '.git', '.tmp']);
const PREFIX = 'rollout-stage-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Copies `root`'s site source into a new temp folder named for this process. */
export function stageSite(root: string, tmp = os.tmpdir()): string {
  const dir = mkdtempSync(path.join(tmp, `${PREFIX}${process.pid}-`));
  for (const e of readdirSync(root, { withFileTypes: true })) {
    if (NOT_LINKED.has(e.name)) continue;
    if (SITE_SOURCE.includes(e.name)) cpSync(path.join(root, e.name), path.join(dir, e.name), { recursive: true });
    else symlinkSync(path.join(root, e.name), path.join(dir, e.name), e.isDirectory() ? 'dir' : 'file');
  }
  return dir;
}

/** Removes the staging folders of builds whose process is gone (killed outright). Returns them. */
export function sweepStaleStages(tmp = os.tmpdir()): string[] {
  const swept: string[] = [];
  for (const name of readdirSync(tmp)) {
    const pid = Number(new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (!pid || pid === process.pid || alive(pid)) continue;
    rmSync(path.join(tmp, name), { recursive: true, force: true });
    swept.push(path.join(tmp, name));
  }
  return swept;
}
