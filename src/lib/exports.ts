/**
 * Data exports: the matrix (one row per measure x city) and the announcements, as CSV and JSON.
 * The column lists here are the codebook: the exports page renders the same definitions.
 */
import { stringify } from 'csv-stringify/sync';
import { paths } from './paths.ts';
import { cellOf, cellProductIds, cellMarkets, type SiteData } from './data.ts';
import type { Bilingual } from '../model/schemas.ts';

export interface Column {
  name: string;
  doc: Bilingual;
}

export const MATRIX_COLUMNS: Column[] = [
  { name: 'measure_id', doc: { en: 'Measure id (stable slug).', zh: '措施编号（固定的英文短名）。' } },
  { name: 'measure_en', doc: { en: 'Measure name in English.', zh: '措施英文名称。' } },
  { name: 'measure_zh', doc: { en: 'Measure name in Chinese.', zh: '措施中文名称。' } },
  {
    name: 'measure_verification',
    doc: {
      en: 'How the measure itself is sourced: official, trade-press (reported, not confirmed) or inferred.',
      zh: '措施本身的来源性质：official（官方）、trade-press（行业媒体报道，未证实）或inferred（推断）。',
    },
  },
  {
    name: 'precision_service',
    doc: {
      en: 'true for the three precision services for agri-food exports (一品一策, 一企一策, 一地一策).',
      zh: '三项农食产品出口精准服务（一品一策、一企一策、一地一策）为true。',
    },
  },
  { name: 'city_id', doc: { en: 'City id (stable slug).', zh: '城市编号（固定的英文短名）。' } },
  { name: 'city_en', doc: { en: 'City name in English.', zh: '城市英文名称。' } },
  { name: 'city_zh', doc: { en: 'City name in Chinese.', zh: '城市中文名称。' } },
  { name: 'province_en', doc: { en: 'Province in English.', zh: '省份英文名称。' } },
  {
    name: 'city_participation',
    doc: {
      en: 'confirmed: a source names the city for 2026; inferred: it took part in earlier editions, 2026 not confirmed.',
      zh: 'confirmed：有来源确认参加2026年行动；inferred：曾参加往年行动，2026年未确认。',
    },
  },
  {
    name: 'status',
    doc: { en: 'Rollout status of the measure in the city (see the status values below).', zh: '该措施在该城市的落地状态（见下方状态取值）。' },
  },
  {
    name: 'since',
    doc: {
      en: 'Date (YYYY-MM-DD, Beijing) the status was first reached; empty when unknown.',
      zh: '首次达到该状态的日期（北京时间，YYYY-MM-DD）；未知时为空。',
    },
  },
  {
    name: 'basis',
    doc: {
      en: 'How the status was reached: local (announcements for the city), nationwide (measure replicated nationwide), override (set by a reviewer), none (no source).',
      zh: '状态依据：local（本地公告）、nationwide（全国复制推广）、override（审核人员确定）、none（无来源）。',
    },
  },
  {
    name: 'review',
    doc: { en: 'auto: machine-extracted, not reviewed; reviewed: checked by a person.', zh: 'auto：程序提取，未经审核；reviewed：已经人工审核。' },
  },
  {
    name: 'decided_by',
    doc: {
      en: 'What set the status: an announcement id, evidence/<id> (a reviewed evidence record), nationwide or override; empty when unknown.',
      zh: '决定该状态的依据：公告编号、evidence/<编号>（人工审核的依据记录）、nationwide（全国推广）或override（审核人员确定）；未知时为空。',
    },
  },
  {
    name: 'pending_review',
    doc: {
      en: 'Ids of announcements awaiting review (low extraction confidence), which do not change the status yet, separated by spaces.',
      zh: '待审核公告（提取置信度低）的编号，审核前不改变状态，以空格分隔。',
    },
  },
  {
    name: 'evidence_urls',
    doc: {
      en: 'Source URLs of the announcements supporting the cell, oldest first, separated by spaces.',
      zh: '支持该状态的公告原文链接，按时间先后，以空格分隔。',
    },
  },
  {
    name: 'pilot_products',
    doc: { en: 'Pilot products named in the evidence (Chinese, as written), separated by 、.', zh: '依据中提及的试点产品（中文原文写法），以“、”分隔。' },
  },
  { name: 'product_ids', doc: { en: 'Ids of those products in the product list, separated by spaces.', zh: '这些产品在产品列表中的编号，以空格分隔。' } },
  {
    name: 'markets',
    doc: {
      en: 'Target-market codes named in the evidence (ISO 3166-1 alpha-2; EU for the European Union), separated by spaces.',
      zh: '依据中提及的目标市场代码（ISO 3166-1两位字母代码；EU表示欧盟），以空格分隔。',
    },
  },
  { name: 'eligibility', doc: { en: 'Eligibility clauses quoted from the evidence, separated by " | ".', zh: '依据中引述的适用条件，以“ | ”分隔。' } },
  { name: 'page_en', doc: { en: 'Address of the cell page (English).', zh: '单元格页面地址（英文版）。' } },
];

