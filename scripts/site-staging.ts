/**
 * A private copy of the site source for one build (scripts/build.ts). Astro keeps per-build state
 * under its root (`.astro/`, e.g. the list of the content root's modules) and under the working
 * folder (`.astro/.prerender/` when the output is elsewhere), so two builds of different content
 * roots at once would overwrite each other's: each build runs from its own copy instead (the
 * source is ~0.5 MB; node_modules is linked, not copied).
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What the site build reads from the project; everything else is content or tooling. */
const SITE_SOURCE = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
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
  for (const f of SITE_SOURCE) cpSync(path.join(root, f), path.join(dir, f), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
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
