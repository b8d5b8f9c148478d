/**
 * Validation of content records as files: used by `npm run check` and by the pipeline before it
 * writes. Errors name the file, the field and the reason.
 */
import yaml from 'js-yaml';
import type { z } from 'zod';
import { COLLECTIONS, type CollectionName } from './schemas.ts';

export interface ContentError {
  file: string;
  field: string;
  reason: string;
}

export const formatError = (e: ContentError) => `${e.file}: ${e.field}: ${e.reason}`;

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Split a Markdown/MDX file into its YAML frontmatter (parsed as Astro parses it) and body. */
export function parseFrontmatter(text: string): { data: unknown; body: string } {
  const m = FRONTMATTER.exec(text);
  if (!m) throw new Error('no YAML frontmatter block (--- ... ---) at the start of the file');
  return { data: yaml.load(m[1] ?? ''), body: text.slice(m[0].length) };
}

/** Parse a file's text into its record data, as the collection's loader would. */
export function parseRecord(file: string, text: string): unknown {
  if (/\.mdx?$/.test(file)) return parseFrontmatter(text).data;
  return JSON.parse(text);
}

function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.length ? issue.path.map(String).join('.') : '(record)';
}

/** Validate one record; returns [] when it is valid. */
export function validateRecord(collection: CollectionName, file: string, text: string): ContentError[] {
  let data: unknown;
  try {
    data = parseRecord(file, text);
  } catch (err) {
    return [{ file, field: '(file)', reason: `cannot be parsed: ${(err as Error).message.split('\n')[0]}` }];
  }
  const result = COLLECTIONS[collection].schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ file, field: issuePath(issue), reason: issue.message }));
}

/** The id Astro's glob loader gives a file: its path below the collection folder, without extension. */
export function entryId(relativePath: string): string {
  return relativePath.replace(/\.(json|mdx?|ya?ml)$/, '');
}
