/**
 * Loads every vocabulary the classifier uses: the catalogue (content/measures, content/cities,
 * content/products), the rule vocabularies in content/vocab/ and ISO 3166-1 country names
 * (i18n-iso-countries); place names come from the gazetteer (places/load.ts). I/O happens here,
 * once per content root; the classification functions receive the result.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { contentRoot } from '../../src/model/content-root.ts';
import { Dictionary } from './match.ts';
import { escapeRegExp as esc, normalizeForMatch } from './normalize.ts';
import { VOCAB_SCHEMAS, type VocabData, type VocabName } from './vocab-schema.ts';
import { loadPlaces } from './places/load.ts';
import type { Form } from './places/gazetteer.ts';
import { buildProductVocab, type ProductEntry, type ProductRules } from './product-vocab.ts';

const require = createRequire(import.meta.url);

export interface MeasureKw {
  id: string;
  keyword: string;
  strong: boolean;
  /** A word for a part of the measure: it names the measure only beside a word for the rest. */
  part?: boolean;
}
export type { ProductEntry } from './product-vocab.ts';

export interface Vocabulary {
  root: string;
  /** The year of the edition the site tracks: the latest in content/editions. */
  editionYear: number;
  /** The day that edition began (YYYY-MM-DD), when content/editions gives it. */
  editionStart: string | null;
  /** Catalogue measures with their Chinese name, every Chinese and English name (name and synonyms). */
  measures: Map<string, { id: string; nameZh: string; namesZh: string[]; namesEn: string[] }>;
  measureDict: Dictionary<MeasureKw>;
  measureDirection: Map<string, 'export' | 'import'>;
  cities: Map<string, { id: string; nameZh: string; nameEn: string; adcode: string }>;
  /** Every place name of the gazetteer (and the general words containing one, marked `word`). */
  placeDict: Dictionary<Form>;
  countryDict: Dictionary<string[] | null>;
  productDict: Dictionary<ProductEntry>;
  relevance: {
    actionPatterns: RegExp[];
    paraphrases: RegExp[];
    campaignNameBoundary: RegExp;
    otherCampaign: RegExp;
    future: RegExp;
    intention: RegExp;
    negation: RegExp;
    denial: RegExp[];
    others: RegExp;
    question: RegExp;
    frameBefore: RegExp;
    frameAfter: RegExp;
    negativeClasses: {
      id: string;
      title: RegExp[];
      body: RegExp[];
      soft: boolean;
      yieldsToTitleMeasure: boolean;
      yieldsToActionAtWork: boolean;
      yieldsToNotHere: boolean;
    }[];
  };
  context: {
    /** Earlier times or an example cited (the sentence flag). */
    past: RegExp;
    pastExample: RegExp;
    pastTime: RegExp;
    pastYear: RegExp;
    pastYearTitle: RegExp;
    relativePastYearTitle: RegExp;
    plannedRow: RegExp;
    pastYearExceptions: RegExp[];
    future: RegExp[];
    statistics: RegExp;
    origin: RegExp;
    transit: RegExp;
  };
  directionCues: { export: RegExp; import: RegExp; foreignSide: RegExp };
  measureLaterPlan: RegExp;
  measureTalkTopic: { before: RegExp; after: RegExp; attention: RegExp } | null;
  measurePlanFrame: RegExp;
  measureDefinition: RegExp;
  /** Verbs of putting a measure in place, the title report's and the measures' own. */
  measurePutInPlace: RegExp;
  candidate: { near: RegExp; minLength: number; maxLength: number; notCandidates: Set<string> };
  marketRules: { exportCue: RegExp; blockBefore: RegExp; transit: RegExp; future: RegExp; columns: string[] };
  productRules: ProductRules;
  eligibilityRules: {
    header: RegExp;
    section: RegExp;
    subject: RegExp;
    participation: RegExp;
    modal: RegExp;
    negative: RegExp;
    notCondition: RegExp;
    procedure: RegExp;
    materials: RegExp;
    sufficient: RegExp;
    disqualifying: RegExp;
    priorityCase: RegExp;
    inlineConditions: RegExp;
    whoMayApply: RegExp;
    applicantObject: RegExp;
    conditionColumn: RegExp;
    priority: RegExp;
    leadingStrip: RegExp;
    connectorStrip: RegExp;
    scopeClause: RegExp;
    english: RegExp;
    trailingStrip: RegExp;
    minLength: number;
    maxLength: number;
    maxLengthEn: number;
  };
  signalRules: {
    /** Cue lists are kept one regex per cue, so that each cue's effect can be measured (scripts/eval.ts --holdout). */
    launchTitle: RegExp[];
    operationalTitle: RegExp[];
    operationalBody: RegExp[];
    operationalLead: RegExp[];
    titleReport: {
      shipped: RegExp;
      toDestination: RegExp;
      putInPlace: RegExp;
      modalBefore: RegExp;
      purposeBefore: RegExp;
      notice: RegExp;
      firmsAbroad: RegExp;
      opens: RegExp;
    } | null;
    eligibilityLead: RegExp[];
    eligibilityBody: RegExp[];
    eligibilityReply: { title: RegExp; conditions: RegExp };
    pilotListBody: RegExp[];
    pilotListTitle: RegExp[];
    eligibilityTitle: RegExp[];
    eligibilityTitleApplication: RegExp;
    conditionSection: RegExp;
    procedureSection: RegExp;
    suspended: { title: RegExp[]; body: RegExp[] };
    notAnnounced: { title: RegExp[]; body: RegExp[]; elsewhereBefore: RegExp; casesAfter: RegExp };
    documentKind: {
      interviewTitle: RegExp;
      interviewerLine: RegExp;
      questionLine: RegExp;
      letterLine: RegExp;
      briefingTitle: RegExp;
      noticeTitle: RegExp;
      conditionQuestion: RegExp;
      procedureQuestion: RegExp;
    };
  };
}

