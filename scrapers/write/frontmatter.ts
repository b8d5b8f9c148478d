/**
 * YAML frontmatter with js-yaml 4, the major Astro 7 reads frontmatter with
 * (@astrojs/internal-helpers/frontmatter calls js-yaml's `load`). Never string templates: every
 * value goes through `dump()`, so no scraped title can close the block or add a key.
 */
import yaml from 'js-yaml';
import { isDeepStrictEqual } from 'node:util';
import { parseFrontmatter } from '../../src/model/validate.ts';

/** Deterministic YAML: sorted keys, no line folding, no anchors/aliases. */
export function dumpYaml(data: object): string {
  return yaml.dump(data, { sortKeys: true, lineWidth: -1, noRefs: true, quotingType: "'" });
}

/** Drop `undefined` members (YAML cannot hold them; zod optional fields may be absent). */
function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * A complete Markdown file: frontmatter block, blank line, body. Throws when the YAML would not
 * read back as the same data, or a YAML line could end Astro's frontmatter block early.
 */
export function composeFile(data: object, body: string): string {
  const clean = withoutUndefined(data);
  const front = dumpYaml(clean);
  // Astro ends the block at the first line starting with --- or +++.
  if (/^(?:---|\+\+\+)/m.test(front)) throw new Error('frontmatter: a YAML line starts with a block delimiter');
  const file = `---\n${front}---\n${body === '' ? '' : `\n${body}`}`;
  const back = parseFrontmatter(file).data;
  if (!isDeepStrictEqual(back, clean)) throw new Error('frontmatter: YAML does not read back as the same data');
  return file;
}

/** Split an existing file into frontmatter data and body. */
export function readFile(text: string): { data: Record<string, unknown>; body: string } {
  const { data, body } = parseFrontmatter(text);
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('frontmatter is not a mapping');
  return { data: data as Record<string, unknown>, body: body.replace(/^\n/, '') };
}
