/**
 * Run state in <content root>/_state/ (never a collection): HTTP validators, the items each
 * source has already seen, the columns found on district home pages, and the run report. These are the only files a run that finds
 * nothing new changes.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { beijingDate } from '../../src/model/beijing-date.ts';
import { runReport, type RunReport, type SourceColumn } from '../../src/model/schemas.ts';
import type { Validators } from '../http/client.ts';
import type { ResumeMarker } from './list-walk.ts';
import { RECHECK_SCHEDULE, WITHDRAWN_RECHECK_SCHEDULE, recheckDue, type RecheckStep } from '../recheck/schedule.ts';
import { readJson, sweepTempFiles, writeJsonAtomic } from '../write/store.ts';

export interface SeenItem {
  firstSeenAt: string;
  /** Result of the last attempt: 'failed' items are retried on the next run. */
  last: 'new' | 'changed' | 'unchanged' | 'irrelevant' | 'failed';
  /** Consecutive failed runs (a challenge answer is not counted: it is the source's `blocked` state). */
  failures?: number | undefined;
  /** The last failure said the page is gone (404/410, an off-site redirect): not tried before this time. */
  nextTryAt?: string | undefined;
  /** Written, but worth a full fetch again: the reading was provisional, or an attachment fetch failed. */
  retry?: 'provisional' | 'attachments' | undefined;
  /** Consecutive runs whose attachments came back corrupt or as an HTML page (see ATTACHMENT_BACKOFF_DAYS). */
  attachmentFailures?: number | undefined;
  /** Last time the page was requested (a re-check), when later than firstSeenAt. */
  checkedAt?: string | undefined;
  /** Beijing date the page was first seen gone (404/410, a withdrawal notice): re-checked on WITHDRAWN_RECHECK_SCHEDULE. */
  withdrawnAt?: string | undefined;
  linkedUrl: string;
  title?: string | undefined;
  date?: string | undefined;
  /** Announcement file written for it, relative to the content root. */
  file?: string | undefined;
}

/**
 * Backoff as data, in days after the n-th consecutive "gone" answer (the last step repeats): a
 * page that is gone is asked again less and less often, never abandoned for good. A transient
 * failure (5xx, reset, timeout, a page that is not an article) is retried on the next run.
 */
const GONE_BACKOFF_DAYS = [0, 1, 2, 4, 8, 16, 30] as const;

export function nextTryAfterGone(failures: number, now: string): string {
  const days = GONE_BACKOFF_DAYS[Math.min(Math.max(failures - 1, 0), GONE_BACKOFF_DAYS.length - 1)]!;
  return new Date(Date.parse(now) + days * 86_400_000).toISOString();
}

/**
 * Backoff as data for an article whose attachments answered a corrupt file or an HTML page where a
 * document is linked: the next two runs (a transfer cut short, a maintenance page pass), then
 * after a growing pause in days (the last step repeats). A transient failure (5xx, reset,
 * challenge) is tried on the next run.
 */
export const ATTACHMENT_BACKOFF_DAYS = [0, 0, 1, 2, 4, 8, 16, 30] as const;

export function nextTryAfterBadAttachment(failures: number, now: string): string {
  const days = ATTACHMENT_BACKOFF_DAYS[Math.min(Math.max(failures - 1, 0), ATTACHMENT_BACKOFF_DAYS.length - 1)]!;
  return new Date(Date.parse(now) + days * 86_400_000).toISOString();
}

/**
 * A written article whose re-check (scrapers/recheck/schedule.ts) is due; a withdrawn one on its
 * own schedule, counted from the day it was first seen gone.
 */
function recheckWanted(item: SeenItem, now: string, schedule: readonly RecheckStep[] = RECHECK_SCHEDULE): boolean {
  if (item.last === 'failed' || item.last === 'irrelevant' || !item.file) return false;
  if (item.withdrawnAt)
    return recheckDue({ publishedAt: item.withdrawnAt, firstSeenAt: item.firstSeenAt, lastCheckedAt: item.checkedAt }, now, WITHDRAWN_RECHECK_SCHEDULE);
  // An item with no date is as old as the Beijing day it was first seen (not its UTC day).
  const publishedAt = item.date ?? beijingDate(item.firstSeenAt);
  return recheckDue({ publishedAt, firstSeenAt: item.firstSeenAt, lastCheckedAt: item.checkedAt }, now, schedule);
}

/** Whether a known item is fetched again this run. */
export function needsFetch(item: SeenItem, now: string, schedule: readonly RecheckStep[] = RECHECK_SCHEDULE): boolean {
  const waiting = item.nextTryAt !== undefined && item.nextTryAt > now;
  if (item.last === 'failed') return !waiting;
  if (item.retry && !waiting) return true;
  // A written item waiting out its attachments' backoff is still re-checked on its schedule.
  return recheckWanted(item, now, schedule);
}

/** Columns found on a district's home page: kept between runs, found again when one stops answering. */
export interface DiscoveredColumns {
  home: string;
  discoveredAt: string;
  columns: SourceColumn[];
}

export interface StateFiles {
  validators: Record<string, Validators>;
  seen: Record<string, Record<string, SeenItem>>;
  /** By source id. */
  columns: Record<string, DiscoveredColumns>;
  /** By column start URL: where a walk that stopped short of the end of its list reads on. */
  resume: Record<string, ResumeMarker>;
  report: RunReport | null;
}

export function stateDir(contentRoot: string): string {
  return path.join(contentRoot, '_state');
}

export function loadState(contentRoot: string): StateFiles {
  const dir = stateDir(contentRoot);
  const rawReport = readJson<unknown>(path.join(dir, 'report.json'), null);
  return {
    validators: readJson(path.join(dir, 'validators.json'), {}),
    seen: readJson(path.join(dir, 'seen.json'), {}),
    columns: readJson(path.join(dir, 'columns.json'), {}),
    resume: readJson(path.join(dir, 'resume.json'), {}),
    // An old or foreign report is not fatal: it only seeds lastSuccessAt.
    report: rawReport ? (runReport.safeParse(rawReport).data ?? null) : null,
  };
}

/** Write all state files atomically (each one is either the old or the new version). */
export async function saveState(contentRoot: string, state: StateFiles): Promise<void> {
  const dir = stateDir(contentRoot);
  mkdirSync(dir, { recursive: true });
  sweepTempFiles(dir);
  writeJsonAtomic(path.join(dir, 'validators.json'), state.validators);
  writeJsonAtomic(path.join(dir, 'seen.json'), state.seen);
  const columnsFile = path.join(dir, 'columns.json');
  if (Object.keys(state.columns).length > 0 || existsSync(columnsFile)) writeJsonAtomic(columnsFile, state.columns);
  const resumeFile = path.join(dir, 'resume.json');
  if (Object.keys(state.resume).length > 0 || existsSync(resumeFile)) writeJsonAtomic(resumeFile, state.resume);
  if (state.report) writeJsonAtomic(path.join(dir, 'report.json'), runReport.parse(state.report));
}