/** The relevance vocabulary compiled; a cue listed in `off` is left out (the held-out study switches cues off). */
export function compileRelevance(rel: VocabData<'relevance'>, off: ReadonlySet<string> = new Set()): Vocabulary['relevance'] {
  const on = (kind: string) => (p: string) => !off.has(`${kind}:${p}`);
  // An empty alternation would match everywhere: a list with every cue off matches nothing.
  const anyWord = (ws: string[]) => (ws.length ? new RegExp(ws.map(esc).join('|'), 'iu') : /(?!)/u);
  return {
    actionPatterns: [
      ...rel.actionPatterns.filter(on('action')).map((p) => new RegExp(p, 'u')),
      ...rel.actionPatternsEn.filter(on('action')).map((p) => new RegExp(p, 'iu')),
    ],
    paraphrases: rel.paraphrasePatterns.filter(on('paraphrase')).map((p) => new RegExp(p, 'u')),
    campaignNameBoundary: new RegExp(rel.campaignNameBoundary, 'gu'),
    otherCampaign: anyWord(rel.otherCampaignCues.filter(on('other'))),
    future: anyWord(rel.futureCues.filter(on('future'))),
    intention: new RegExp(rel.intentionPattern, 'u'),
    negation: new RegExp(`(${rel.negationPattern})[^，,；;。]*$`, 'u'),
    question: new RegExp(rel.questionPattern, 'u'),
    frameBefore: new RegExp(`(${rel.framePattern.before})$`, 'u'),
    frameAfter: new RegExp(`^(${rel.framePattern.after})`, 'u'),
    others: new RegExp(`(^|[，,；;])(${rel.othersPattern})`, 'u'),
    denial: rel.denialPatterns.filter(on('denial')).map((p) => new RegExp(p, 'iu')),
    negativeClasses: rel.negativeClasses.map((c) => ({
      id: c.id,
      title: c.title.filter(on(`class:${c.id}`)).map((p) => new RegExp(p, 'iu')),
      body: c.body.filter(on(`class:${c.id}`)).map((p) => new RegExp(p, 'mu')),
      soft: c.soft,
      yieldsToTitleMeasure: c.yieldsToTitleMeasure,
      yieldsToActionAtWork: c.yieldsToActionAtWork,
      yieldsToNotHere: c.yieldsToNotHere,
    })),
  };
}
const anyOf = (list: string[]) => new RegExp(list.length ? list.join('|') : '(?!)', 'u');
const literalAny = (list: string[]) => anyOf(list.map(esc));
// Case-insensitive: English titles capitalise their words (Join … Export Pilot); Chinese is unaffected.
const eachOf = (list: string[]) => list.map((p) => new RegExp(p, 'iu'));

function readJsonDir(dir: string): { id: string; data: any }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
    .sort()
    .map((f) => ({ id: f.replace(/\.json$/, ''), data: JSON.parse(readFileSync(path.join(dir, f), 'utf8')) }));
}

/** The vocabularies shipped with the project: used when a content root (e.g. a test's) has no vocab/ of its own. */
const SHIPPED_VOCAB = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../content/vocab');

