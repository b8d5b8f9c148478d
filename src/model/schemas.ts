/**
 * The one domain model, shared by the site (src/content.config.ts) and the scrapers, which
 * validate every record before they write it. No Astro imports here: Zod is a direct dependency
 * in the range Astro's own, so npm installs one copy and both sides use the same instance.
 */
import { z } from 'zod';
import { SIGNALS, STATUSES } from './status.ts';

/** A lower-case ASCII slug: entity ids and file names. */
export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case ASCII slug (a-z, 0-9, single hyphens)');

/** YYYY-MM-DD, a Beijing calendar date, kept as a string so YAML never turns it into a Date. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** YYYY, YYYY-MM or YYYY-MM-DD: sources often give only a month. */
export const partialDate = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

/** An ISO 8601 timestamp with an offset or Z. */
export const isoDateTime = z.string().datetime({ offset: true });

export const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');

/** Text in both site languages. */
export const bilingual = z.object({
  zh: z.string().min(1),
  en: z.string().min(1),
});
export type Bilingual = z.infer<typeof bilingual>;

export const verification = z.enum(['official', 'trade-press', 'inferred']);
export type Verification = z.infer<typeof verification>;

/** Where a fact comes from. */
export const source = z.object({
  url: httpUrl,
  title: z.string().min(1).optional(),
  publisher: z.string().min(1).optional(),
  date: partialDate.optional(),
});
export type Source = z.infer<typeof source>;

export const status = z.enum(STATUSES);
export const signal = z.enum(SIGNALS);

// ---------------------------------------------------------------------------------------------
// Catalogue records
// ---------------------------------------------------------------------------------------------

export const edition = z.object({
  year: z.number().int().min(2019).max(2100),
  /** Number of pilot cities the edition covers. */
  cities: z.number().int().positive(),
  /** Departments besides GACC; null when no source gives it. */
  departmentsBesidesGacc: z.number().int().nonnegative().nullable(),
  start: partialDate.nullable(),
  startNote: z.string().optional(),
  durationMonths: z.number().int().positive().nullable(),
  measures: z.number().int().positive().nullable(),
  nationwideReplicated: z.object({ count: z.number().int().positive(), announced: partialDate }).nullable(),
  confidence: z.enum(['high', 'medium', 'low']),
  note: z.string().optional(),
  sources: z.array(source).min(1),
});
export const measureScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pilot-cities') }),
  z.object({
    kind: z.literal('nationwide'),
    since: partialDate,
    sources: z.array(httpUrl).min(1),
  }),
]);
export const measure = z
  .object({
    name: bilingual,
    summary: bilingual,
    keywords: z.array(z.string().min(1)).min(1),
    precisionService: z.boolean().default(false),
    /** Number in the official 2026 list of 29 measures, when that list is known. */
    officialNumber: z.number().int().min(1).max(29).nullable().default(null),
    verification,
    scope: measureScope,
    sources: z.array(source),
    note: z.string().optional(),
  })
  .refine((m) => m.sources.length > 0 || (m.verification === 'inferred' && !!m.note), {
    message: 'a measure needs at least one source, or verification "inferred" with a note saying why none was found',
    path: ['sources'],
  });
export type Measure = z.infer<typeof measure>;

export const cityParticipation = z.enum(['confirmed', 'inferred']);

export const city = z.object({
  name: bilingual,
  province: bilingual,
  /** GB/T 2260 code of the prefecture-level city (4 digits) or municipality (2 digits + 01). */
  adcode: z.string().regex(/^\d{4}$/),
  /** Customs districts whose sites publish for this city (ids of the district collection). */
  districts: z.array(slug).min(1),
  districtVerified: z.boolean(),
  /** 2026 participation: confirmed by a source, or inferred from earlier editions. */
  participation: cityParticipation,
  /** Editions a source confirms this city for. */
  editions: z.array(z.number().int()).min(1),
  verification,
  sources: z.array(source).min(1),
  note: z.string().optional(),
});
export type City = z.infer<typeof city>;

export const district = z.object({
  name: bilingual,
  host: z.string().regex(/^[a-z0-9.-]+\.gov\.cn$/, 'must be a *.gov.cn host name'),
  pathPrefix: z.string().regex(/^\/[a-z_]+\/$/),
  coverage: z.string().nullable(),
  coverageVerified: z.boolean(),
  /** Notice column as of c.2019; unverified for 2026. null when unknown. */
  noticeColumn2019: z.string().startsWith('/').nullable(),
  sources: z.array(source).min(1),
});
export type District = z.infer<typeof district>;

