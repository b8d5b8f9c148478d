import { describe, expect, it } from 'vitest';
import { spied } from '../../scripts/cities-holdout.ts';
import { loadVocabulary } from '../../scrapers/extract/index.ts';
import { loadPlaces } from '../../scrapers/extract/places/load.ts';
import { roleOf, type RoleContext } from '../../scrapers/extract/places/roles.ts';

const cues = loadPlaces(loadVocabulary().root).roles.cues;
// An invented clause: goods that come from the named place (产自X).
const from: RoleContext = {
  before: '这批货物产自',
  after: '，经口岸出口',
  line: '这批货物产自某地，经口岸出口。',
  sentenceBefore: '这批货物产自',
  sentenceAfter: '，经口岸出口',
  next: '',
};

describe('cities leave-one-batch-out', () => {
  it('records the cue that decides a role, and decides as if the vocabulary never had a cue switched off', () => {
    const fired = new Set<string>();
    const on = roleOf({ cues: spied(cues, new Set(), fired), unknownBefore: /(?!)/ }, from);
    expect(on.role).toBe('origin');
    expect(fired.size).toBe(1);
    const off = roleOf({ cues: spied(cues, fired, new Set()), unknownBefore: /(?!)/ }, from);
    expect(off.role).not.toBe('origin');
  });
});
