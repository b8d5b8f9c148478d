/**
 * Attachments in the announcement record, after extraction and the merge with the file on disk:
 * an attachment that was read before and could not be read this time keeps what was read (a
 * fault never loses data), and the facts of the attachments that were read go into the record:
 * HS codes onto the products they name (or the products added), the enterprise count, the
 * catalogue cities of the places listed. A reviewed record keeps its products and cities. Pure.
 */
import type { AttachmentRecord } from '../../src/model/schemas.ts';
import type { RecordData } from '../write/record.ts';

const asAttachments = (v: unknown): AttachmentRecord[] => (Array.isArray(v) ? (v as AttachmentRecord[]) : []);

/** Keep the earlier reading of an attachment (same URL) that this run could not read. */
export function carryAttachments(merged: RecordData, existing: RecordData | null): RecordData {
  const before = new Map(asAttachments(existing?.['attachments']).map((a) => [a.url, a]));
  if (!before.size) return merged;
  const attachments = asAttachments(merged['attachments']).map((a) => {
    const old = before.get(a.url);
    // Not tried this time, a transient failure, or a fault where a reading existed: keep the reading.
    const keep = old && (a.status === undefined || a.status === 'failed' || a.status === 'blocked' || (old.status === 'parsed' && a.status !== 'parsed'));
    // (A "missing" or other settled answer replaces an earlier unread state: it is the newer fact.)
    return keep ? { ...old, name: a.name, type: a.type } : a;
  });
  return { ...merged, attachments };
}

interface Product {
  id: string | null;
  nameZh: string;
  display?: string;
  hs?: string[];
}

const sameProduct = (p: Product, q: { id: string | null; nameZh: string }) =>
  p.nameZh === q.nameZh || (p.id !== null && p.id === q.id) || p.nameZh.includes(q.nameZh) || q.nameZh.includes(p.nameZh);

/** The record with its attachments' facts applied; idempotent. */
export function applyAttachmentFacts(record: RecordData): RecordData {
  const facts = asAttachments(record['attachments']).flatMap((a) => (a.status === 'parsed' && a.facts ? [a.facts] : []));
  const out: RecordData = { ...record };
  delete out['enterpriseCount'];
  if (!facts.length) return out;
  const counts = facts.flatMap((f) => (f.enterpriseCount === null || f.enterpriseCount === undefined ? [] : [f.enterpriseCount]));
  if (counts.length) out['enterpriseCount'] = counts.reduce((a, b) => a + b, 0);
  const reviewed = (record['review'] as { state?: string } | undefined)?.state === 'reviewed';
  if (reviewed || record['relevant'] === false) return out;
  const products = (Array.isArray(record['products']) ? (record['products'] as Product[]) : []).map((p) => ({ ...p }));
  for (const f of facts) {
    for (const fp of f.products ?? []) {
      const hit = products.find((p) => sameProduct(p, fp));
      if (hit) {
        const hs = [...new Set([...(hit.hs ?? []), ...fp.hs])].sort();
        if (hs.length) hit.hs = hs;
        if (hit.id === null && fp.id !== null) hit.id = fp.id;
      } else products.push(fp.hs.length ? { id: fp.id, nameZh: fp.nameZh, hs: [...fp.hs] } : { id: fp.id, nameZh: fp.nameZh });
    }
  }
  out['products'] = products;
  const cities = new Set<string>(Array.isArray(record['cities']) ? (record['cities'] as string[]) : []);
  for (const f of facts) for (const c of f.cities ?? []) cities.add(c);
  out['cities'] = [...cities].sort();
  return out;
}
