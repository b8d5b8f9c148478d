/**
 * The site's Pagefind bundles. The catalogue (entity pages in both languages, one index per
 * `<html lang>`) is the bundle a search loads first, so its meta file stays small however many
 * announcements there are; announcements live in bundles per reading language, which the search page
 * merges (`mergeIndex`) once the catalogue has answered (src/scripts/search.ts). Each bundle is indexed by its own Pagefind process, one
 * after the other (src/integrations/search-index.ts), so the memory peak is one bundle's: Pagefind
 * holds every page of a bundle until it writes it, so the announcements are cut into shards of at
 * most SHARD_PAGES pages.
 * Catalogue pages keep their lists of announcement titles out of the index (data-pagefind-ignore):
 * the announcements bundles find those.
 */
import type { Lang } from '../i18n/ui.ts';

/** Where the catalogue bundle is served (Pagefind's default). */
export const CATALOGUE_BUNDLE = '/pagefind/';

/**
 * Pages per announcements bundle. A Chinese one indexes whole bodies, about 0.25 MB of Pagefind
 * memory per page (measured: 570 MB for 2,000 synthetic pages), and runs while the build process
 * still holds ~1 GB (Astro's native memory, which a garbage collection does not return): 1,500
 * pages keep the sum near 1.5 GB. An English one indexes titles and facts, a fifth of that.
 * Fewer, larger bundles would make a search fetch fewer files.
 */
export const SHARD_PAGES: Record<Lang, number> = { en: 10_000, zh: 1_500 };

/** How many bundles `count` announcements take in `lang`. */
export const shardCount = (lang: Lang, count: number) => Math.ceil(count / SHARD_PAGES[lang]);

/** Where announcements bundle `shard` (0-based) read in `lang` is served. */
export const announcementsBundle = (lang: Lang, shard: number) => `/pagefind/announcements-${lang}-${shard + 1}/`;

/** Every announcements bundle of `lang` for `count` announcements, in shard order. */
export const announcementsBundles = (lang: Lang, count: number) => Array.from({ length: shardCount(lang, count) }, (_, i) => announcementsBundle(lang, i));

/** Every per-language page, relative to the output folder. */
export const LANGUAGE_PAGES_GLOB = '{en,zh}/**/*.html';

/**
 * What the announcements bundle of one language leaves out of an announcement page: English
 * reads the title and the English facts (data-facts="en"), not the Chinese body; Chinese reads
 * everything but the English parts. English forces its language (the page is Chinese); Chinese
 * takes the page's own, which Pagefind also indexes twice as fast as a forced one.
 */
export const ANNOUNCEMENT_INDEX: Record<Lang, { forceLanguage?: string; excludeSelectors: string[] }> = {
  en: { forceLanguage: 'en', excludeSelectors: ['[data-facts="zh"]', '.original', '.search-text'] },
  zh: { excludeSelectors: ['[lang="en"]'] },
};
