/** Language-neutral data exports: /exports/{matrix,announcements}.{csv,json}. */
import type { APIRoute } from 'astro';
import { siteData } from '../../lib/data.ts';
import { MATRIX_COLUMNS, ANNOUNCEMENT_COLUMNS, matrixRows, announcementRows, toCsv, toJson } from '../../lib/exports.ts';

const FILES = ['matrix.csv', 'matrix.json', 'announcements.csv', 'announcements.json'] as const;
export const getStaticPaths = () => FILES.map((file) => ({ params: { file } }));

export const GET: APIRoute = async ({ params, site }) => {
  const data = await siteData();
  const base = site ?? new URL('http://localhost/');
  const [kind, ext] = (params.file ?? '').split('.') as ['matrix' | 'announcements', 'csv' | 'json'];
  const columns = kind === 'matrix' ? MATRIX_COLUMNS : ANNOUNCEMENT_COLUMNS;
  const rows = kind === 'matrix' ? matrixRows(data, base) : announcementRows(data);
  const body = ext === 'csv' ? toCsv(columns, rows) : toJson(kind, columns, rows, data);
  return new Response(body, { headers: { 'Content-Type': ext === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8' } });
};
