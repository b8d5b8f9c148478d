/**
 * Which source a record names when several link the same article (a list page and a feed of it):
 * declared, never the one that happened to write it first. A page source beats a feed source (the
 * page is what the record reads; a feed only points at it), then the first id in sort order. Pure.
 */
import type { SourceDecl } from '../sources/declarations.ts';

const KIND_PRECEDENCE: Record<SourceDecl['kind'], number> = { 'html-list': 0, rss: 1 };

export function ownerOf(claimants: readonly Pick<SourceDecl, 'id' | 'kind'>[]): string | undefined {
  const best = [...claimants].sort((a, b) => KIND_PRECEDENCE[a.kind] - KIND_PRECEDENCE[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
  return best?.id;
}