export const product = z.object({
  name: bilingual,
  /** HS 2022 codes (4 to 10 digits). */
  hs: z.array(z.string().regex(/^\d{4}(?:\d{2}){0,3}$/)),
  category: z.string().min(1),
  /** Other written forms of the name in announcements. */
  aliases: z.array(z.string().min(1)).default([]),
  sources: z.array(source).min(1),
});
export type Product = z.infer<typeof product>;

export const marketRequirement = z.object({
  type: z.string().min(1),
  summary: bilingual,
  legalRef: z.string().min(1),
  effective: partialDate.nullable(),
  effectiveNote: z.string().optional(),
  verification,
  source: source,
});

export const market = z.object({
  name: bilingual,
  kind: z.enum(['country', 'bloc']),
  requirements: z.array(marketRequirement),
  note: z.string().optional(),
});
export type Market = z.infer<typeof market>;

// ---------------------------------------------------------------------------------------------
// Scraped announcements (frontmatter of content/announcements/**/*.{md,mdx})
// ---------------------------------------------------------------------------------------------

/** A table read from an attachment: header row and rows of cell texts. */
export const attachmentTable = z.object({
  header: z.array(z.string()),
  rows: z.array(z.array(z.string())),
});

/**
 * What became of a linked file: `parsed`; not fetched for good reasons (`missing`: 404/410,
 * `oversize`, `refused`: off the allow-list); fetched but unreadable (`unsupported`: not a
 * document, e.g. an HTML page; `corrupt`, `no-text-layer`: a scan, `encrypted`, `empty`); or a
 * transient failure retried on a later run (`failed`, `blocked`).
 */
export const ATTACHMENT_STATUSES = [
  'parsed',
  'missing',
  'oversize',
  'refused',
  'unsupported',
  'corrupt',
  'no-text-layer',
  'encrypted',
  'empty',
  'failed',
  'blocked',
] as const;
export const attachmentStatus = z.enum(ATTACHMENT_STATUSES);

/** Facts read from an attachment's tables (scrapers/attachments/facts.ts). */
export const attachmentFacts = z.object({
  products: z.array(z.object({ id: slug.nullable(), nameZh: z.string().min(1), hs: z.array(z.string().regex(/^\d{4,10}$/)) })).default([]),
  enterpriseCount: z.number().int().nonnegative().nullable().default(null),
  places: z.array(z.string().min(1)).default([]),
  cities: z.array(slug).default([]),
});

/** A linked file. The binary is never stored: its size and hash, what was read from it, or why nothing was. */
export const attachment = z.object({
  name: z.string().min(1),
  url: httpUrl,
  type: z.string().min(1),
  size: z.number().int().nonnegative().optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  status: attachmentStatus.optional(),
  /** Why the file was not read (status other than `parsed`). */
  reason: z.string().min(1).optional(),
  /** The file's text, cut to its first characters (`textLength` is the full length). */
  text: z.string().optional(),
  textLength: z.number().int().nonnegative().optional(),
  tables: z.array(attachmentTable).optional(),
  facts: attachmentFacts.optional(),
});
export type AttachmentRecord = z.infer<typeof attachment>;

export const announcementProduct = z.object({
  /** Id in the product collection when the name matched the gazetteer. */
  id: slug.nullable(),
  /** The core noun a user searches for (鱿鱼). */
  nameZh: z.string().min(1),
  /** The page's own form, when it differs (冷冻鱿鱼). */
  display: z.string().min(1).optional(),
  hs: z.array(z.string()).optional(),
});

/**
 * A prefecture-level city (or municipality) the announcement names as a place where a measure
 * runs, catalogue or not: `id` is the catalogue city, null for a city not (yet) in it; `adcode`
 * the GB/T 2260 code of the prefecture-level city; `via` the words that named it.
 */
export const cityMention = z.object({
  id: slug.nullable(),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1),
  adcode: z.string().regex(/^\d{6}$/, 'must be a 6-digit GB/T 2260 code'),
  via: z.array(z.string().min(1)).default([]),
});
export type CityMention = z.infer<typeof cityMention>;

