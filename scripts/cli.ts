/**
 * What the command-line scripts share: argument parsing with `--help` and usage errors (the reason
 * and the help on stderr, exit 1), and the options several commands take (--content, --sources,
 * --mirror, --delay), read the same way everywhere.
 */
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { contentRoot } from '../src/model/content-root.ts';
import { MIRROR_ENV } from '../scrapers/http/mirror.ts';
import { DEFAULT_DELAY_MS } from '../scrapers/run/fetcher.ts';
import type { SourceDecl } from '../scrapers/sources/declarations.ts';
import { defaultRegistry, loadSourcesFile } from '../scrapers/sources/registry.ts';
import { isHttpUrl } from '../scrapers/text/url.ts';

type Options = NonNullable<ParseArgsConfig['options']>;
type ParsedResults<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;
const HELP_OPTION = { help: { type: 'boolean', default: false } } as const;

/**
 * Parse this process's arguments for command `name`: `--help` prints `help` and exits 0; an
 * unknown or malformed option is a usage error.
 */
export function command<const O extends Options, const A extends boolean = false>(name: string, help: string, options: O, allowPositionals?: A) {
  const fail = (msg: string): never => {
    console.error(`${name}: ${msg}\n\n${help}`);
    process.exit(1);
  };
  type Config = { options: O & typeof HELP_OPTION; allowPositionals: A };
  let parsed: ParsedResults<Config>;
  try {
    parsed = parseArgs<Config>({ options: { ...options, ...HELP_OPTION }, allowPositionals: (allowPositionals ?? false) as A });
  } catch (err) {
    return fail((err as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(help);
    process.exit(0);
  }
  /** `fail`: a usage error, the reason and the help on stderr, exit 1. */
  return { values: parsed.values, positionals: parsed.positionals, fail };
}

/** `--content DIR`, else content/ (or ROLLOUT_CONTENT_DIR). */
export const contentRootOf = (dir: string | undefined): string => (dir ? path.resolve(dir) : contentRoot());

/** `--sources FILE` replaces the registry of the content root. */
export function registryOf(sourcesFile: string | undefined, root: string, fail: (msg: string) => never): SourceDecl[] {
  try {
    return sourcesFile ? loadSourcesFile(path.resolve(sourcesFile)) : defaultRegistry(root);
  } catch (err) {
    return fail(`cannot load sources: ${(err as Error).message}`);
  }
}

/** `--mirror URL`, else the environment's; null for none. */
export function mirrorOf(url: string | undefined, fail: (msg: string) => never): string | null {
  const mirror = url ?? process.env[MIRROR_ENV] ?? null;
  if (mirror && !isHttpUrl(mirror)) fail(`--mirror must be an http(s) URL, got ${mirror}`);
  return mirror;
}

/** `--delay MS`: milliseconds, the runs' default when not given. */
export function delayOf(ms: string | undefined, fail: (msg: string) => never): number {
  const delayMs = ms === undefined ? DEFAULT_DELAY_MS : Number(ms);
  if (!Number.isFinite(delayMs) || delayMs < 0) fail(`--delay must be a number of milliseconds, got ${ms}`);
  return delayMs;
}
