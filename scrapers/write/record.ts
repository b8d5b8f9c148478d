/**
 * The announcement record (frontmatter) from an extraction result, merged with what is already
 * on disk, and the field-by-field difference between the two. Pure.
 */
import type { AnnouncementRecord, ChangeEntry } from '../../src/model/schemas.ts';
import type { ImportProvenance } from '../types.ts';
import type { ExtractedArticle } from './extracted.ts';
import { safeHref } from '../text/url.ts';
import { cleanLine } from './text.ts';
import { isDeepStrictEqual } from 'node:util';
import * as cheerio from 'cheerio';
import { extractEventDates } from '../extract/event-dates.ts';

/** Fields a reviewer owns: once `review.state` is `reviewed`, extraction never overwrites them. */
const HUMAN_FIELDS = ['cities', 'cityMentions', 'measures', 'products', 'markets', 'eligibility', 'signal'] as const;

/** Fields kept from the first time the article was seen. */
const FIRST_SEEN_FIELDS = ['firstSeenAt'] as const;

const EXTRACTION_METHOD = 'rules';

export interface ArticleMeta {
  sourceId: string;
  district: string | null;
  /** Canonical URL. */
  url: string;
  /** The URL as the list or feed linked it. */
  linkedUrl: string;
  listTitle?: string | undefined;
  /** A saved copy imported by hand: recorded as the announcement's provenance. */
  provenance?: ImportProvenance | undefined;
}

/** A record as read from a file, before validation (possibly written by an older version). */
export type RecordData = Record<string, unknown>;

const uniqSorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
function uniqOrdered(xs: Iterable<string>): string[] {
  return [...new Set(xs)];
}

/** The record extraction yields, before merging with an existing file. */
export function buildRecord(meta: ArticleMeta, ex: ExtractedArticle, contentHash: string, now: string): AnnouncementRecord {
  const cityMentions: NonNullable<AnnouncementRecord['cityMentions']> = [];
  const seenCities = new Set<string>();
  for (const c of ex.cities) {
    const nameZh = cleanLine(c.nameZh);
    if (!/^\d{6}$/.test(c.adcode) || !nameZh || seenCities.has(c.adcode)) continue;
    seenCities.add(c.adcode);
    cityMentions.push({ id: c.id, nameZh, nameEn: cleanLine(c.nameEn) || nameZh, adcode: c.adcode, via: uniqOrdered(c.via.map(cleanLine).filter(Boolean)) });
  }
  // Measure names the catalogue lacks, for review (a city the catalogue lacks is a mention without an id).
  const candidates = { cities: [], measures: uniqOrdered((ex.candidates?.measures ?? []).map(cleanLine).filter(Boolean)) };
  const products: NonNullable<AnnouncementRecord['products']> = [];
  const seenProducts = new Set<string>();
  for (const p of ex.products) {
    const nameZh = cleanLine(p.nameZh);
    if (!nameZh || seenProducts.has(nameZh)) continue;
    seenProducts.add(nameZh);
    const hs = p.hs === undefined ? undefined : (typeof p.hs === 'string' ? [p.hs] : [...p.hs]).map(String);
    // The page's own form (冷冻鱿鱼) beside the core noun (鱿鱼) a user searches for.
    const display = cleanLine(p.display ?? '');
    products.push({ id: p.id ?? null, nameZh, ...(display && display !== nameZh ? { display } : {}), ...(hs && hs.length ? { hs } : {}) });
  }
  const attachments: NonNullable<AnnouncementRecord['attachments']> = [];
  const seenAttachments = new Set<string>();
  for (const a of ex.attachments ?? []) {
    const url = safeHref(a.url, meta.url);
    if (!url || seenAttachments.has(url)) continue;
    seenAttachments.add(url);
    attachments.push({ name: cleanLine(a.name) || url, url, type: cleanLine(a.type) || 'file', ...(ex.attachmentData?.[url] ?? {}) });
  }
  const linked = safeHref(meta.linkedUrl, meta.url);
  const record: AnnouncementRecord = {
    url: linked ?? meta.url,
    canonicalUrl: meta.url,
    title: cleanLine(ex.title) || cleanLine(meta.listTitle ?? ''),
    district: meta.district,
    sourceId: meta.sourceId,
    publishedAt: ex.publishedAt,
    firstSeenAt: now,
    contentHash,
    lang: 'zh-CN',
    relevant: ex.relevant,
    cities: uniqSorted(ex.cities.flatMap((c) => (c.id ? [c.id] : []))),
    cityMentions,
    measures: uniqSorted(ex.measures.flatMap((m) => (m.id ? [m.id] : []))),
    products,
    markets: uniqSorted(ex.markets.map((m) => m.id)),
    eligibility: uniqOrdered(ex.eligibility.map(cleanLine).filter(Boolean)),
    signal: ex.signal,
    attachments,
    extraction: {
      method: cleanLine(ex.method ?? '') || EXTRACTION_METHOD,
      version: cleanLine(ex.version ?? '') || '1',
      confidence: Math.min(1, Math.max(0, Number.isFinite(ex.confidence) ? ex.confidence : 0)),
    },
    review: { state: 'auto' },
  };
  if (candidates.cities.length || candidates.measures.length) record.candidates = candidates;
  if (meta.provenance) record.provenance = meta.provenance;
  // Dates the text states (effective from, apply by): for the calendars; relevant pages only.
  if (ex.relevant) {
    const dates = extractEventDates(cheerio.load(ex.bodyHtml).root().text(), ex.publishedAt);
    if (dates.effectiveFrom) record.effectiveFrom = dates.effectiveFrom;
    if (dates.applyBy) record.applyBy = dates.applyBy;
  }
  if (ex.provisional) record.provisional = true;
  return record;
}