export const announcement = z.object({
  url: httpUrl,
  canonicalUrl: httpUrl,
  title: z.string().min(1),
  /** District id whose site published it; null for national sources. */
  district: slug.nullable(),
  sourceId: z.string().min(1),
  publishedAt: isoDate,
  firstSeenAt: isoDateTime,
  contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  lang: z.string().default('zh-CN'),
  relevant: z.boolean().default(true),
  /** Catalogue city ids (derived from `cityMentions` with an id). */
  cities: z.array(slug).default([]),
  /** Every city named as a place where a measure runs, catalogue or not. */
  cityMentions: z.array(cityMention).default([]),
  measures: z.array(slug).default([]),
  products: z.array(announcementProduct).default([]),
  markets: z.array(z.string().regex(/^[A-Z]{2,5}$/)).default([]),
  eligibility: z.array(z.string().min(1)).default([]),
  signal: signal,
  attachments: z.array(attachment).default([]),
  /** Enterprises listed in the attachments' tables (their facts summed), when any lists them. */
  enterpriseCount: z.number().int().nonnegative().optional(),
  extraction: z.object({
    method: z.string().min(1),
    version: z.string().min(1),
    confidence: z.number().min(0).max(1),
  }),
  review: z.object({
    state: z.enum(['auto', 'reviewed']),
    note: z.string().optional(),
    reviewedAt: isoDateTime.optional(),
  }),
  /** Names the announcement mentioned that are not in the catalogue, for review. */
  candidates: z.object({ cities: z.array(z.string()).default([]), measures: z.array(z.string()).default([]) }).optional(),
  /** Dates the text states: when the measure takes effect, the application deadline. */
  effectiveFrom: isoDate.optional(),
  applyBy: isoDate.optional(),
  /** Written from a feed item or from a page that looked wrong; replaced when the full page answers. */
  provisional: z.boolean().optional(),
  /** The page answered 404/410 or was replaced by a withdrawal notice, first seen so on this date. */
  withdrawnAt: isoDate.optional(),
  /** Present when the page was not fetched by the scraper but imported from a copy a maintainer saved in a browser. */
  provenance: z
    .object({
      via: z.literal('import'),
      note: z.string().min(1),
      /** File name of the saved copy and the sha256 of its bytes. */
      file: z.string().min(1),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      importedAt: isoDateTime,
      /** Attachment files given with it, and the link of the page each one is. */
      attachments: z.array(z.object({ file: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/), url: httpUrl.nullable() })).default([]),
    })
    .optional(),
  synthetic: z.boolean().optional(),
});
export type Announcement = z.infer<typeof announcement>;
/** An announcement record as written, before the schema's defaults are applied. */
export type AnnouncementRecord = z.input<typeof announcement>;

/** A human's reviewed status for one measure x city; it wins over derived evidence. */
export const cellOverride = z.object({
  measure: slug,
  city: slug,
  status: status,
  since: isoDate.nullable(),
  note: z.string().min(1),
  source: source,
  reviewedAt: isoDateTime,
  reviewedBy: z.string().min(1).optional(),
  pilotProducts: z.array(z.string()).optional(),
  eligibility: z.array(z.string()).optional(),
});
// ---------------------------------------------------------------------------------------------
// Reviewed evidence (content/evidence/*.json): hand-written, not scraped
// ---------------------------------------------------------------------------------------------

/** How a source of reviewed evidence was read. */
export const evidenceVerification = z.enum(['official', 'official-via-mirror', 'trade-press']);

export const evidenceSource = source.extend({
  verification: evidenceVerification,
  /** What this source supports, in the project's words ("the event", "its tie to the action"). */
  supports: z.string().min(1),
});

/**
 * A fact a person checked against its sources, that no scraped announcement carries (a news report
 * of a first consignment, say). Facts and links only, in the project's own words: no quoted text.
 * It is evidence like an announcement, always reviewed; `cityMentions` with a catalogue id set
 * that city's cells, a place that is not a catalogue city (id null) sets none and is listed as
 * seen in evidence.
 */
export const reviewedEvidence = z.object({
  summary: bilingual,
  /** When the event happened (the evidence date). */
  date: isoDate,
  /** Customs district that handled it, when a source says so. */
  district: slug.nullable(),
  /** Where it happened, below the city when the sources say (a county). */
  place: bilingual.optional(),
  cityMentions: z.array(cityMention).min(1),
  measures: z.array(slug).min(1),
  signal: signal,
  products: z.array(announcementProduct).default([]),
  markets: z.array(z.string().regex(/^[A-Z]{2,5}$/)).default([]),
  sources: z.array(evidenceSource).min(1),
  reviewedAt: isoDateTime,
  reviewedBy: z.string().min(1).optional(),
  note: z.string().optional(),
});
export type ReviewedEvidence = z.infer<typeof reviewedEvidence>;

// ---------------------------------------------------------------------------------------------
// Change log and run state (written by the pipeline, read by the site)
// ---------------------------------------------------------------------------------------------

export const changeEntry = z.object({
  /** `<collection>/<id>` of the record that changed. */
  record: z.string().min(1),
  field: z.string().min(1),
  old: z.unknown(),
  new: z.unknown(),
  detectedAt: isoDateTime,
  sourceUrl: httpUrl.nullable(),
  /** What made the change when it was not a scrape, e.g. "reextract 1.1.0" (the extractor version). */
  via: z.string().min(1).optional(),
});
export type ChangeEntry = z.infer<typeof changeEntry>;

