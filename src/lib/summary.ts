/**
 * A summary of an announcement generated from its extracted facts (publisher, date, signal,
 * measures, cities, products, markets, number of conditions), in the reader's language. Pages and
 * English feed items label it as generated and keep the Chinese original below it. Only names and
 * counts go in: the scraped title and body never do, so nothing here can carry markup or claims the
 * extractor did not make.
 */
import { pick, useTranslations, type Lang } from '../i18n/ui.ts';
import { countryName } from './countries.ts';
import type { SiteData } from './data.ts';
import type { Announcement } from '../model/schemas.ts';

/** Names in the reader's language, joined as a list ("a, b and c" / "a、b和c"). */
export function listOf(names: readonly string[], lang: Lang): string {
  if (names.length <= 1) return names[0] ?? '';
  const t = useTranslations(lang);
  return t('summary.list', { items: names.slice(0, -1).join(lang === 'zh' ? '、' : ', '), last: names.at(-1)! });
}

export function cityLabel(data: SiteData, id: string, lang: Lang): string {
  const c = data.byId.city.get(id) ?? data.byId.seenCity.get(id);
  return c ? pick('data' in c ? c.data.name : c.name, lang) : id;
}
export function measureLabel(data: SiteData, id: string, lang: Lang): string {
  const m = data.byId.measure.get(id);
  return m ? pick(m.data.name, lang) : id;
}
export function publisherLabel(data: SiteData, district: string | null, lang: Lang): string {
  const d = district ? data.byId.district.get(district) : undefined;
  return d ? pick(d.data.name, lang) : useTranslations(lang)('summary.nationalPublisher');
}
export function marketLabel(data: SiteData, code: string, lang: Lang): string {
  const m = data.byId.market.get(code.toLowerCase());
  return m ? pick(m.data.name, lang) : countryName(code, lang);
}

type Facts = Pick<
  Announcement,
  | 'district'
  | 'publishedAt'
  | 'signal'
  | 'relevant'
  | 'measures'
  | 'cities'
  | 'cityMentions'
  | 'products'
  | 'markets'
  | 'eligibility'
  | 'effectiveFrom'
  | 'applyBy'
>;

export function generatedSummary(data: SiteData, a: Facts, lang: Lang): string {
  const t = useTranslations(lang);
  const publisher = publisherLabel(data, a.district, lang);
  if (!a.relevant) return t('summary.irrelevant', { publisher, date: a.publishedAt });
  const measures = a.measures.map((m) => measureLabel(data, m, lang));
  // Catalogue cities, then places named that are not (yet) in the catalogue.
  const cities = [
    ...new Set([
      ...a.cities.map((c) => cityLabel(data, c, lang)),
      ...a.cityMentions.filter((m) => m.id === null).map((m) => (lang === 'zh' ? m.nameZh : m.nameEn)),
    ]),
  ];
  const products = a.products.map((p) => {
    const known = p.id ? data.byId.product.get(p.id) : undefined;
    return known ? pick(known.data.name, lang) : p.nameZh;
  });
  const parts = [
    t('summary.lead', {
      publisher,
      date: a.publishedAt,
      signal: t(`summary.signal.${a.signal}`),
      measures: measures.length ? listOf(measures, lang) : t('summary.noMeasure'),
      cities: cities.length ? t('summary.in', { cities: listOf(cities, lang) }) : '',
    }),
  ];
  if (products.length) parts.push(t('summary.products', { list: listOf(products, lang) }));
  if (a.markets.length)
    parts.push(
      t('summary.markets', {
        list: listOf(
          a.markets.map((c) => marketLabel(data, c, lang)),
          lang,
        ),
      }),
    );
  if (a.eligibility.length) parts.push(t('summary.conditions', { n: a.eligibility.length }));
  if (a.effectiveFrom) parts.push(t('summary.effectiveFrom', { date: a.effectiveFrom }));
  if (a.applyBy) parts.push(t('summary.applyBy', { date: a.applyBy }));
  return parts.join(lang === 'zh' ? '' : ' ');
}
