/**
 * Schemas of the rule vocabularies in content/vocab/*.json: data, never code. A pattern is the
 * source of a JavaScript Unicode regular expression and must compile; a list is literal text.
 * `npm run check` validates every file with these, and the loader reads through them, so a
 * broken vocabulary fails with the file and field named instead of a wrong classification.
 */
import { z } from 'zod';

/** The source of a JavaScript Unicode regular expression that compiles. */
export const pattern = z
  .string()
  .min(1)
  .refine((p) => {
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

export const relevanceVocab = z
  .object({
    about,
    actionPatterns: patterns,
    /** Same, for English pages; matched case-insensitively. */
    actionPatternsEn: patterns.default([]),
    paraphrasePatterns: patterns,
    /** What ends the words before 专项行动 that are not a campaign's name (的, a year, a verb of carrying out). */
    campaignNameBoundary: pattern,
    otherCampaignCues: words,
    futureCues: words,
    /** A verb of intention in the clause before a mention of the action: the action named as a plan (研究争取纳入…). */
    intentionPattern: pattern,
    /** A sentence saying its subject has nothing to do with the action (与…专项行动…无关): measure keywords beside it are no evidence. */
    denialPatterns: patterns.default([]),
    /** A negated verb of coverage in the clause before a measure keyword (不适用…“两证合一”有关规定): the clause's subject is outside that measure. */
    negationPattern: pattern.default('(?!)'),
    /** A verb of asking in the clause before a mention (有记者问及…): the action is a question's topic. */
    questionPattern: pattern.default('(?!)'),
    /** Other places as a sentence's subject (部分试点城市结合…专项行动，对…实行…): their doing, not this page's. */
    othersPattern: pattern.default('(?!)'),
    /** The action as the frame of what the page does (为落实…专项行动部署): the words before and after the mention in its clause. */
    framePattern: z.object({ before: pattern, after: pattern }).strict(),
    negativeClasses: z.array(
      z
        .object({
          id: z.string().min(1),
          title: patterns,
          body: patterns.default([]),
          soft: z.boolean().default(false),
          /** The class gives way when the title names a tracked measure distinctively (a statistics headline about one measure's results). */
          yieldsToTitleMeasure: z.boolean().default(false),
          /** The class gives way when a body sentence names the action and puts a tracked measure in place after it (a meeting that announces one). */
          yieldsToActionAtWork: z.boolean().default(false),
          /** The class gives way when a body sentence names the action and says where it does not apply (a hotline answer saying so is the source's word). */
          yieldsToNotHere: z.boolean().default(false),
        })
        .strict(),
    ),
  })
  .strict();

export const contextVocab = z
  .object({
    about,
    /** Citing an example or earlier experience (借鉴, 经验做法): the whole sentence is about that example. */
    pastExample: patterns,
    /** Earlier times (此前, 去年): the clause holding them and the clauses after it are about then. */
    past: patterns,
    pastYearPattern: pattern,
    pastYearTitlePattern: pattern,
    relativePastYearTitle: pattern.default('(?!)'),
    pastYearExceptions: patterns,
    future: patterns,
    /** A table cell saying its row is a plan (拟于…实施, 论证中): the row is not in place yet. */
    plannedRow: pattern.default('(?!)'),
    statistics: words,
    origin: patterns,
    transit: words,
  })
  .strict();

export const measuresVocab = z
  .object({
    about,
    measures: z.record(
      z.string(),
      z
        .object({
          synonyms: words.default([]),
          /** English names beside the catalogue's nameEn (matched case-insensitively). */
          synonymsEn: words.default([]),
          weak: words.default([]),
          /** Words for a part of the measure (预约查验 of round-the-clock appointment clearance): generic, and naming it only beside a word for the rest. */
          parts: words.default([]),
          direction: z.enum(['export', 'import']).optional(),
        })
        .strict(),
    ),
    directionCues: z.object({ export: words, import: words, foreignSide: words.default([]) }).strict(),
    /** A clause naming a later plan (下一步…研究, 探索在…): its measure keywords put nothing in place. */
    laterPlan: patterns.default([]),
    /** A clause of intention ending in a colon: the clauses after it in its sentence are plans. */
    planFrame: pattern.optional(),
    /** A sentence defining one measure (“X”是指…): keywords after the cue describe X. */
    definition: pattern.optional(),
    /** A keyword as the topic of problems raised or discussed (企业反映的…“两证合一”办理时限等问题): before and after it in its clause. */
    talkTopic: z
      .object({
        before: pattern,
        after: pattern,
        /** Words right after a keyword making it what people pay attention to (…等措施关注度高): a topic whatever comes before. */
        attention: pattern.default('(?!)'),
      })
      .strict()
      .optional(),
    /** Verbs that put a measure in place besides those a title reports (开辟、实行“绿色通道”): a generic keyword as their object names the measure. */
    putInPlace: words.default([]),
    candidate: z.object({ about, near: words, minLength: z.number().int().positive(), maxLength: z.number().int().positive(), notCandidates: words }).strict(),
  })
  .strict();

export const marketsVocab = z
  .object({
    about,
    aliases: z.record(z.string(), z.array(z.string().regex(/^[A-Z]{2}$/))),
    noCode: words,
    exclude: z.array(z.string().regex(/^[A-Z]{2}$/)),
    falseFriends: words,
    exportCues: words,
    blockBefore: pattern,
    /** Transit or origin cue at the end of the text before a country or an enumeration of countries. */
    transitCues: pattern,
    /** A clause naming a later plan (计划, 探索, next year): its countries are no markets. */
    futureCues: patterns,
    marketColumnHeaders: words,
  })
  .strict();

export const productsVocab = z
  .object({
    about,
    /** Words in front of a product name that are not part of its core noun (鲜, 速冻, 有机 ...). */
    modifiers: words,
    /** A style ("广式") or a use ("工业机器人用") in front of the core noun. */
    stylePrefix: pattern,
    usePrefix: pattern,
    /** A trade direction in front of a name (出口食品): dropped from the page's form too. */
    directionPrefix: pattern.default('(?!)'),
    /** What a derived product adds to its product's name (胡柚制品). */
    derivedSuffix: pattern.default('(?!)'),
    /** Class words that are never a product by themselves (水果, 农产品 ...). */
    umbrella: words,
    /** Cues (patterns) after which an enumeration is a product list even when no item is a lexicon name. */
    strongCues: patterns,
    /** A question asking which goods (哪些产品适用…？): its answer is a product scope, as after a strong cue. */
    goodsQuestion: pattern.default('(?!)'),
    /** Cues after which an enumeration is a product list when one item is a lexicon name. */
    weakCues: words,
    firstItemCut: words,
    /** Text right before an enumeration's first item that makes it a list of goods ("出口", "进口的"). */
    listCueBefore: pattern.default('(?!)'),
    /** What ends the last item of a bare direction list naming its producers ("出口A、B的生产企业"). */
    producerAfter: pattern.default('(?!)'),
    /** An enumeration followed by this lists something else (varieties, regions, markets). */
    notListAfter: pattern,
    /** Where the last item of an enumeration ends ("…的冷藏货车", "…等产品"). */
    lastItemStop: pattern,
    classifierAfter: pattern,
    itemMaxLength: z.number().int().positive(),
    /** A candidate matching this is an organisation, place, procedure or figure, not a product. */
    notProduct: pattern,
    /** Forms of a product written right after its name (西洋参片, 核桃仁): part of the page's name. */
    formSuffixes: words,
    /** Last characters that make a word a thing whatever its tag (调味料 is tagged a verb): it ends a name, not a clause. */
    nounHeads: words.default([]),
    /** A lexicon name followed by this is another thing (柑橘小实蝇, 脐橙产业). */
    notAfter: pattern,
    /** A name or list followed by this names industries (生物医药、集成电路等产业链企业), not goods. */
    industryAfter: pattern,
    /** A lexicon name followed by this is part of an organisation's name. */
    organisationAfter: pattern,
    /** An English name followed by this names a place, trade or body of the goods (pepper bases, tea industry), not goods. */
    englishNotAfter: pattern.default('(?!)'),
    /** Sentences naming products for a later batch, as examples, or not yet in scope (Chinese or English; case-insensitive). */
    excludeCues: patterns,
    /** Exceptions that follow what they except (…暂不适用, …除外): the goods named before one in its sentence are out of scope. */
    exceptionAfterGoods: patterns.default([]),
    /** Exceptions that precede what they except (不包括…, 不含…): the goods named after one in its sentence are out of scope. */
    exceptionBeforeGoods: patterns.default([]),
    /** Place names of the page itself ("神湾镇"): their stems are origin prefixes too. */
    pageLocalPlace: pattern,
    /** A quantity right before goods (3吨, 12辆): the noun after it is the goods. */
    quantityBefore: pattern.default('(?!)'),
    /** Where the goods after a quantity end (在, 完成, a comma, the next item), and, without a 的, the route after them (经, 运往…). */
    quantityGoodsEnd: pattern.default('(?!)'),
    quantityGoodsCut: pattern.default('(?!)'),
    /** Verbs of loading: their list holds the goods and the noun after its 的 is the vehicle. */
    loadVerbs: words.default([]),
    /** Enterprises named by their product as the object of a service: named group `goods`. */
    serviceObject: pattern.default('(?<goods>(?!))'),
    /** Words before a colon announcing the list of goods after it (对下列货物开展…：A、B). */
    listAnnounced: pattern.default('(?!)'),
    /** A line announcing the goods a notice leaves out (下列产品暂不适用本模式…：): the numbered lines under it name no products. */
    exceptionList: pattern.default('(?!)'),
    classHeading: pattern.default('(?!)'),
    /** A service done on goods, at the end of a table cell naming them (主板功能检测): not part of the name. */
    serviceSuffix: pattern.default('(?!)'),
    tableHeaders: words,
    hsHeaders: words,
    /** A table cell at least this long is read as running text. */
    tableSentenceLength: z.number().int().positive(),
    /** English lexicon names too common in other senses to mark a product. */
    englishStop: words,
  })
  .strict();

/** Where the product lexicon's facts come from (recorded beside the data). */
const dataSource = z
  .object({
    url: z.string().url(),
    file: z.string().min(1),
    commit: z.string().min(1),
    licence: z.string().min(1),
    version: z.string().min(1),
    publisher: z.string().min(1),
  })
  .strict();
const hsCode = z.string().regex(/^\d{4}(?:\d{2}){0,3}$/);
const lexiconEntry = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    /** The short name a user searches for (番茄). */
    zh: z.string().min(1),
    en: z.string().min(1).optional(),
    aliases: words.default([]),
    /** English written forms beside `en` (matched case-insensitively, singular or plural). */
    aliasesEn: words.default([]),
    /** The Chinese name an English form stands for where it is not `zh` ("cheese" -> 奶酪). */
    zhOfEnglish: z.record(z.string().min(1), z.string().min(1)).optional(),
    /** HS subheadings of the source's commodity lines; empty when the source has no line for it. */
    hs: z.array(hsCode).default([]),
  })
  .strict();

