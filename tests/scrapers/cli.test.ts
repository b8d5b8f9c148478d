/** The real `npm run scrape` script as a child process, against the invented local sites. */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync, readdirSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { runReport } from '../../src/model/schemas.ts';
import { serveFixtures, type TestServer } from '../helpers/fixture-server.ts';
import { ROOT, runScriptAsync, tempDir } from '../helpers/site.ts';
import { OWN_FIXTURES } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await serveFixtures({ roots: [OWN_FIXTURES] });
});
afterAll(async () => server.close());

const SOURCES = path.join(OWN_FIXTURES, 'sources.json');

const KILL_AT_RENAME = path.join(ROOT, 'tests/helpers/kill-at-rename.ts');

/** Async: the fixture server lives in this process and must keep answering. */
const cli = (args: string[], o: { preload?: string; env?: Record<string, string> } = {}) =>
  runScriptAsync('scripts/scrape.ts', args, { ...o, env: { ROLLOUT_MIRROR: '', ...o.env } });

function allFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

describe('scrape CLI', () => {
  it('--help explains the options and exits 0; bad arguments exit 1', async () => {
    const help = await cli(['--help']);
    expect(help.status).toBe(0);
    for (const opt of ['--source', '--sources', '--since', '--mirror', '--content', '--delay', '--dry-run', '--browser']) expect(help.stdout).toContain(opt);
    expect((await cli(['--since', 'yesterday'])).status).toBe(1);
    expect((await cli(['--frobnicate'])).status).toBe(1);
    expect((await cli(['--sources', SOURCES, '--source', 'no-such-source', '--content', tempDir()])).status).toBe(1);
  });

  it('runs offline through the mirror: progress per source on stderr, summary table on stdout, exit 2 when a source is blocked', async () => {
    const root = path.join(tempDir('rollout-cli-'), 'content');
    const r = await cli(['--sources', SOURCES, '--mirror', server.url, '--content', root, '--delay', '0']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr.match(/^\[\d+\/3\] /gm)).toHaveLength(3);
    expect(r.stderr).toMatch(/demo-blocked: blocked/);
    expect(r.stdout).toMatch(/source\s+state\s+family\s+columns\s+last ok\s+last change\s+lists\s+seen/);
    expect(r.stdout).toMatch(/demo-blocked\s+blocked .*HTTP 412.*still the challenge after Chromium ran it/);
    expect(r.stdout).toMatch(/ok 2, blocked 1, failing 0, unconfigured 0/);
    runReport.parse(JSON.parse(readFileSync(path.join(root, '_state/report.json'), 'utf8')));
    const ok = await cli(['--sources', SOURCES, '--source', 'demo-new', '--mirror', server.url, '--content', root, '--delay', '0']);
    expect(ok.status, ok.stderr).toBe(0);
  });

  it('a run killed at any moment leaves every state file complete', async () => {
    const args = (root: string, raw: string) => [
      '--sources',
      SOURCES,
      '--mirror',
      server.url,
      '--content',
      root,
      '--delay',
      '0',
      '--no-browser',
      '--raw-dir',
      raw,
    ];
    const fresh = () => {
      const dir = tempDir('rollout-kill-');
      mkdirSync(path.join(dir, 'content'), { recursive: true });
      return { root: path.join(dir, 'content'), raw: path.join(dir, 'raw') };
    };
    // How many atomic writes a whole run makes.
    const whole = fresh();
    const counted = await cli(args(whole.root, whole.raw), { preload: KILL_AT_RENAME });
    const renames = Number(/renames: (\d+)/.exec(counted.stderr)?.[1]);
    expect(renames, counted.stderr).toBeGreaterThan(3);
    // The same run from nothing, killed between a write's complete temp file and the rename that
    // would replace its target: at the first write, two along the way (pages, archive, raw
    // copies) and each of the last three, the run state files.
    const killPoints = new Set([1, Math.ceil(renames / 3), Math.ceil((2 * renames) / 3), renames - 2, renames - 1, renames]);
    let last = whole;
    for (const n of [...killPoints].sort((x, y) => x - y)) {
      last = fresh();
      const killed = await cli(args(last.root, last.raw), { preload: KILL_AT_RENAME, env: { ROLLOUT_KILL_AT_RENAME: String(n) } });
      expect(killed.signal, `kill at write ${n}: ${killed.stderr}`).toBe('SIGKILL');
      const files = [...allFiles(last.root), ...allFiles(last.raw)];
      for (const f of files.filter((x) => x.endsWith('.json'))) {
        expect(() => JSON.parse(readFileSync(f, 'utf8')), `${f} after a kill at write ${n}`).not.toThrow();
      }
      // What the interrupted write leaves is its hidden temp file, never a half-written target.
      expect(
        files.filter((f) => /^\..+\.tmp-\d+$/.test(path.basename(f))),
        `kill at write ${n}`,
      ).toHaveLength(1);
    }
    // The next run completes from what the last kill left, and sweeps the temp files of its state.
    const done = await cli(args(last.root, last.raw));
    expect(done.status).toBe(2);
    const report = runReport.parse(JSON.parse(readFileSync(path.join(last.root, '_state/report.json'), 'utf8')));
    expect(Object.keys(report.sources).sort()).toEqual(['demo-blocked', 'demo-easysite', 'demo-new']);
    expect(
      allFiles(path.join(last.root, '_state'))
        .map((f) => path.basename(f))
        .sort(),
    ).toEqual(['report.json', 'seen.json', 'validators.json']);
  }, 180_000);
});
