/** The real `npm run scrape` script as a child process, against the invented local sites. */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { runReport } from '../../src/model/schemas.ts';
import { serveFixtures, type TestServer } from '../helpers/fixture-server.ts';
import { NODE, ROOT, tempDir } from '../helpers/site.ts';
import { OWN_FIXTURES } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await serveFixtures({ roots: [OWN_FIXTURES] });
});
afterAll(async () => server.close());

const SOURCES = path.join(OWN_FIXTURES, 'sources.json');

/** Async on purpose: the fixture server lives in this process and must keep answering. */
function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(NODE, ['scripts/scrape.ts', ...args], { cwd: ROOT, env: { ...process.env, ROLLOUT_MIRROR: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

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
    const root = path.join(tempDir('rollout-kill-'), 'content');
    const raw = path.join(tempDir('rollout-raw-'), 'raw');
    mkdirSync(root, { recursive: true });
    const args = ['scripts/scrape.ts', '--sources', SOURCES, '--mirror', server.url, '--content', root, '--delay', '15', '--raw-dir', raw];
    // Kill points measured from the first progress line, i.e. while sources are being saved.
    for (const ms of [0, 1, 3, 6, 10, 20, 40, 80]) {
      const child = spawn(NODE, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr.once('data', () => setTimeout(() => child.kill('SIGKILL'), ms));
      await new Promise((r) => child.once('exit', r));
      for (const f of [...allFiles(path.join(root, '_state')), ...allFiles(raw)]) {
        if (!f.endsWith('.json')) continue;
        expect(() => JSON.parse(readFileSync(f, 'utf8')), `${f} after a kill at ${ms} ms`).not.toThrow();
      }
    }
    const done = await cli(args.slice(1));
    expect(done.status).toBe(2);
    const report = runReport.parse(JSON.parse(readFileSync(path.join(root, '_state/report.json'), 'utf8')));
    expect(Object.keys(report.sources).sort()).toEqual(['demo-blocked', 'demo-easysite', 'demo-new']);
    // Temp files of interrupted writes are swept by the next run.
    expect(allFiles(path.join(root, '_state')).map((f) => path.basename(f)).sort()).toEqual(['report.json', 'seen.json', 'validators.json']);
  });
});
