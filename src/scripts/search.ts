/**
 * The search page, on Pagefind's JS API. A query first searches the catalogue bundle alone (city,
 * measure, product and market pages: a small index) and shows those answers; only then are the
 * announcements bundles merged in and searched. On a slow link the catalogue's answer comes after
 * about 100 KB instead of after every announcements index; Pagefind's own UI would add 30 KB
 * before either. The term and filters live in the URL, so a search can be shared.
 */
import {
  fill,
  filterKey,
  filterOptions,
  readSelected,
  SEARCH_FILTERS,
  searchQuery,
  sectionFilters,
  type FilterCounts,
  type SearchFilter,
  type Section,
  type Selected,
} from '../lib/search-filters.ts';

interface Fragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface Found {
  results: { id: string; data: () => Promise<Fragment> }[];
  filters: FilterCounts;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  mergeIndex: (bundlePath: string) => Promise<void>;
  search: (term: string, o: { filters: Record<string, unknown> }) => Promise<Found>;
  filters: () => Promise<FilterCounts>;
}

const PAGE = 10;
const form = document.getElementById('search-form') as HTMLFormElement | null;

if (form) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const filterBox = form.querySelector<HTMLDetailsElement>('#search-filters')!;
  const status = document.getElementById('search-status')!;
  const bundles = JSON.parse(form.dataset.bundles ?? '[]') as string[];
  const announcement = form.dataset.announcement ?? '';
  const lang = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
  const str = JSON.parse(form.dataset.strings ?? '{}') as Record<string, string>;
  const lists = {
    catalogue: document.querySelector<HTMLOListElement>('[data-search-results="catalogue"]')!,
    announcements: document.querySelector<HTMLOListElement>('[data-search-results="announcements"]')!,
  };
  const found: Record<Section, Found['results']> = { catalogue: [], announcements: [] };
  const shown: Record<Section, number> = { catalogue: 0, announcements: 0 };

  // The module's URL is only known once Pagefind has written it, after the page is bundled.
  const PAGEFIND = '/pagefind/pagefind.js';
  let pagefind: Promise<Pagefind> | null = null;
  const load = () =>
    (pagefind ??= (import(/* @vite-ignore */ PAGEFIND) as Promise<Pagefind>).then(async (pf) => {
      // Searching on the main thread spares the first query Pagefind's worker script (12 KB).
      await pf.options({ excerptLength: 24, noWorker: true });
      return pf;
    }));
  let merging: Promise<void> | null = null;
  const mergeAnnouncements = (pf: Pagefind) =>
    (merging ??= (async () => {
      for (const b of bundles) await pf.mergeIndex(b);
    })());
  // The filters' values (over 60 KB at 5,000 announcements) load only when a reader opens the
  // filters or arrives with one selected: then every query counts every filter's values.
  let filtersWanted = false;
  let filtersLoaded: Promise<unknown> | null = null;

  /** Pagefind's excerpt marks matches with <mark>; everything else in it is text, never markup. */
  function excerpt(html: string): DocumentFragment {
    const out = document.createDocumentFragment();
    // A parsed document is inert: nothing in it loads or runs.
    const parsed = new DOMParser().parseFromString(html, 'text/html').body;
    for (const n of parsed.childNodes) {
      if (n.nodeName === 'MARK') out.append(Object.assign(document.createElement('mark'), { textContent: n.textContent }));
      else out.append(n.textContent ?? '');
    }
    return out;
  }

  async function showMore(section: Section): Promise<void> {
    const results = found[section];
    const next = results.slice(shown[section], shown[section] + PAGE);
    shown[section] += next.length;
    const items = await Promise.all(next.map((r) => r.data()));
    // A newer search has replaced these results while their fragments loaded.
    if (found[section] !== results) return;
    for (const d of items) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      // Pagefind's URLs are the site's own paths.
      a.href = d.url.startsWith('/') ? d.url : `/${d.url}`;
      a.textContent = d.meta.title ?? d.url;
      const p = document.createElement('p');
      p.append(excerpt(d.excerpt));
      li.append(a, p);
      lists[section].append(li);
    }
    const more = document.querySelector<HTMLButtonElement>(`[data-more="${section}"]`)!;
    more.hidden = shown[section] >= found[section].length;
  }

  function show(section: Section, results: Found['results']): Promise<void> {
    found[section] = results;
    shown[section] = 0;
    lists[section].replaceChildren();
    lists[section].closest('section')!.hidden = results.length === 0;
    return showMore(section);
  }

  const select = (f: SearchFilter) => filterBox.querySelector<HTMLSelectElement>(`select[name="${f}"]`)!;
  function selected(): Selected {
    const sel: Selected = {};
    for (const f of SEARCH_FILTERS) if (select(f).value) sel[f] = select(f).value;
    return sel;
  }

  /** Each filter lists the values the current results have, with how many. */
  function fillFilters(counts: FilterCounts[], sel: Selected): void {
    for (const f of SEARCH_FILTERS) {
      const any = new Option(str.any ?? '', '');
      const opts = filterOptions(filterKey(f, lang), counts, sel[f]).map(
        ({ value, count }) => new Option(`${value} (${count})`, value, false, value === sel[f]),
      );
      select(f).replaceChildren(any, ...opts);
    }
  }

  let asked = 0;
  async function run(): Promise<void> {
    const mine = ++asked;
    const term = input.value.trim();
    const sel = selected();
    history.replaceState(null, '', `${location.pathname}${searchQuery(term, sel)}`);
    if (!term) {
      for (const s of ['catalogue', 'announcements'] as const) await show(s, []);
      status.textContent = '';
      return;
    }
    form!.dataset.state = 'searching';
    status.textContent = str.searching ?? '';
    try {
      const pf = await load();
      const catalogue = await pf.search(term, { filters: sectionFilters('catalogue', sel, announcement, lang) });
      if (mine !== asked) return;
      await show('catalogue', catalogue.results);
      form!.dataset.state = 'catalogue';
      // What the first answer cost is measured up to this mark (bench: the first search).
      performance.mark('search:catalogue');
      if (!merging) status.textContent = str.adding ?? '';
      await mergeAnnouncements(pf);
      if (filtersWanted) await (filtersLoaded ??= pf.filters());
      const announcements = await pf.search(term, { filters: sectionFilters('announcements', sel, announcement, lang) });
      if (mine !== asked) return;
      await show('announcements', announcements.results);
      if (filtersWanted) fillFilters([catalogue.filters, announcements.filters], sel);
      filterBox.hidden = false;
      const n = catalogue.results.length + announcements.results.length;
      status.textContent = n
        ? fill(str.summary ?? '', { q: term, pages: catalogue.results.length, announcements: announcements.results.length })
        : fill(str.none ?? '', { q: term });
      form!.dataset.state = 'done';
      performance.mark('search:done');
    } catch (e) {
      if (mine !== asked) return;
      console.error(e);
      status.textContent = str.failed ?? '';
      form!.dataset.state = 'failed';
    }
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(run, 300);
  });
  input.addEventListener('focus', () => void load(), { once: true });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(typing);
    void run();
  });
  filterBox.addEventListener('change', () => void run());
  filterBox.addEventListener('toggle', () => {
    if (!filterBox.open || filtersWanted) return;
    filtersWanted = true;
    void run();
  });
  for (const s of ['catalogue', 'announcements'] as const) document.querySelector(`[data-more="${s}"]`)!.addEventListener('click', () => void showMore(s));

  const query = new URLSearchParams(location.search);
  input.value = query.get('q') ?? '';
  const initial = readSelected(query);
  if (Object.keys(initial).length) {
    filtersWanted = true;
    filterBox.open = true;
    fillFilters([], initial);
  }
  if (input.value) void run();
}
