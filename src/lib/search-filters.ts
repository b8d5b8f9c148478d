/**
 * The search page's filters and the Pagefind queries it makes, as pure functions (the page's
 * script, src/scripts/search.ts, does the I/O). Pages carry their filter values in
 * src/components/SearchMeta.astro; `type` tells an announcement from a catalogue page.
 */

import type { Lang } from '../i18n/ui.ts';

/** The filters a reader narrows results by, in the order the page shows them. */
export const SEARCH_FILTERS = ['city', 'measure', 'product', 'market'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];
export type Selected = Partial<Record<SearchFilter, string>>;

/**
 * The Pagefind filter a page's value is filed under, per language. An announcement page carries
 * its English and its Chinese facts and is indexed into both languages' bundles, each of which
 * sees the other's filters too (Pagefind's exclusions hide text, not filters); a key per language
 * keeps 大连 out of the English city list and Dalian out of the Chinese one.
 */
export const filterKey = (filter: SearchFilter | 'type', lang: Lang) => (lang === 'en' ? filter : `${filter}-zh`);

/** Pagefind's filter counts: filter -> value -> pages. */
export type FilterCounts = Record<string, Record<string, number>>;

/** The two result lists: catalogue pages (answered first) and announcements. */
export type Section = 'catalogue' | 'announcements';

/**
 * The Pagefind `filters` of one section's query: what the reader selected, and the page type that
 * puts a result in this section (`announcement` is the type label announcement pages carry).
 */
export function sectionFilters(section: Section, selected: Selected, announcement: string, lang: Lang): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of SEARCH_FILTERS) if (selected[f]) out[filterKey(f, lang)] = selected[f];
  out[filterKey('type', lang)] = section === 'announcements' ? announcement : { none: [announcement] };
  return out;
}

/** The reader's selection from a query string; unknown keys and empty values are dropped. */
export function readSelected(query: URLSearchParams): Selected {
  const out: Selected = {};
  for (const f of SEARCH_FILTERS) {
    const v = query.get(f);
    if (v) out[f] = v;
  }
  return out;
}

/** The query string of a search: the term, then the selected filters; empty when nothing is asked. */
export function searchQuery(term: string, selected: Selected): string {
  const q = new URLSearchParams();
  if (term) q.set('q', term);
  for (const f of SEARCH_FILTERS) if (selected[f]) q.set(f, selected[f]!);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * The options of one filter (its Pagefind key): every value some result of either section has, by count then name,
 * and the selected value even when no result has it now (a reader never loses a choice).
 */
export function filterOptions(key: string, counts: FilterCounts[], selected?: string): { value: string; count: number }[] {
  const sum = new Map<string, number>();
  for (const c of counts) for (const [v, n] of Object.entries(c[key] ?? {})) if (n > 0) sum.set(v, (sum.get(v) ?? 0) + n);
  if (selected && !sum.has(selected)) sum.set(selected, 0);
  return [...sum].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** A UI string with `{name}` placeholders filled in. */
export const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