export const ANNOUNCEMENT_COLUMNS: Column[] = [
  { name: 'id', doc: { en: 'Announcement id (its path in the content folder).', zh: '公告编号（在内容目录中的路径）。' } },
  { name: 'title', doc: { en: 'Title as published (Chinese).', zh: '原文标题。' } },
  { name: 'url', doc: { en: 'Canonical URL of the original page.', zh: '原文页面的规范地址。' } },
  { name: 'published_at', doc: { en: 'Visible publication date (YYYY-MM-DD, Beijing).', zh: '页面显示的发布日期（北京时间）。' } },
  { name: 'first_seen_at', doc: { en: 'When the scrapers first saw it (ISO 8601).', zh: '抓取程序首次发现的时间（ISO 8601）。' } },
  { name: 'district', doc: { en: 'Customs district whose site published it; empty for national sources.', zh: '发布该公告的直属海关；全国性来源为空。' } },
  { name: 'source_id', doc: { en: 'Id of the scraped source (see source health).', zh: '抓取来源编号（见来源状态页）。' } },
  { name: 'relevant', doc: { en: 'true when it concerns the special action.', zh: '与专项行动相关时为true。' } },
  {
    name: 'signal',
    doc: {
      en: 'launch, pilot-list, eligibility, operational or other: what the announcement mainly does.',
      zh: 'launch（启动）、pilot-list（试点名单）、eligibility（条件与程序）、operational（已运行）或other（其他）。',
    },
  },
  { name: 'cities', doc: { en: 'City ids it applies to, separated by spaces.', zh: '适用的城市编号，以空格分隔。' } },
  { name: 'measures', doc: { en: 'Measure ids it rolls out, separated by spaces.', zh: '涉及的措施编号，以空格分隔。' } },
  { name: 'products', doc: { en: 'Products named in scope (Chinese, as written), separated by 、.', zh: '提及的产品（中文原文写法），以“、”分隔。' } },
  { name: 'markets', doc: { en: 'Target-market codes, separated by spaces.', zh: '目标市场代码，以空格分隔。' } },
  {
    name: 'content_hash',
    doc: { en: 'sha256 of the extracted text: changes when the page text changes.', zh: '提取文本的sha256哈希；页面文本变化时随之变化。' },
  },
  { name: 'review', doc: { en: 'auto (machine-extracted) or reviewed.', zh: 'auto（程序提取）或reviewed（已审核）。' } },
  { name: 'confidence', doc: { en: 'Extraction confidence between 0 and 1.', zh: '提取置信度（0到1）。' } },
  {
    name: 'withdrawn_at',
    doc: {
      en: 'Date the publisher withdrew the page (no longer counted as evidence); empty when it is online.',
      zh: '发布单位撤下页面的日期（不再作为依据）；页面仍在线时为空。',
    },
  },
  { name: 'effective_from', doc: { en: 'Date the text says the measure takes effect; empty when it states none.', zh: '文中写明的实施日期；未写明时为空。' } },
  { name: 'apply_by', doc: { en: 'Application deadline the text states; empty when it states none.', zh: '文中写明的申请截止日期；未写明时为空。' } },
];

export type Row = Record<string, string>;

export function matrixRows(data: SiteData, site: URL): Row[] {
  const rows: Row[] = [];
  for (const m of data.measures) {
    for (const c of data.cities) {
      const cell = cellOf(data, m.id, c.id);
      rows.push({
        measure_id: m.id,
        measure_en: m.data.name.en,
        measure_zh: m.data.name.zh,
        measure_verification: m.data.verification,
        precision_service: String(m.data.precisionService),
        city_id: c.id,
        city_en: c.data.name.en,
        city_zh: c.data.name.zh,
        province_en: c.data.province.en,
        city_participation: c.data.participation,
        status: cell.status,
        since: cell.since ?? '',
        basis: cell.basis,
        review: cell.verification,
        decided_by: cell.decidedBy?.basis ?? '',
        pending_review: cell.pending.join(' '),
        evidence_urls: [
          ...cell.evidence.map((id) => data.byId.announcement.get(id)?.data.canonicalUrl ?? data.byId.evidence.get(id)?.data.sources[0]?.url ?? ''),
          ...cell.nationalSources,
        ]
          .filter(Boolean)
          .join(' '),
        pilot_products: cell.pilotProducts.join('、'),
        product_ids: cellProductIds(data, cell).join(' '),
        markets: cellMarkets(data, cell).join(' '),
        eligibility: cell.eligibility.join(' | '),
        page_en: new URL(paths.cell('en', m.id, c.id), site).href,
      });
    }
  }
  return rows;
}

export function announcementRows(data: SiteData): Row[] {
  return data.announcements.map((a) => ({
    id: a.id,
    title: a.data.title,
    url: a.data.canonicalUrl,
    published_at: a.data.publishedAt,
    first_seen_at: a.data.firstSeenAt,
    district: a.data.district ?? '',
    source_id: a.data.sourceId,
    relevant: String(a.data.relevant),
    signal: a.data.signal,
    cities: a.data.cities.join(' '),
    measures: a.data.measures.join(' '),
    products: a.data.products.map((p) => p.nameZh).join('、'),
    markets: a.data.markets.join(' '),
    content_hash: a.data.contentHash,
    review: a.data.review.state,
    confidence: String(a.data.extraction.confidence),
    withdrawn_at: a.data.withdrawnAt ?? '',
    effective_from: a.data.effectiveFrom ?? '',
    apply_by: a.data.applyBy ?? '',
  }));
}

/**
 * CSV with a header row; csv-stringify quotes what needs quoting and, with escape_formulas, puts an
 * apostrophe before any cell a spreadsheet would evaluate (scraped titles are attacker-controlled;
 * see lib/csv-safe.ts). A BOM helps spreadsheet apps read UTF-8.
 */
export function toCsv(columns: Column[], rows: Row[]): string {
  return '\uFEFF' + stringify(rows, { header: true, columns: columns.map((c) => c.name), record_delimiter: 'windows', escape_formulas: true });
}

export function toJson(kind: string, columns: Column[], rows: Row[], data: SiteData): string {
  return JSON.stringify(
    {
      kind,
      edition: data.current.year,
      columns: columns.map((c) => ({ name: c.name, description: c.doc.en })),
      rows,
    },
    null,
    1,
  );
}
