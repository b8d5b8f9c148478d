/**
 * Schemas of the rule vocabularies in content/vocab/*.json: data, never code. A pattern is the
 * source of a JavaScript Unicode regular expression and must compile; a list is literal text.
 * `npm run check` validates every file with these, and the loader reads through them, so a
 * broken vocabulary fails with the file and field named instead of a wrong classification.
 */
import { z } from 'astro/zod';

const pattern = z.string().min(1).refine((p) => {
  try {
    new RegExp(p, 'u');
    return true;
  } catch {
    return false;
  }
}, 'must be a valid regular expression (Unicode)');
const words = z.array(z.string().min(1));
const patterns = z.array(pattern);
const about = z.string().optional();

export const relevanceVocab = z.object({
  about,
  actionPatterns: patterns,
  /** Same, for English pages; matched case-insensitively. */
  actionPatternsEn: patterns.default([]),
  paraphrasePatterns: patterns,
  facilitationContext: words,
  otherCampaignCues: words,
  futureCues: words,
  negativeClasses: z.array(z.object({ id: z.string().min(1), title: patterns, body: patterns.default([]) }).strict()),
}).strict();

export const contextVocab = z.object({
  about,
  past: patterns,
  pastYearPattern: pattern,
  pastYearTitlePattern: pattern,
  pastYearExceptions: patterns,
  future: patterns,
  statistics: words,
  origin: patterns,
  transit: words,
}).strict();

export const measuresVocab = z.object({
  about,
  measures: z.record(z.string(), z.object({
    synonyms: words.default([]),
    /** English names beside the catalogue's nameEn (matched case-insensitively). */
    synonymsEn: words.default([]),
    weak: words.default([]),
    direction: z.enum(['export', 'import']).optional(),
  }).strict()),
  directionCues: z.object({ export: words, import: words }).strict(),
  candidate: z.object({ about, near: words, minLength: z.number().int().positive(), maxLength: z.number().int().positive(), notCandidates: words }).strict(),
}).strict();

export const marketsVocab = z.object({
  about,
  aliases: z.record(z.string(), z.array(z.string().regex(/^[A-Z]{2}$/))),
  noCode: words,
  exclude: z.array(z.string().regex(/^[A-Z]{2}$/)),
  falseFriends: words,
  exportCues: words,
  blockBefore: pattern,
  marketColumnHeaders: words,
}).strict();

export const productsVocab = z.object({
  about,
  modifiers: words,
  scopeCues: words,
  firstItemCut: words,
  classifierAfter: pattern,
  itemMaxLength: z.number().int().positive(),
  notProducts: words,
  tableHeaders: words,
  hsHeaders: words,
}).passthrough();

export const eligibilityVocab = z.object({
  about,
  headerPatterns: patterns,
  sectionPatterns: patterns,
  subjectPattern: pattern,
  participationPattern: pattern,
  modalPattern: pattern,
  negativePatterns: patterns,
  priorityPattern: pattern,
  leadingStrip: pattern,
  connectorStrip: pattern,
  trailingStrip: pattern,
  minLength: z.number().int().positive(),
  maxLength: z.number().int().positive(),
}).strict();

export const signalVocab = z.object({
  about,
  operational: z.object({ title: patterns, body: patterns.default([]) }).strict(),
  pilotList: z.object({ title: patterns, body: patterns.default([]) }).strict(),
  eligibility: z.object({ title: patterns, conditionSection: pattern, procedureSection: pattern }).strict(),
}).passthrough();

/** Every vocabulary file and its schema. */
export const VOCAB_SCHEMAS = {
  relevance: relevanceVocab,
  context: contextVocab,
  measures: measuresVocab,
  markets: marketsVocab,
  products: productsVocab,
  eligibility: eligibilityVocab,
  signal: signalVocab,
} as const;
export type VocabName = keyof typeof VOCAB_SCHEMAS;
export type VocabData<N extends VocabName> = z.infer<(typeof VOCAB_SCHEMAS)[N]>;
