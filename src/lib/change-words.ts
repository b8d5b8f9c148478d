/**
 * Change-log entries in words and names of the reader's language, for the "What changed" page and
 * the change-log feed: a new announcement says who published what for which measures and cities; a
 * status change says old -> new; any other field says what it is now. Values are arbitrary data
 * from the pipeline: ids become names, lists become lists, objects become "field: value" pairs,
 * and nothing is ever shown as JSON.
 */
import { useTranslations, type Lang, type UiKey } from '../i18n/ui.ts';
import { STATUSES, type Status } from '../model/status.ts';
import type { ChangeEntry } from '../model/schemas.ts';
import type { SiteData } from './data.ts';
import { paths } from './paths.ts';
import { cityLabel, listOf, marketLabel, measureLabel, publisherLabel } from './summary.ts';

export interface ChangeWords {
  /** The record's page, when it has one. */
  href: string | null;
  /** The record's name. */
  subject: string;
  /** What happened, one sentence. */
  text: string;
}

const isStatus = (v: unknown): v is Status => typeof v === 'string' && (STATUSES as readonly string[]).includes(v);

/** A value in words: ids of cities and measures as names, lists joined, objects as pairs. */
function valueWords(data: SiteData, field: string, v: unknown, lang: Lang): string {
  const t = useTranslations(lang);
  if (v === null || v === undefined || v === '') return t('changes.w.none');
  if (Array.isArray(v)) {
    if (v.length === 0) return t('changes.w.none');
    const names = v.map((x) =>
      typeof x !== 'string'
        ? valueWords(data, '', x, lang)
        : field === 'cities'
          ? cityLabel(data, x, lang)
          : field === 'measures'
            ? measureLabel(data, x, lang)
            : field === 'markets'
              ? marketLabel(data, x, lang)
              : x,
    );
    return listOf(names, lang);
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o['nameZh'] === 'string') return o['nameZh'];
    return Object.entries(o)
      .map(([k, x]) => `${fieldName(k, lang)}: ${valueWords(data, k, x, lang)}`)
      .join(lang === 'zh' ? '；' : '; ');
  }
  if (typeof v === 'boolean') return t(v ? 'changes.w.yes' : 'changes.w.no');
  if (field === 'signal' && typeof v === 'string') return t(`signal.${v}` as UiKey);
  if (field === 'status' && isStatus(v)) return t(`status.${v}`);
  if (field === 'district' && typeof v === 'string') return publisherLabel(data, v, lang);
  return String(v);
}

const FIELD_KEYS: Record<string, UiKey> = {
  title: 'changes.f.title',
  publishedAt: 'changes.f.publishedAt',
  signal: 'changes.f.signal',
  cities: 'ann.cities',
  measures: 'ann.measures',
  products: 'ann.products',
  markets: 'ann.markets',
  eligibility: 'ann.eligibility',
  relevant: 'changes.f.relevant',
  withdrawnAt: 'changes.f.withdrawnAt',
  body: 'changes.f.body',
  status: 'common.status',
};

export function fieldName(field: string, lang: Lang): string {
  const key = FIELD_KEYS[field];
  return key ? useTranslations(lang)(key) : field;
}

export function describeChange(data: SiteData, c: ChangeEntry, lang: Lang): ChangeWords {
  const t = useTranslations(lang);
  const [collection, ...rest] = c.record.split('/');
  const id = rest.join('/');
  let href: string | null = null;
  let subject = c.record;
  let publisher: string | null = null;
  if (collection === 'announcements') {
    const a = data.byId.announcement.get(id);
    if (a) {
      href = paths.announcement(id);
      subject = a.data.title;
      publisher = publisherLabel(data, a.data.district, lang);
    } else {
      // Announcement ids start with the publishing district's folder.
      publisher = publisherLabel(data, data.byId.district.has(rest[0] ?? '') ? rest[0]! : null, lang);
    }
  } else if (collection === 'cells') {
    const [m, city] = id.split('--');
    if (m && city) {
      subject = t('feeds.cellTitle', { measure: measureLabel(data, m, lang), city: cityLabel(data, city, lang) });
      if (data.byId.measure.has(m) && data.byId.city.has(city)) href = paths.cell(lang, m, city);
    }
  } else if (collection === 'cities' && data.byId.city.has(id)) {
    href = paths.city(lang, id);
    subject = cityLabel(data, id, lang);
  } else if (collection === 'measures' && data.byId.measure.has(id)) {
    href = paths.measure(lang, id);
    subject = measureLabel(data, id, lang);
  }

  let text: string;
  // `(new)` is how earlier runs logged a created record (its title only).
  if (c.field === '(created)' || c.field === '(new)') {
    const n = (c.new !== null && typeof c.new === 'object' ? c.new : {}) as Record<string, unknown>;
    if (typeof n['title'] === 'string' && !href) subject = n['title'];
    text = t('changes.w.created', {
      publisher: publisher ?? t('summary.nationalPublisher'),
      measures: valueWords(data, 'measures', n['measures'], lang),
      cities: valueWords(data, 'cities', n['cities'], lang),
    });
  } else if (c.field === 'status' && isStatus(c.new)) {
    text = t('changes.w.status', { from: isStatus(c.old) ? t(`status.${c.old}`) : t('status.unknown'), to: t(`status.${c.new}`) });
  } else if (c.field === 'body') {
    text = t('changes.w.body');
  } else if (c.field === '(file)') {
    text = t('changes.w.moved');
  } else if (c.field === 'withdrawnAt' && typeof c.new === 'string') {
    text = t('changes.w.withdrawn', { date: c.new });
  } else {
    text = t('changes.w.field', { field: fieldName(c.field, lang), from: valueWords(data, c.field, c.old, lang), to: valueWords(data, c.field, c.new, lang) });
  }
  return { href, subject, text };
}
