/**
 * What needs a human, from the content root (pure: records in, list out): machine evidence pending
 * review, cities and measure names seen but not catalogued, cells whose status differs from a base
 * (the content before this change), and withdrawn pages. `npm run review` prints it as text or
 * Markdown; the scheduled scrape's pull request body is the Markdown.
 */
import { deriveCells, cellKey, unknownReferences, type AnnouncementInput, type Cell, type MeasureInput, type OverrideInput } from '../model/rollout.ts';
import { REVIEW_THRESHOLD, isPendingReview } from '../model/review.ts';
import type { Announcement, City, CityMention, Measure, ReviewedEvidence } from '../model/schemas.ts';
import type { Status } from '../model/status.ts';
import { evidenceInput, seenCities, seenMeasures, type SeenCity, type SeenMeasure } from './seen.ts';

export interface ReviewContent {
  measures: { id: string; data: Measure }[];
  cities: { id: string; data: City }[];
  announcements: { id: string; data: Announcement }[];
  evidence: { id: string; data: ReviewedEvidence }[];
  overrides: OverrideInput[];
}

export interface PendingItem {
  id: string;
  title: string;
  url: string;
  publishedAt: string;
  confidence: number;
  /** What it would change if a reviewer accepted it as extracted. */
  wouldChange: { key: string; from: Status; to: Status }[];
}
export interface CellChangeItem {
  key: string;
  from: Status;
  to: Status;
  decidedBy: string | null;
}
export interface WithdrawnItem {
  id: string;
  title: string;
  url: string;
  withdrawnAt: string;
  /** Cells it was evidence for. */
  cells: string[];
}
export interface ReviewList {
  threshold: number;
  pending: PendingItem[];
  seenCities: SeenCity[];
  seenMeasures: SeenMeasure[];
  /** Ids in announcements that the catalogue lacks (a typo, or a measure/city removed). */
  unknownIds: { announcement: string; kind: 'measure' | 'city'; id: string }[];
  cellChanges: CellChangeItem[] | null;
  withdrawn: WithdrawnItem[];
}

type Input = AnnouncementInput & { cityMentions: readonly CityMention[] };

function inputs(c: ReviewContent): { measures: MeasureInput[]; cities: { id: string }[]; items: Input[] } {
  return {
    measures: c.measures.map((m) => ({ id: m.id, scope: m.data.scope })),
    cities: c.cities.map((x) => ({ id: x.id })),
    items: [...c.announcements.map((a) => ({ id: a.id, ...a.data })), ...c.evidence.map((e) => evidenceInput(e.id, e.data))],
  };
}

export function deriveAll(c: ReviewContent): Map<string, Cell> {
  const { measures, cities, items } = inputs(c);
  return deriveCells(measures, cities, items, c.overrides);
}

/** The review list; `base` is the content before the change under review (null: not compared). */
export function reviewList(content: ReviewContent, base: ReviewContent | null): ReviewList {
  const { measures, cities, items } = inputs(content);
  const cells = deriveCells(measures, cities, items, content.overrides);
  const measureById = new Map(measures.map((m) => [m.id, m]));
  const overrideByKey = new Map(content.overrides.map((o) => [cellKey(o.measure, o.city), o]));
  const cityIds = new Set(cities.map((x) => x.id));

  const pending: PendingItem[] = [];
  for (const a of content.announcements) {
    if (!a.data.relevant || a.data.withdrawnAt || !isPendingReview(a.data)) continue;
    const wouldChange: PendingItem['wouldChange'] = [];
    for (const m of a.data.measures) {
      const measure = measureById.get(m);
      if (!measure) continue;
      for (const city of a.data.cities) {
        if (!cityIds.has(city)) continue;
        const key = cellKey(m, city);
        const now = cells.get(key)!;
        const evidence = items
          .filter((x) => x.measures.includes(m) && x.cities.includes(city))
          .map((x) => (x.id === a.id ? { ...x, review: { state: 'reviewed' as const } } : x));
        const accepted = deriveCells([measure], [{ id: city }], evidence, [...(overrideByKey.has(key) ? [overrideByKey.get(key)!] : [])]).get(key)!;
        if (accepted.status !== now.status) wouldChange.push({ key, from: now.status, to: accepted.status });
      }
    }
    pending.push({
      id: a.id,
      title: a.data.title,
      url: a.data.canonicalUrl,
      publishedAt: a.data.publishedAt,
      confidence: a.data.extraction.confidence,
      wouldChange,
    });
  }

  let cellChanges: CellChangeItem[] | null = null;
  if (base) {
    const before = deriveAll(base);
    cellChanges = [];
    for (const [key, cell] of cells) {
      // A new city's or measure's cells are new, not changed: the new record is what to review.
      const was = before.get(key);
      if (!was) continue;
      const from = was.status;
      if (from !== cell.status) cellChanges.push({ key, from, to: cell.status, decidedBy: cell.decidedBy?.basis ?? null });
    }
  }

  const withdrawn: WithdrawnItem[] = content.announcements
    .filter((a) => a.data.withdrawnAt)
    .map((a) => ({
      id: a.id,
      title: a.data.title,
      url: a.data.canonicalUrl,
      withdrawnAt: a.data.withdrawnAt!,
      cells: [...cells.values()].filter((c) => c.withdrawn.includes(a.id)).map((c) => cellKey(c.measure, c.city)),
    }));

  const unknownIds = unknownReferences(
    content.announcements.filter((a) => a.data.relevant).map((a) => ({ id: a.id, ...a.data, candidates: undefined })),
    new Set(measures.map((m) => m.id)),
    cityIds,
  ).map(({ announcement, kind, id }) => ({ announcement, kind, id }));

  return {
    threshold: REVIEW_THRESHOLD,
    pending: pending.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id)),
    seenCities: seenCities(
      items,
      content.cities.map((x) => ({ id: x.id, adcode: x.data.adcode })),
    ),
    seenMeasures: seenMeasures(
      content.announcements.map((a) => ({ id: a.id, ...a.data })),
      content.measures.map((m) => m.data),
    ),
    unknownIds,
    cellChanges,
    withdrawn,
  };
}

