/**
 * The site's Pagefind bundles. The catalogue (entity pages in both languages, one index per
 * `<html lang>`) is the bundle a search loads first, so its meta file stays small however many
 * announcements there are; announcements live in one bundle per reading language, merged into
 * the search at query time (`mergeIndex`). Each is indexed by its own Pagefind process, one after
 * the other (src/integrations/search-index.ts). Catalogue pages keep their lists of announcement
 * titles out of the index (data-pagefind-ignore): the announcements bundles find those.
 */
import type { Lang } from '../i18n/ui.ts';

/** Where the catalogue bundle is served (Pagefind's default). */
export const CATALOGUE_BUNDLE = '/pagefind/';

/** Where the announcements bundle read in `lang` is served. */
export const announcementsBundle = (lang: Lang) => `/pagefind/announcements-${lang}/`;

/** The announcement pages, relative to the output folder (src/lib/paths.ts). */
export const ANNOUNCEMENT_PAGES_GLOB = 'announcements/**/*.html';
/** Every per-language page, relative to the output folder. */
export const LANGUAGE_PAGES_GLOB = '{en,zh}/**/*.html';

/**
 * What the announcements bundle of one language leaves out of an announcement page: English
 * reads the title and the English facts (data-facts="en"), not the Chinese body; Chinese reads
 * everything but the English parts.
 */
export const ANNOUNCEMENT_EXCLUDES: Record<Lang, string[]> = {
  en: ['[data-facts="zh"]', '.original', '.search-text'],
  zh: ['[lang="en"]'],
};
