/**
 * Progressive enhancement of the matrix: filters whose state lives in the URL query (shareable),
 * and a CSV of the visible rows. The table is complete without this script.
 */
import { csvLines } from '../lib/csv-safe.ts';

const FILTERS = ['province', 'district', 'status', 'group', 'product', 'market', 'seen'] as const;
type Filter = (typeof FILTERS)[number];
type State = Record<Filter, string>;

const form = document.getElementById('matrix-filters') as HTMLFormElement | null;
const table = document.getElementById('matrix') as HTMLTableElement | null;

function readState(): State {
  const q = new URLSearchParams(location.search);
  const s = {} as State;
  for (const f of FILTERS) s[f] = q.get(f) ?? '';
  return s;
}

const tokens = (v: string | undefined) => (v ? v.split(' ') : []);

function apply(state: State): void {
  if (!table) return;
  const heads = [...table.tHead!.rows[0]!.cells];
  // Column index -> visible by province/district; index 0 is the row header.
  const colOk = heads.map((th) => {
    // Cities seen in evidence, not confirmed: a column group the reader can hide.
    if (state.seen === 'hide' && th.dataset.seen === 'true') return false;
    const city = th.dataset.city;
    if (city === undefined) return !th.classList.contains('unid') || (!state.province && !state.district);
    if (state.province && th.dataset.province !== state.province) return false;
    if (state.district && !tokens(th.dataset.districts).includes(state.district)) return false;
    return true;
  });
  const cellFilter = !!(state.status || state.product || state.market);
  const matches = (td: HTMLTableCellElement) =>
    (!state.status || td.dataset.s === state.status) &&
    (!state.product || tokens(td.dataset.p).includes(state.product)) &&
    (!state.market || tokens(td.dataset.k).includes(state.market));

  const rows = [...table.tBodies[0]!.rows];
  const rowOk = rows.map((tr) => !state.group || tokens(tr.dataset.group).includes(state.group));
  // With cell filters, keep only rows and columns holding at least one matching cell.
  const colHit = heads.map(() => !cellFilter);
  const rowHit = rows.map(() => !cellFilter);
  if (cellFilter) {
    rows.forEach((tr, r) => {
      if (!rowOk[r]) return;
      [...tr.cells].forEach((td, i) => {
        if (i === 0 || !colOk[i] || td.dataset.s === undefined) return;
        if (matches(td)) {
          rowHit[r] = true;
          colHit[i] = true;
        }
      });
    });
  }
  const showCol = heads.map((th, i) => i === 0 || (colOk[i] === true && (colHit[i] === true || th.dataset.city === undefined)));
  let shownRows = 0;
  rows.forEach((tr, r) => {
    const show = rowOk[r] === true && rowHit[r] === true;
    tr.hidden = !show;
    if (show) shownRows++;
    [...tr.cells].forEach((td, i) => {
      td.hidden = !showCol[i];
      td.classList.toggle('dim', cellFilter && td.dataset.s !== undefined && !matches(td));
    });
  });
  heads.forEach((th, i) => (th.hidden = !showCol[i]));
  for (const tr of [...table.tFoot!.rows]) [...tr.cells].forEach((td, i) => (td.hidden = !showCol[i]));
  const shownCols = heads.filter((th, i) => showCol[i] && th.dataset.city !== undefined).length;
  const out = document.getElementById('matrix-shown');
  const tpl = out?.dataset.template;
  if (out && tpl) {
    out.textContent = tpl
      .replace('{rows}', String(shownRows))
      .replace('{allRows}', String(rows.length))
      .replace('{cols}', String(shownCols))
      .replace('{allCols}', String(heads.filter((th) => th.dataset.city !== undefined).length));
  }
  document.body.dataset.filtered = FILTERS.some((f) => state[f]) ? 'true' : 'false';
}

function writeUrl(state: State): void {
  const q = new URLSearchParams();
  for (const f of FILTERS) if (state[f]) q.set(f, state[f]);
  const search = q.toString() ? `?${q}` : '';
  history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
  // The language switch keeps the filtered view.
  const sw = document.getElementById('lang-switch') as HTMLAnchorElement | null;
  if (sw) sw.search = search;
}

function formState(): State {
  const s = {} as State;
  for (const f of FILTERS) s[f] = (form?.elements.namedItem(f) as HTMLSelectElement | null)?.value ?? '';
  return s;
}

/** CSV of the visible cells, one row per measure x city, like the full export's first columns. */
function visibleCsv(): string {
  if (!table) return '';
  const heads = [...table.tHead!.rows[0]!.cells];
  const lines: string[][] = [['measure_id', 'measure', 'city_id', 'city', 'status', 'status_label', 'page']];
  for (const tr of [...table.tBodies[0]!.rows]) {
    if (tr.hidden) continue;
    const measure = tr.cells[0]!.querySelector('a')?.textContent?.trim() ?? '';
    [...tr.cells].forEach((td, i) => {
      const th = heads[i];
      if (i === 0 || td.hidden || !th?.dataset.city || td.dataset.s === undefined) return;
      const a = td.querySelector('a');
      lines.push([
        tr.dataset.measure ?? '',
        measure,
        th.dataset.city,
        th.querySelector('a')?.textContent?.trim() ?? '',
        td.dataset.s,
        a?.textContent?.trim() ?? '',
        a?.href ?? '',
      ]);
    });
  }
  return csvLines(lines);
}

if (form && table) {
  const state = readState();
  for (const f of FILTERS) {
    const el = form.elements.namedItem(f) as HTMLSelectElement | null;
    if (el) el.value = state[f];
  }
  apply(state);
  writeUrl(state);
  form.addEventListener('change', () => {
    const s = formState();
    apply(s);
    writeUrl(s);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const s = formState();
    apply(s);
    writeUrl(s);
  });
  document.getElementById('f-reset')?.addEventListener('click', (e) => {
    e.preventDefault();
    form.reset();
    const s = formState();
    apply(s);
    writeUrl(s);
  });
  const btn = document.getElementById('export-visible') as HTMLButtonElement | null;
  if (btn) {
    btn.disabled = false;
    btn.addEventListener('click', () => {
      const url = URL.createObjectURL(new Blob([visibleCsv()], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'matrix-filtered.csv';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    });
  }
}
