/**
 * The labelled sets extraction is scored on: the shared recorded fixtures (labels in
 * expected.json, the pages the first rules were written against) and the batches under
 * tests/fixtures/extract/batches/<name>/ (labels.json), each written blind by people who never
 * saw the extractor. A batch is blind until its first score is recorded in its batch.json; from
 * then on it is a development batch: rules may be changed against it, so its later scores say
 * little about pages never seen.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Labels } from './score.ts';

export const firstScore = z.object({
  scoredAt: z.string(),
  extractorVersion: z.string(),
  commit: z.string().optional(),
  pages: z.number().int(),
  fields: z.record(z.string(), z.number()),
});

export const batchMeta = z.object({
  /** Who wrote it and from what (the writers' brief), in a sentence. */
  about: z.string().optional(),
  firstScore: firstScore.optional(),
});
export type BatchMeta = z.infer<typeof batchMeta>;

export type SetKind = 'fixtures' | 'development' | 'blind';

export interface LabelledSet {
  name: string;
  kind: SetKind;
  dir: string;
  labelsFile: string;
  meta: BatchMeta;
}

export const BATCHES_DIR = path.resolve(import.meta.dirname, '../../tests/fixtures/extract/batches');

function readMeta(dir: string): BatchMeta {
  const f = path.join(dir, 'batch.json');
  return existsSync(f) ? batchMeta.parse(JSON.parse(readFileSync(f, 'utf8'))) : {};
}

/** Every labelled set found: the shared fixtures (when present) and each batch folder. */
export function findSets(sharedFixtures: string | null, batchesDir = BATCHES_DIR): LabelledSet[] {
  const sets: LabelledSet[] = [];
  if (sharedFixtures && existsSync(path.join(sharedFixtures, 'expected.json'))) {
    sets.push({ name: 'fixtures', kind: 'fixtures', dir: sharedFixtures, labelsFile: path.join(sharedFixtures, 'expected.json'), meta: {} });
  }
  if (existsSync(batchesDir)) {
    for (const name of readdirSync(batchesDir).sort()) {
      const dir = path.join(batchesDir, name);
      const labelsFile = path.join(dir, 'labels.json');
      if (!existsSync(labelsFile)) continue;
      const meta = readMeta(dir);
      sets.push({ name, kind: meta.firstScore ? 'development' : 'blind', dir, labelsFile, meta });
    }
  }
  return sets;
}

/** Record a blind batch's first score (once: a recorded first score is never replaced). */
export function recordFirstScore(set: LabelledSet, score: z.infer<typeof firstScore>): boolean {
  if (set.kind !== 'blind') return false;
  const meta: BatchMeta = { ...set.meta, firstScore: score };
  writeFileSync(path.join(set.dir, 'batch.json'), `${JSON.stringify(meta, null, 2)}\n`);
  return true;
}

/** A set's article labels by URL, in file order (expected.json's list and feed entries left out). */
export function articleLabels(set: LabelledSet): [url: string, gold: Labels][] {
  const labels = JSON.parse(readFileSync(set.labelsFile, 'utf8')) as Record<string, Labels | { items: unknown }>;
  return Object.entries(labels).filter((e): e is [string, Labels] => !('items' in e[1]));
}