/** content/vocab/product-lexicon.json: generated by scripts/product-lexicon.ts. */
export const productLexicon = z.object({ about, source: dataSource, englishSource: dataSource.optional(), entries: z.array(lexiconEntry) }).strict();
/** content/vocab/sources/cedict-products.json: CC-CEDICT's entries for the product names, glosses verbatim. */
export const cedictProducts = z
  .object({ about, source: dataSource, entries: z.array(z.object({ zh: z.string().min(1), en: z.array(z.string()) }).strict()) })
  .strict();
/** content/vocab/sources/product-lexicon-curated.json: hand-kept entries and names to leave out. */
export const productLexiconCurated = z
  .object({
    about,
    source: dataSource,
    entries: z.array(lexiconEntry.omit({ id: true })),
    drop: words.default([]),
  })
  .strict();

export const eligibilityVocab = z
  .object({
    about,
    headerPatterns: patterns,
    sectionPatterns: patterns,
    subjectPattern: pattern,
    participationPattern: pattern,
    modalPattern: pattern,
    negativePatterns: patterns,
    /** A clause that only points to conditions stated elsewhere (详见附件1): dropped, its sentence kept. */
    notConditionPatterns: patterns.default([]),
    /** What to do, when or how (提交, 预约, 配合…): procedure or an obligation, not a condition. */
    procedurePattern: pattern,
    /** What a header asks the applicant to submit (提交下列材料): documents, not conditions. */
    materialsPattern: pattern.default('(?!)'),
    /** A sufficient condition scoped to an applicant: named groups `subject` and `condition`. */
    sufficientPattern: pattern,
    /** A case that disqualifies, stated on its own (被列为失信企业的，不得…): the whole clause is the condition. */
    disqualifyingPattern: pattern.default('(?!)'),
    /** A class of firms given priority, stated on its own (高级认证企业同等条件下优先纳入): the whole clause. */
    priorityCasePattern: pattern.default('(?!)'),
    /** Conditions named inline before 条件 (满足出口规模较大、质量稳定、目标市场明确三项条件): group `items`, split at 、. */
    inlineConditionsPattern: pattern.default('(?!)'),
    /** Who may apply, described as a class (…的出口食品生产企业均可申请): named group `condition`, the description. */
    whoMayApplyPattern: pattern,
    /** Whom a service is for, as a class (服务对象为在海关备案的…企业): named group `condition`. */
    applicantObjectPattern: pattern.default('(?!)'),
    /** A table column of conditions (its header). */
    conditionColumnPattern: pattern,
    priorityPattern: pattern,
    leadingStrip: pattern,
    connectorStrip: pattern,
    /** A leading clause that only names whom the conditions apply to (选择…的收货人，). */
    scopeClausePattern: pattern,
    /** An English sentence whose subject is the applicant and whose verb is must/shall. */
    englishPattern: pattern,
    trailingStrip: pattern,
    minLength: z.number().int().positive(),
    maxLength: z.number().int().positive(),
    maxLengthEn: z.number().int().positive(),
  })
  .strict();

