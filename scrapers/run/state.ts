/**
 * Run state in <content root>/_state/ (never a collection): HTTP validators, the items each
 * source has already seen, the columns found on district home pages, and the run report. These are the only files a run that finds
 * nothing new changes.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { runReport, type RunReport, type SourceColumn } from '../../src/model/schemas.ts';
import type { Validators } from '../http/client.ts';
import { readJson, sweepTempFiles, writeJsonAtomic } from './json-file.ts';

export interface SeenItem {
  firstSeenAt: string;
  /** Result of the last attempt: 'failed' items are retried on the next run. */
  last: 'new' | 'changed' | 'unchanged' | 'irrelevant' | 'failed';
  /** Consecutive failed runs; retrying stops at MAX_ITEM_FAILURES (a 404 filler is not retried forever). */
  failures?: number | undefined;
  linkedUrl: string;
  title?: string | undefined;
  date?: string | undefined;
  /** Announcement file written for it, relative to the content root. */
  file?: string | undefined;
}

export const MAX_ITEM_FAILURES = 3;

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
    // An old or foreign report is not fatal: it only seeds lastSuccessAt.
    report: rawReport ? (runReport.safeParse(rawReport).data ?? null) : null,
  };
}

/** Write all state files atomically (each one is either the old or the new version). */
export async function saveState(contentRoot: string, state: StateFiles): Promise<void> {
  const dir = stateDir(contentRoot);
  mkdirSync(dir, { recursive: true });
  sweepTempFiles(dir);
  await writeJsonAtomic(path.join(dir, 'validators.json'), state.validators);
  await writeJsonAtomic(path.join(dir, 'seen.json'), state.seen);
  const columnsFile = path.join(dir, 'columns.json');
  if (Object.keys(state.columns).length > 0 || existsSync(columnsFile)) await writeJsonAtomic(columnsFile, state.columns);
  if (state.report) await writeJsonAtomic(path.join(dir, 'report.json'), runReport.parse(state.report));
}
