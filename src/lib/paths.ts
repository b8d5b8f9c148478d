/** Every internal URL of the site in one place, so pages, feeds and exports link alike. */
import type { Lang } from '../i18n/ui.ts';
import { cellKey } from '../model/rollout.ts';

export const paths = {
  home: (l: Lang) => `/${l}/`,
  matrix: (l: Lang) => `/${l}/matrix/`,
  cities: (l: Lang) => `/${l}/cities/`,
  city: (l: Lang, id: string) => `/${l}/cities/${id}/`,
  measures: (l: Lang) => `/${l}/measures/`,
  measure: (l: Lang, id: string) => `/${l}/measures/${id}/`,
  cell: (l: Lang, measure: string, city: string) => `/${l}/cells/${cellKey(measure, city)}/`,
  products: (l: Lang) => `/${l}/products/`,
  product: (l: Lang, id: string) => `/${l}/products/${id}/`,
  markets: (l: Lang) => `/${l}/markets/`,
  market: (l: Lang, id: string) => `/${l}/markets/${id}/`,
  announcements: (l: Lang) => `/${l}/announcements/`,
  /** One page per announcement, in both languages: its text is the Chinese original. */
  announcement: (id: string) => `/announcements/${id}/`,
  search: (l: Lang) => `/${l}/search/`,
  feeds: (l: Lang) => `/${l}/feeds/`,
  changes: (l: Lang) => `/${l}/changes/`,
  diff: (l: Lang) => `/${l}/changes/diff/`,
  exports: (l: Lang) => `/${l}/exports/`,
  health: (l: Lang) => `/${l}/sources/`,
  seenMeasures: (l: Lang) => `/${l}/measures/seen/`,
  evidence: (l: Lang, id: string) => `/${l}/evidence/${id}/`,
};

/**
 * Feed scopes: everything, one city (catalogue or seen), one measure, one cell, one product, one
 * market (its code in lower case), one product to one market, and the change log.
 */
export type FeedScope =
  | { kind: 'all' }
  | { kind: 'city'; id: string }
  | { kind: 'measure'; id: string }
  | { kind: 'cell'; measure: string; city: string }
  | { kind: 'product'; id: string }
  | { kind: 'market'; id: string }
  | { kind: 'product-market'; product: string; market: string }
  | { kind: 'changes' };

/** RSS 2.0, which every reader takes, and JSON Feed for scripts: an Atom copy of the same items would add a third of the site's files. */
export const FEED_FORMATS = ['rss.xml', 'feed.json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];
export const FEED_TYPES: Record<FeedFormat, string> = {
  'rss.xml': 'application/rss+xml',
  'feed.json': 'application/feed+json',
};
export const FEED_LABELS: Record<FeedFormat, string> = { 'rss.xml': 'RSS', 'feed.json': 'JSON Feed' };

/** Path of a scope below /<lang>/feeds/. */
export function feedScopePath(scope: FeedScope): string {
  switch (scope.kind) {
    case 'all':
      return 'all';
    case 'city':
      return `cities/${scope.id}`;
    case 'measure':
      return `measures/${scope.id}`;
    case 'cell':
      return `cells/${cellKey(scope.measure, scope.city)}`;
    case 'product':
      return `products/${scope.id}`;
    case 'market':
      return `markets/${scope.id}`;
    case 'product-market':
      return `products/${scope.product}/markets/${scope.market}`;
    case 'changes':
      return 'changes';
  }
}

export const feedPath = (l: Lang, scope: FeedScope, format: FeedFormat) => `/${l}/feeds/${feedScopePath(scope)}/${format}`;

/** iCal calendars of dated events: all, per city, per measure (in the reader's language). */
export type CalendarScope = { kind: 'all' } | { kind: 'city'; id: string } | { kind: 'measure'; id: string };
export const calendarPath = (l: Lang, scope: CalendarScope) =>
  `/${l}/calendar/${scope.kind === 'all' ? 'all' : `${scope.kind === 'city' ? 'cities' : 'measures'}/${scope.id}`}.ics`;

/** Language-neutral data exports at the site root. */
export const exportPaths = {
  matrixCsv: '/exports/matrix.csv',
  matrixJson: '/exports/matrix.json',
  announcementsCsv: '/exports/announcements.csv',
  announcementsJson: '/exports/announcements.json',
};

/** The announcement list is paginated: one page of the newest first, then /page/2/ ... */
export const ANNOUNCEMENTS_PER_PAGE = 100;
export const announcementsPage = (l: Lang, page: number) => (page <= 1 ? `/${l}/announcements/` : `/${l}/announcements/page/${page}/`);