export const signalVocab = z
  .object({
    about,
    /** Titles that put a measure in place whatever else the title or body says (出台…举措). */
    launch: z.object({ title: patterns }).strict().default({ title: [] }),
    operational: z
      .object({
        title: patterns,
        body: patterns.default([]),
        /** A lead that reports a dated shipment of goods (5月14日凌晨，一架满载18吨鲜花的全货机…起飞): a news report of use. */
        lead: patterns.default([]),
        /** A title whose last predicate reports goods shipped (a report of use, not a notice). */
        titleReport: z
          .object({
            about,
            shipped: patterns,
            toDestination: words,
            putInPlace: patterns,
            modalBefore: pattern,
            /** A purpose word before a predicate (助力…出海): what the measure is for, no event. */
            purposeBefore: pattern.optional(),
            notice: pattern,
            firmsAbroad: pattern.optional(),
            /** Verbs that open a measure (开通, 推行): the title announces the opening though a shipment follows it. */
            opens: pattern.optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    pilotList: z.object({ title: patterns, body: patterns.default([]) }).strict(),
    /** `lead`: the opening lines open an application round (受理…申请/报名); `body`: a date by which firms that qualify apply. */
    eligibility: z
      .object({
        about: about.optional(),
        title: patterns,
        titleApplication: pattern.default('(?!)'),
        lead: patterns.default([]),
        body: patterns.default([]),
        conditionSection: pattern,
        procedureSection: pattern,
        /** A reply to whether the asker may use a measure (…能否使用…的答复) that states the conditions: what it answers is who qualifies. */
        replyTitle: pattern.default('(?!)'),
        replyConditions: pattern.default('(?!)'),
      })
      .strict(),
    /** The kind of document read from its structure (document-kind.ts). */
    documentKind: z
      .object({
        about,
        interviewTitle: pattern,
        interviewerLine: pattern,
        questionLine: pattern,
        /** A reply's summary of the letter it answers (来信摘要：…): the letter's questions are the page's. */
        letterLine: pattern,
        briefingTitle: pattern,
        noticeTitle: pattern,
        conditionQuestion: pattern,
        procedureQuestion: pattern,
      })
      .strict()
      .default({
        about: '',
        interviewTitle: '(?!)',
        interviewerLine: '(?!)',
        questionLine: '(?!)',
        letterLine: '(?!)',
        briefingTitle: '(?!)',
        noticeTitle: '(?!)',
        conditionQuestion: '(?!)',
        procedureQuestion: '(?!)',
      }),
    /** A source says the measure stopped here (暂停). */
    suspended: z.object({ title: patterns, body: patterns }).strict(),
    /** A source says the measure does not apply here (暂未列入实施范围, 暂不受理). */
    notAnnounced: z
      .object({
        title: patterns,
        body: patterns,
        /** Words right before a body cue saying whom it turns away: other places (淄博、泰安等地企业暂不受理), not the page's own. */
        elsewhereBefore: pattern.default('(?!)'),
        /** Words right after a body cue making it a heading of cases (暂不受理情形): conditions on firms. */
        casesAfter: pattern.default('(?!)'),
      })
      .strict(),
  })
  .passthrough();

/** Every vocabulary file and its schema. */
export const VOCAB_SCHEMAS = {
  relevance: relevanceVocab,
  context: contextVocab,
  measures: measuresVocab,
  markets: marketsVocab,
  products: productsVocab,
  'product-lexicon': productLexicon,
  eligibility: eligibilityVocab,
  signal: signalVocab,
} as const;
export type VocabName = keyof typeof VOCAB_SCHEMAS;
export type VocabData<N extends VocabName> = z.infer<(typeof VOCAB_SCHEMAS)[N]>;
