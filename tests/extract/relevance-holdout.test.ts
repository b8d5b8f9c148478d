import { describe, expect, it } from 'vitest';
import { decider, type RelevanceCase } from '../../scripts/relevance-holdout.ts';
import { loadVocabulary } from '../../scrapers/extract/index.ts';
import { splitSentences } from '../../scrapers/extract/sentences.ts';
import { measureHits } from '../../scrapers/extract/measures.ts';

const v = loadVocabulary();

// An invented page, read as the held-out study reads it.
const page = (title: string, body: string[]): RelevanceCase => {
  const sentences = splitSentences(body, 2026, v);
  return {
    set: 'x',
    url: 'https://example.invalid/1',
    gold: false,
    page: { title, sentences, hits: measureHits(title, sentences, v).hits, docYear: 2026 },
    fires: new Set(),
    predicted: false,
  };
};

describe('relevance leave-one-batch-out', () => {
  const decide = decider(v);

  it('decides with a negative-class cue switched off as if the vocabulary never had it', () => {
    const c = page('某海关2026年第2批干部任前公示', ['该同志牵头推进跨境贸易便利化专项行动有关工作。']);
    expect(decide(c, new Set())).toBe(false);
    expect(decide(c, new Set(['class:recruitment-and-notices:任职?前公示']))).toBe(true);
  });

  it('switches off a measure keyword as evidence', () => {
    const c = page('某海关召开通关工作会', ['本关已在港区推行“船边直提”。']);
    expect(decide(c, new Set())).toBe(true);
    expect(decide(c, new Set(['measure:船边直提']))).toBe(false);
  });
});
