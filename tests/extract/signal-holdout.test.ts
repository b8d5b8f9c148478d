import { describe, expect, it } from 'vitest';
import { decide, fitOff, leaveOneBatchOut, type SignalCase } from '../../scripts/signal-holdout.ts';

// Invented cases: each stands for a labelled page by the rules that fired on it.
let n = 0;
const page = (set: string, gold: string, ...steps: [rule: string, signal: string, cue: string][]): SignalCase => ({
  set,
  url: `https://example.invalid/${set}/${n++}`,
  gold,
  relevant: true,
  steps: steps.map(([rule, signal, cue]) => ({ rule, signal, cues: [cue] })),
});

describe('signal leave-one-batch-out', () => {
  it('scores a set without the cues that fire only on it', () => {
    const cases = [
      page('a', 'operational', ['title reports use', 'operational', 'op:首票']),
      page('b', 'operational', ['title reports use', 'operational', 'op:首票']),
      // A cue seen only on batch c: on c held out it is off, and the page falls to the default.
      page('c', 'eligibility', ['title names conditions', 'eligibility', 'el:申请条件']),
    ];
    const { rows } = leaveOneBatchOut(cases);
    const c = rows.find((r) => r.set === 'c')!;
    expect(c.inSample).toBe(1);
    expect(c.unseenOff).toBe(0);
    expect(rows.find((r) => r.set === 'a')!.unseenOff).toBe(1);
  });

  it('switches off a cue that loses pages on the training sets and keeps one that wins them', () => {
    const train = [
      page('a', 'launch', ['list body', 'pilot-list', 'pl:现予公布']),
      page('a', 'launch', ['list body', 'pilot-list', 'pl:现予公布']),
      page('b', 'pilot-list', ['list title', 'pilot-list', 'pl:名单公布']),
    ];
    const off = fitOff(train, ['pl:现予公布', 'pl:名单公布'], 1);
    expect([...off]).toEqual(['pl:现予公布']);
    expect(train.map((c) => decide(c, off))).toEqual(['launch', 'launch', 'pilot-list']);
  });
});
