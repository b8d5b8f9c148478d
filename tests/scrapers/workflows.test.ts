/** The scheduled workflows keep their safety properties (pins, permissions, concurrency). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { ROOT } from './helpers.ts';

type Workflow = {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: unknown;
  jobs: Record<string, { permissions?: Record<string, string>; steps: { uses?: string; run?: string }[] }>;
};
const load = (name: string) => {
  const text = readFileSync(path.join(ROOT, '.github/workflows', name), 'utf8');
  return { text, wf: yaml.load(text) as Workflow };
};

describe('GitHub workflows', () => {
  for (const name of ['scrape.yml', 'deploy.yml', 'canary.yml', 'checks.yml']) {
    it(`${name}: every action pinned by full commit SHA, read-only default permissions, a concurrency group`, () => {
      const { wf } = load(name);
      const uses = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.uses).filter((u): u is string => !!u));
      expect(uses.length).toBeGreaterThan(0);
      for (const u of uses) expect(u, u).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      expect(wf.permissions).toEqual({ contents: 'read' });
      expect(wf.concurrency).toBeTruthy();
    });
  }

  it('checks.yml runs on every pull request: lint, content and type check, unit tests, the extraction eval, a build and the full tests', () => {
    const { wf } = load('checks.yml');
    expect(Object.keys(wf.on)).toContain('pull_request');
    const runs = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.run ?? ''));
    for (const cmd of ['npm ci', 'npm run lint', 'npm run check', 'npm run test:unit', 'npm run eval', 'npm run build', 'npm test'])
      expect(runs, cmd).toContain(cmd);
  });

  it('scrape.yml runs daily at an odd minute and by hand, and never puts inputs into the script text', () => {
    const { wf, text } = load('scrape.yml');
    const cron = (wf.on['schedule'] as { cron: string }[])[0]!.cron;
    const minute = Number(cron.split(' ')[0]);
    expect(minute % 2).toBe(1);
    expect(cron.split(' ').slice(2)).toEqual(['*', '*', '*']);
    expect(wf.on).toHaveProperty('workflow_dispatch');
    const runs = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.run ?? ''));
    expect(runs.join('\n')).not.toMatch(/\$\{\{\s*(inputs|github\.event)/);
    expect(text).toMatch(/create-pull-request/);
  });

  it('scrape.yml passes the challenge by default: Xvfb and a browser installed, no --browser needed, no xvfb-run wrapper', () => {
    const { wf } = load('scrape.yml');
    const runs = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => ({ run: s.run ?? '', if: (s as { if?: string }).if })));
    const install = runs.find((s) => /apt-get install/.test(s.run))!;
    expect(install.if).toBeUndefined();
    expect(install.run).toMatch(/xvfb/);
    expect(install.run).toMatch(/chromium/);
    const scrape = runs.find((s) => /npm run --silent scrape/.test(s.run))!.run;
    expect(scrape).toMatch(/ROLLOUT_CHROMIUM=/);
    expect(scrape).not.toMatch(/--headed|--no-browser|xvfb-run/);
  });

  it('canary.yml runs weekly and by hand, keeps the report as an artefact and proposes it for the health page', () => {
    const { wf, text } = load('canary.yml');
    const cron = (wf.on['schedule'] as { cron: string }[])[0]!.cron.split(' ');
    expect(Number(cron[0]) % 2).toBe(1);
    expect(cron.slice(2, 4)).toEqual(['*', '*']);
    expect(cron[4]).toMatch(/^[0-6]$/);
    expect(wf.on).toHaveProperty('workflow_dispatch');
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    expect(steps.some((s) => /npm run --silent canary -- --out/.test(s.run ?? ''))).toBe(true);
    expect(steps.some((s) => s.uses?.startsWith('actions/upload-artifact@'))).toBe(true);
    expect(text).toMatch(/add-paths: content\/_state\/canary\.json/);
    expect(steps.map((s) => s.run ?? '').join('\n')).not.toMatch(/\$\{\{\s*(inputs|github\.event)/);
  });
});