/** One file per day under content/changelog/: the changes detected that day. */
export const changeDay = z.object({
  date: isoDate,
  changes: z.array(changeEntry),
});
export const sourceState = z.enum(['ok', 'blocked', 'failing', 'unconfigured']);

/** A list column a source reads: its declared URL, or one found on the district's home page. */
export const sourceColumn = z.object({
  url: z.string(),
  /** declared: a checked URL; guessed: an unchecked one (c.2019 ids); discovered: found by link text. */
  how: z.enum(['declared', 'guessed', 'discovered']),
  /** Discovered columns: the link text and the home page it was found on, and when. */
  linkText: z.string().optional(),
  home: z.string().optional(),
  foundAt: isoDateTime.optional(),
  /** Site family its list pages were read as. */
  family: z.string().optional(),
});
export type SourceColumn = z.infer<typeof sourceColumn>;

export const sourceRun = z.object({
  state: sourceState,
  kind: z.string(),
  url: z.string().nullable(),
  district: z.string().nullable(),
  reason: z.string().optional(),
  listsFetched: z.number().int().nonnegative().default(0),
  itemsSeen: z.number().int().nonnegative().default(0),
  itemsNew: z.number().int().nonnegative().default(0),
  itemsChanged: z.number().int().nonnegative().default(0),
  itemsUnchanged: z.number().int().nonnegative().default(0),
  /** Articles fetched and classified as not about the action (nothing written). */
  itemsIrrelevant: z.number().int().nonnegative().default(0),
  /** False when the source URL is an unchecked guess (e.g. a c.2019 column id). */
  urlVerified: z.boolean().optional(),
  errors: z.array(z.object({ url: z.string(), reason: z.string() })).default([]),
  durationMs: z.number().nonnegative().default(0),
  lastCheckedAt: isoDateTime.nullable(),
  lastSuccessAt: isoDateTime.nullable(),
  /** Last run that found a new or changed announcement. */
  lastChangeAt: isoDateTime.nullable().optional(),
  /** Site families its pages were read as (scrapers/sites/families.ts ids, or rss). */
  family: z.string().optional(),
  /** The list columns read this run. */
  columns: z.array(sourceColumn).default([]),
  /** How its pages were fetched: plain HTTP, or the browser after a JavaScript challenge. */
  via: z.enum(['http', 'browser']).optional(),
});
export type SourceRun = z.infer<typeof sourceRun>;

/** content/_state/report.json */
export const runReport = z.object({
  generatedAt: isoDateTime,
  /** Wall time of the whole run. */
  durationMs: z.number().nonnegative().optional(),
  sources: z.record(z.string(), sourceRun),
});
export type RunReport = z.infer<typeof runReport>;

/** content/_state/canary.json: the weekly live check of one list page per customs host. */
export const canaryReport = z.object({
  generatedAt: isoDateTime,
  durationMs: z.number().nonnegative(),
  hosts: z.array(
    z.object({
      host: z.string(),
      source: z.string().nullable(),
      url: z.string().nullable(),
      state: z.enum(['passed', 'blocked', 'failing']),
      reason: z.string().optional(),
      family: z.string().optional(),
      items: z.number().int().nonnegative(),
      via: z.enum(['http', 'browser']).optional(),
      durationMs: z.number().nonnegative(),
    }),
  ),
});
export type CanaryReport = z.infer<typeof canaryReport>;

/** Files and folders whose name starts with `_` are never entries (run state, notes, drafts). */
const IGNORE_UNDERSCORE = ['!**/_*', '!**/_*/**'];
const json = ['**/*.json', ...IGNORE_UNDERSCORE];

/** Every collection of the content root, with its folder, file patterns and record schema. */
export const COLLECTIONS = {
  editions: { folder: 'editions', pattern: json, schema: edition },
  measures: { folder: 'measures', pattern: json, schema: measure },
  cities: { folder: 'cities', pattern: json, schema: city },
  districts: { folder: 'districts', pattern: json, schema: district },
  products: { folder: 'products', pattern: json, schema: product },
  markets: { folder: 'markets', pattern: json, schema: market },
  // Scraped announcements are written as .md (fast, no code); editorial entries may be .mdx.
  announcements: { folder: 'announcements', pattern: ['**/*.{md,mdx}', ...IGNORE_UNDERSCORE], schema: announcement },
  cells: { folder: 'cells', pattern: json, schema: cellOverride },
  evidence: { folder: 'evidence', pattern: json, schema: reviewedEvidence },
  changelog: { folder: 'changelog', pattern: json, schema: changeDay },
} as const;
export type CollectionName = keyof typeof COLLECTIONS;