export const reviewCount = (r: ReviewList) =>
  r.pending.length + r.seenCities.length + r.seenMeasures.length + r.unknownIds.length + (r.cellChanges?.length ?? 0) + r.withdrawn.length;

/**
 * Markdown-safe text: scraped titles must not become links, mentions, HTML or formatting in a pull
 * request body. Markdown punctuation is backslash-escaped; `@` and `<` become entities.
 */
export function mdText(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/@/g, '&#64;');
}
/** A link target that cannot end the link early. */
const mdUrl = (u: string) => encodeURI(decodeURI(u)).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));

function section<T>(title: string, items: readonly T[] | null, line: (x: T) => string, md: boolean, empty = 'none'): string[] {
  const head = md ? `### ${title} (${items?.length ?? 'not compared'})` : `${title} (${items?.length ?? 'not compared'})`;
  if (items === null) return [head, md ? '_No base to compare with._' : '  no base to compare with', ''];
  if (items.length === 0) return [head, md ? `_${empty}_` : `  ${empty}`, ''];
  return [head, ...items.map((x) => (md ? `- ${line(x)}` : `  - ${line(x)}`)), ''];
}

export function formatReview(r: ReviewList, md: boolean): string {
  const text = (s: string) => (md ? mdText(s) : s);
  const link = (label: string, url: string) => (md ? `[${mdText(label)}](${mdUrl(url)})` : `${label} <${url}>`);
  const code = (s: string) => (md ? `\`${s.replace(/`/g, '')}\`` : s);
  const lines: string[] = [
    md ? '## Review' : 'Review',
    md
      ? `${reviewCount(r)} item(s) need a human. Machine evidence below confidence ${r.threshold} changes no cell until reviewed: set \`review.state: reviewed\` on the announcement, or write a cell override (\`content/cells/\`) or a reviewed evidence record (\`content/evidence/\`) with a source.`
      : `${reviewCount(r)} item(s) need a human. Evidence below confidence ${r.threshold} changes no cell until reviewed.`,
    '',
    ...section(
      'Pending review (low confidence)',
      r.pending,
      (p) =>
        `${p.publishedAt} ${link(p.title, p.url)} ${code(p.id)}, confidence ${p.confidence}${p.wouldChange.length ? `; if accepted: ${p.wouldChange.map((w) => `${code(w.key)} ${w.from} → ${w.to}`).join(', ')}` : '; would change no cell'}`,
      md,
    ),
    ...section(
      'Cities seen in evidence, not in the catalogue',
      r.seenCities,
      (c) =>
        `${text(c.name.zh)} / ${text(c.name.en)} (${text(c.province.en)}, adcode ${c.adcode}): named by ${c.evidence.map(code).join(', ')}; to confirm, add ${code(`content/cities/${c.id}.json`)} with a source`,
      md,
    ),
    ...section(
      'Measure names seen, not catalogued',
      r.seenMeasures,
      (m) => `${text(m.name)}: ${m.announcements.map((a) => `${code(a.id)} (${a.date})`).join(', ')}`,
      md,
    ),
    ...section('Ids the catalogue lacks', r.unknownIds, (u) => `${u.kind} ${code(u.id)} in ${code(u.announcement)}`, md),
    ...section(
      'Cells whose status changes',
      r.cellChanges,
      (c) => `${code(c.key)}: ${c.from} → ${c.to} (decided by ${c.decidedBy ? code(c.decidedBy) : 'nothing'})`,
      md,
    ),
    ...section(
      'Withdrawn pages',
      r.withdrawn,
      (w) => `${w.withdrawnAt} ${link(w.title, w.url)} ${code(w.id)}${w.cells.length ? `; no longer counts for ${w.cells.map(code).join(', ')}` : ''}`,
      md,
    ),
  ];
  return lines.join('\n');
}
