/**
 * How a district's list columns are found on its home page: which home pages to try, which
 * navigation link texts name an announcement or news column, and what a column URL looks like.
 * Data only (scrapers/crawl/columns.ts reads the page, scrapers/run/columns.ts fetches).
 * The link texts are the usual names of these columns on customs.gov.cn district sites; the home
 * page paths are guesses to be confirmed by the live canary (the host root redirects on the real
 * sites, `/customs/index/index.html` is the GACC form).
 */

export interface ColumnGroup {
  /** What the column holds. A source reads at most one column per group. */
  id: 'announcements' | 'news' | 'policy';
  /** Navigation link texts (or `title`s), in order of preference; compared without whitespace. */
  linkTexts: string[];
}

export const COLUMN_GROUPS: readonly ColumnGroup[] = [
  { id: 'announcements', linkTexts: ['通知公告', '公告通知', '公告', '通告', '公示公告'] },
  { id: 'news', linkTexts: ['关区动态', '海关动态', '新闻动态', '工作动态', '海关新闻'] },
  { id: 'policy', linkTexts: ['政策解读', '政务公开', '政策法规'] },
];

/** Home pages to try, in order, as paths on the district host (`{prefix}` is its path prefix, e.g. `/nanjing_customs/`). */
export const HOME_PAGES: readonly string[] = ['{prefix}index.html', '{prefix}index/index.html', '/'];

/**
 * A column URL (path on the district host): old and new templates alike put columns at
 * `/<district>_customs/<digits>/<digits>[/<digits>…]/index.html`.
 */
export const COLUMN_PATH = '^/[a-z0-9]+_customs/(\\d+/){2,5}index\\.html$';

/** Candidate columns fetched at most per discovery (each costs one polite request). */
export const MAX_CANDIDATE_FETCHES = 6;
