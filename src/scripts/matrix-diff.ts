/** Matrix diff between two dates: recolour cells from precomputed per-cell status steps. */
interface Payload {
  dates: string[];
  steps: Record<string, [string, string][]>;
  labels: Record<string, string>;
  was: string;
  changed: string;
}
const raw = document.getElementById('diff-data')?.textContent;
const table = document.getElementById('diff-matrix') as HTMLTableElement | null;
const fromSel = document.getElementById('diff-from') as HTMLSelectElement | null;
const toSel = document.getElementById('diff-to') as HTMLSelectElement | null;

if (raw && table && fromSel && toSel) {
  const p = JSON.parse(raw) as Payload;
  const statusAt = (key: string, date: string) => {
    let s = 'unknown';
    for (const [d, st] of p.steps[key] ?? []) if (d <= date) s = st;
    return s;
  };
  const heads = [...table.tHead!.rows[0]!.cells];
  const render = () => {
    const from = fromSel.value;
    const to = toSel.value;
    let n = 0;
    for (const tr of [...table.tBodies[0]!.rows]) {
      const m = tr.dataset.measure;
      [...tr.cells].forEach((td, i) => {
        const city = heads[i]?.dataset.city;
        if (!m || !city || td.dataset.s === undefined) return;
        const key = `${m}--${city}`;
        const a = statusAt(key, from);
        const b = statusAt(key, to);
        td.dataset.s = b;
        const link = td.querySelector('a');
        if (link) {
          link.className = `status ${b}`;
          link.textContent = p.labels[b] ?? b;
        }
        td.querySelector('.was')?.remove();
        td.classList.toggle('changed', a !== b);
        if (a !== b) {
          n++;
          const small = document.createElement('small');
          small.className = 'was';
          small.textContent = p.was.replace('{status}', p.labels[a] ?? a);
          td.append(small);
        }
      });
    }
    const count = document.getElementById('diff-count');
    if (count) count.textContent = p.changed.replace('{n}', String(n));
    const q = new URLSearchParams({ from, to });
    history.replaceState(null, '', `${location.pathname}?${q}`);
  };
  const q = new URLSearchParams(location.search);
  if (q.get('from') && p.dates.includes(q.get('from')!)) fromSel.value = q.get('from')!;
  if (q.get('to') && p.dates.includes(q.get('to')!)) toSel.value = q.get('to')!;
  fromSel.addEventListener('change', render);
  toSel.addEventListener('change', render);
  document.getElementById('diff-form')?.addEventListener('submit', (e) => {
    e.preventDefault();
    render();
  });
  render();
}

export {};
