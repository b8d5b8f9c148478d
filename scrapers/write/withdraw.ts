/**
 * Mark a known announcement withdrawn: `withdrawnAt` is the Beijing date the page was first seen
 * gone (404/410 or a withdrawal notice). The record is kept with everything else unchanged; a
 * record already withdrawn keeps its first date. Logged in the change log like any change.
 */
import { beijingDate } from '../../src/model/beijing-date.ts';
import { amendAnnouncement } from './amend.ts';

export async function markWithdrawn(
  contentRoot: string,
  rel: string,
  o: { now: string; sourceUrl: string; dryRun?: boolean | undefined },
): Promise<'withdrawn' | 'unchanged' | 'error'> {
  const r = await amendAnnouncement(contentRoot, rel, (data) => (typeof data['withdrawnAt'] === 'string' ? null : { withdrawnAt: beijingDate(o.now) }), o);
  return r === 'changed' ? 'withdrawn' : r;
}
