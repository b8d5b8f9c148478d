/**
 * `npm run review [-- --markdown] [-- --base <git ref>] [-- --base-dir <content root>]`: what needs a
 * human in the content root (lib/review.ts). Cells whose status changes are compared with the
 * content at a git ref (default HEAD: the committed state, so a scrape's uncommitted writes show
 * as changes) or with another content root. Exit 0 always: the list informs, it does not gate.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentRoot } from '../src/model/content-root.ts';
import { loadCollection } from '../src/model/load-content.ts';
import { formatReview, reviewList, type ReviewContent } from '../src/lib/review.ts';
import { command } from './cli.ts';

const HELP = `Usage: npm run review -- [options]

  --markdown         the list as Markdown (the scheduled scrape's pull request body)
  --base REF         compare cell statuses with the content committed at git REF (default HEAD)
  --base-dir DIR     compare with another content root instead
  --help             this text

What needs a human in the content root (env ROLLOUT_CONTENT_DIR, default content/). Exit 0 whatever
the list holds.`;

export function loadReviewContent(root: string): ReviewContent {
  return {
    measures: loadCollection(root, 'measures'),
    cities: loadCollection(root, 'cities'),
    announcements: loadCollection(root, 'announcements'),
    evidence: loadCollection(root, 'evidence'),
    overrides: loadCollection(root, 'cells').map((o) => o.data),
  };
}

/** The content root as committed at `ref`, unpacked into a temp folder; null when git cannot give it. */
function contentAtRef(root: string, ref: string): { dir: string; cleanup: () => void } | null {
  try {
    const top = execFileSync('git', ['-C', root, 'rev-parse', '--show-toplevel'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const rel = path.relative(top, root) || '.';
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'rollout-review-'));
    const tar = execFileSync('git', ['-C', top, 'archive', '--format=tar', ref, '--', rel], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', tmp], { input: tar });
    return { dir: path.join(tmp, rel), cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
  } catch {
    return null;
  }
}

if (import.meta.main) {
  const { values } = command('review', HELP, { markdown: { type: 'boolean', default: false }, base: { type: 'string' }, 'base-dir': { type: 'string' } });
  const root = contentRoot();
  const content = loadReviewContent(root);
  let base: ReviewContent | null = null;
  if (values['base-dir']) base = loadReviewContent(path.resolve(values['base-dir']));
  else {
    const at = contentAtRef(root, values.base ?? 'HEAD');
    if (at) {
      try {
        base = loadReviewContent(at.dir);
      } finally {
        at.cleanup();
      }
    }
  }
  process.stdout.write(formatReview(reviewList(content, base), values.markdown) + '\n');
}