/** The file a vocabulary is read from: the content root's own, else the shipped one. */
export function vocabFile(root: string, name: VocabName): string {
  const own = path.join(root, 'vocab', `${name}.json`);
  return existsSync(own) ? own : path.join(SHIPPED_VOCAB, `${name}.json`);
}

/** Problems of one vocabulary file against its schema ("field: reason"), none when valid. */
export function vocabProblems(file: string, name: VocabName): string[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return [`(file): ${(err as Error).message}`];
  }
  const r = VOCAB_SCHEMAS[name].safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

export function readVocab<N extends VocabName>(root: string, name: N): VocabData<N> {
  const file = vocabFile(root, name);
  const r = VOCAB_SCHEMAS[name].safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!r.success) throw new Error(`${file}: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return r.data as VocabData<N>;
}

/**
 * The country dictionary; `off` switches cues off by id (alias:NAME, noCode:NAME, falseFriend:NAME),
 * for the leave-one-batch-out measurement.
 */
export function buildCountries(marketVocab: VocabData<'markets'>, off: ReadonlySet<string> = new Set()): Dictionary<string[] | null> {
  const countries = require('i18n-iso-countries');
  countries.registerLocale(require('i18n-iso-countries/langs/zh.json'));
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const exclude = new Set<string>(marketVocab.exclude);
  const entries: [string, string[] | null][] = [];
  for (const [name, codes] of Object.entries(marketVocab.aliases)) if (!off.has(`alias:${name}`)) entries.push([name, codes]);
  for (const name of marketVocab.noCode) if (!off.has(`noCode:${name}`)) entries.push([name, []]);
  for (const name of marketVocab.falseFriends) if (!off.has(`falseFriend:${name}`)) entries.push([name, null]);
  for (const lang of ['zh', 'en']) {
    const names: Record<string, string[]> = countries.getNames(lang, { select: 'all' });
    for (const [code, list] of Object.entries(names)) {
      for (const n of list) {
        if (lang === 'en' && n.length < 4) continue;
        entries.push([n, exclude.has(code) ? [] : [code]]);
      }
    }
  }
  // 中国 and its long forms are never an export market; keep them as no-code entries.
  for (const n of ['中国', '我国', '中华人民共和国', '国内', '境内']) entries.push([n, []]);
  return new Dictionary(entries);
}

/** The market rules; `off` switches cues off by id (export:CUE, future:CUE, column:HEADER). */
export function compileMarketRules(mkt: VocabData<'markets'>, off: ReadonlySet<string> = new Set()): Vocabulary['marketRules'] {
  const on = (kind: string) => (p: string) => !off.has(`${kind}:${p}`);
  const exportCues = mkt.exportCues.filter(on('export'));
  const futureCues = mkt.futureCues.filter(on('future'));
  return {
    exportCue: exportCues.length ? new RegExp(exportCues.map(esc).join('|'), 'iu') : /(?!)/u,
    blockBefore: new RegExp(mkt.blockBefore, 'u'),
    transit: new RegExp(mkt.transitCues, 'iu'),
    future: futureCues.length ? new RegExp(futureCues.join('|'), 'iu') : /(?!)/u,
    columns: mkt.marketColumnHeaders.filter(on('column')),
  };
}

const cache = new Map<string, Vocabulary>();

export function loadVocabulary(root: string = contentRoot()): Vocabulary {
  const hit = cache.get(root);
  if (hit) return hit;
  const mv = readVocab(root, 'measures');
  const measures = new Map<string, { id: string; nameZh: string; namesZh: string[]; namesEn: string[] }>();
  const kw: [string, MeasureKw][] = [];
  const measureDirection = new Map<string, 'export' | 'import'>();
  for (const { id, data } of readJsonDir(path.join(root, 'measures'))) {
    const extra = mv.measures[id] ?? { synonyms: [], synonymsEn: [], weak: [], parts: [] };
    measures.set(id, { id, nameZh: data.name.zh, namesZh: [data.name.zh, ...extra.synonyms], namesEn: [data.name.en, ...extra.synonymsEn] });
    const parts = new Set<string>(extra.parts);
    const weak = new Set<string>([...extra.weak, ...parts]);
    const all = new Set<string>([data.name.zh, data.name.en, ...(data.keywords ?? []), ...extra.synonyms, ...extra.synonymsEn, ...weak]);
    // Keys are normalised as the scanned text is (ASCII lower case, full-width forms); the dictionary
    // drops their quotation marks.
    for (const k of all) kw.push([normalizeForMatch(k), { id, keyword: k, strong: !weak.has(k), ...(parts.has(k) ? { part: true } : {}) }]);
    if (extra.direction) measureDirection.set(id, extra.direction);
  }
  const cities = new Map<string, { id: string; nameZh: string; nameEn: string; adcode: string }>();
  for (const { id, data } of readJsonDir(path.join(root, 'cities'))) cities.set(id, { id, nameZh: data.name.zh, nameEn: data.name.en, adcode: data.adcode });
  const catalogueProducts = readJsonDir(path.join(root, 'products')).map(({ id, data }) => ({
    id,
    nameZh: data.name.zh as string,
    aliases: (data.aliases ?? []) as string[],
    hs: (data.hs ?? []) as string[],
  }));
  // Place names of the gazetteer (not its general words) are origin prefixes of products.
  const divisionNames = [...loadPlaces(root).gazetteer.forms.values()].filter((f) => !f.word).map((f) => f.name);
  const productVocab = buildProductVocab(readVocab(root, 'products'), readVocab(root, 'product-lexicon'), catalogueProducts, divisionNames);
  const rel = readVocab(root, 'relevance');
  const ctx = readVocab(root, 'context');
  const mkt = readVocab(root, 'markets');
  const el = readVocab(root, 'eligibility');
  const sig = readVocab(root, 'signal');
  // The tracked edition: the latest in content/editions.
  const edition = readJsonDir(path.join(root, 'editions'))
    .map(({ data }) => data as { year: number; start?: string })
    .filter((d) => Number.isFinite(Number(d.year)))
    .sort((a, b) => Number(b.year) - Number(a.year))[0];
  const v: Vocabulary = {
    root,
    editionYear: edition ? Number(edition.year) : new Date().getUTCFullYear(),
    editionStart: edition?.start ?? null,
    measures,
    measureDict: new Dictionary(kw, { longestSpan: true, ignoreQuotes: true }),
    measureDirection,
    cities,
    placeDict: loadPlaces(root).scanner,
    countryDict: buildCountries(mkt),
    productDict: productVocab.dict,
    relevance: compileRelevance(rel),
    context: {
      past: anyOf([...ctx.pastExample, ...ctx.past]),
      pastExample: anyOf(ctx.pastExample),
      pastTime: anyOf(ctx.past),
      pastYear: new RegExp(ctx.pastYearPattern, 'gu'),
      pastYearTitle: new RegExp(ctx.pastYearTitlePattern, 'gu'),
      relativePastYearTitle: new RegExp(ctx.relativePastYearTitle, 'u'),
      pastYearExceptions: (ctx.pastYearExceptions as string[]).map((p) => new RegExp(p, 'gu')),
      future: (ctx.future as string[]).map((p) => new RegExp(p, 'u')),
      plannedRow: new RegExp(ctx.plannedRow, 'u'),
      statistics: literalAny(ctx.statistics),
      origin: anyOf(ctx.origin),
      transit: literalAny(ctx.transit),
    },
    directionCues: {
      export: literalAny(mv.directionCues.export),
      import: literalAny(mv.directionCues.import),
      foreignSide: new RegExp(mv.directionCues.foreignSide.map(esc).join('|') || '(?!)', 'gu'),
    },
    measureLaterPlan: anyOf(mv.laterPlan),
    measureTalkTopic: mv.talkTopic
      ? {
          before: new RegExp(`(${mv.talkTopic.before})`, 'u'),
          after: new RegExp(`^(${mv.talkTopic.after})`, 'u'),
          attention: new RegExp(`^(${mv.talkTopic.attention})`, 'u'),
        }
      : null,
    measurePlanFrame: new RegExp(mv.planFrame ?? '(?!)', 'u'),
    measureDefinition: new RegExp(mv.definition ?? '(?!)', 'iu'),
    measurePutInPlace: new RegExp([...(sig.operational.titleReport?.putInPlace ?? []), ...mv.putInPlace.map(esc)].join('|') || '(?!)', 'giu'),
    candidate: {
      near: literalAny(mv.candidate.near),
      minLength: mv.candidate.minLength,
      maxLength: mv.candidate.maxLength,
      notCandidates: new Set(mv.candidate.notCandidates),
    },
    marketRules: compileMarketRules(mkt),
    productRules: productVocab.rules,
    eligibilityRules: {
      header: anyOf(el.headerPatterns),
      section: anyOf(el.sectionPatterns),
      subject: new RegExp(el.subjectPattern, 'u'),
      participation: new RegExp(el.participationPattern, 'u'),
      modal: new RegExp(el.modalPattern, 'u'),
      negative: anyOf(el.negativePatterns),
      notCondition: anyOf(el.notConditionPatterns),
      procedure: new RegExp(el.procedurePattern, 'u'),
      materials: new RegExp(el.materialsPattern, 'u'),
      sufficient: new RegExp(el.sufficientPattern, 'gu'),
      disqualifying: new RegExp(el.disqualifyingPattern, 'gu'),
      priorityCase: new RegExp(el.priorityCasePattern, 'gu'),
      inlineConditions: new RegExp(el.inlineConditionsPattern, 'gu'),
      whoMayApply: new RegExp(el.whoMayApplyPattern, 'gu'),
      applicantObject: new RegExp(el.applicantObjectPattern, 'gu'),
      conditionColumn: new RegExp(el.conditionColumnPattern, 'u'),
      priority: new RegExp(el.priorityPattern, 'u'),
      leadingStrip: new RegExp(el.leadingStrip, 'u'),
      connectorStrip: new RegExp(el.connectorStrip, 'u'),
      scopeClause: new RegExp(el.scopeClausePattern, 'u'),
      english: new RegExp(el.englishPattern, 'iu'),
      trailingStrip: new RegExp(el.trailingStrip, 'u'),
      minLength: el.minLength,
      maxLength: el.maxLength,
      maxLengthEn: el.maxLengthEn,
    },
    signalRules: {
      launchTitle: eachOf(sig.launch.title),
      operationalTitle: eachOf(sig.operational.title),
      operationalBody: eachOf(sig.operational.body),
      operationalLead: eachOf(sig.operational.lead),
      titleReport: sig.operational.titleReport
        ? {
            shipped: new RegExp(sig.operational.titleReport.shipped.join('|'), 'giu'),
            toDestination: new RegExp(sig.operational.titleReport.toDestination.map(esc).join('|'), 'gu'),
            putInPlace: new RegExp(sig.operational.titleReport.putInPlace.join('|'), 'giu'),
            modalBefore: new RegExp(sig.operational.titleReport.modalBefore, 'u'),
            purposeBefore: new RegExp(sig.operational.titleReport.purposeBefore ?? '(?!)', 'u'),
            notice: new RegExp(sig.operational.titleReport.notice, 'u'),
            firmsAbroad: new RegExp(sig.operational.titleReport.firmsAbroad ?? '(?!)', 'u'),
            opens: new RegExp(sig.operational.titleReport.opens ?? '(?!)', 'u'),
          }
        : null,
      eligibilityLead: eachOf(sig.eligibility.lead),
      eligibilityBody: eachOf(sig.eligibility.body),
      eligibilityReply: { title: new RegExp(sig.eligibility.replyTitle, 'u'), conditions: new RegExp(sig.eligibility.replyConditions, 'u') },
      pilotListBody: eachOf(sig.pilotList.body),
      pilotListTitle: eachOf(sig.pilotList.title),
      eligibilityTitle: eachOf(sig.eligibility.title),
      eligibilityTitleApplication: new RegExp(sig.eligibility.titleApplication, 'u'),
      conditionSection: new RegExp(sig.eligibility.conditionSection, 'mu'),
      procedureSection: new RegExp(sig.eligibility.procedureSection, 'mu'),
      suspended: { title: eachOf(sig.suspended.title), body: eachOf(sig.suspended.body) },
      notAnnounced: {
        title: eachOf(sig.notAnnounced.title),
        body: eachOf(sig.notAnnounced.body),
        elsewhereBefore: new RegExp(`(${sig.notAnnounced.elsewhereBefore})$`, 'u'),
        casesAfter: new RegExp(`^(${sig.notAnnounced.casesAfter})`, 'u'),
      },
      documentKind: {
        interviewTitle: new RegExp(sig.documentKind.interviewTitle, 'u'),
        interviewerLine: new RegExp(sig.documentKind.interviewerLine, 'u'),
        questionLine: new RegExp(sig.documentKind.questionLine, 'u'),
        letterLine: new RegExp(sig.documentKind.letterLine, 'u'),
        briefingTitle: new RegExp(sig.documentKind.briefingTitle, 'u'),
        noticeTitle: new RegExp(sig.documentKind.noticeTitle, 'u'),
        conditionQuestion: new RegExp(sig.documentKind.conditionQuestion, 'u'),
        procedureQuestion: new RegExp(sig.documentKind.procedureQuestion, 'u'),
      },
    },
  };
  cache.set(root, v);
  return v;
}