/**
 * Merge a fresh record with the existing file's: first-seen fields and the review block are
 * kept; a reviewed record keeps its human fields; everything else follows the source.
 */
export function mergeRecord(fresh: RecordData, existing: RecordData | null): RecordData {
  if (!existing) return fresh;
  const merged: RecordData = { ...fresh };
  for (const f of FIRST_SEEN_FIELDS) if (existing[f] !== undefined) merged[f] = existing[f];
  if (existing['review'] !== undefined) merged['review'] = existing['review'];
  // `url` is how a source linked the page: the canonical form once any source links it so,
  // else the first link seen (e.g. a feed's http:// link).
  if (fresh['url'] !== fresh['canonicalUrl'] && typeof existing['url'] === 'string') merged['url'] = existing['url'];
  const review = existing['review'] as { state?: string } | undefined;
  if (review?.state === 'reviewed') {
    for (const f of HUMAN_FIELDS) {
      if (existing[f] !== undefined) merged[f] = existing[f];
      else delete merged[f];
    }
    // A reviewer's relevance judgement is part of the review.
    if (existing['relevant'] !== undefined) merged['relevant'] = existing['relevant'];
  }
  if (existing['synthetic'] !== undefined) merged['synthetic'] = existing['synthetic'];
  // Withdrawn stays withdrawn through any re-reading (a re-extraction, an import, a feed item); only
  // the page answering with its article again lifts it (writeAnnouncement's `pageAnswered`).
  if (existing['withdrawnAt'] !== undefined) merged['withdrawnAt'] = existing['withdrawnAt'];
  // Several sources may link one article (a list and a feed): converge whatever order they run
  // in. A known district beats none; the source id is the first in sort order.
  if (typeof existing['district'] === 'string') merged['district'] = existing['district'];
  if (typeof existing['sourceId'] === 'string' && typeof fresh['sourceId'] === 'string' && existing['sourceId'] < fresh['sourceId']) {
    merged['sourceId'] = existing['sourceId'];
  }
  return merged;
}

/** Field-level changes between two records (top-level keys, sorted), as change-log entries. */
export function diffRecords(record: string, before: RecordData, after: RecordData, detectedAt: string, sourceUrl: string | null): ChangeEntry[] {
  const keys = uniqSorted([...Object.keys(before), ...Object.keys(after)]);
  const out: ChangeEntry[] = [];
  for (const field of keys) {
    const old = before[field] ?? null;
    const next = after[field] ?? null;
    if (!isDeepStrictEqual(old, next)) out.push({ record, field, old, new: next, detectedAt, sourceUrl });
  }
  return out;
}
