/**
 * The source registry: every customs district from content/districts (a district without a known
 * notice column has its columns found on its home page; none is left out), the national lists
 * and the feeds. `--sources FILE` replaces all of it with minimal declarations.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { district as districtSchema } from '../../src/model/schemas.ts';
import { httpsUrl } from '../text/url.ts';
import { sourcesFile, type SourceDecl } from './declarations.ts';
import { NATIONAL_LISTS, RSSHUB_ENV, rssSources } from './national.ts';

function districtSources(contentRoot: string): SourceDecl[] {
  const dir = path.join(contentRoot, 'districts');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
    .sort();
  return files.map((file) => {
    const id = file.replace(/\.json$/, '');
    const d = districtSchema.parse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
    // Every district is read: its columns are found on its home page when none is known.
    const base = {
      id: `${id}-notices`,
      kind: 'html-list' as const,
      district: id,
      publisher: d.name.zh,
      verified: false,
      discover: { host: d.host, pathPrefix: d.pathPrefix },
    };
    if (!d.noticeColumn2019) return { ...base, url: null, note: 'columns found on the home page' };
    // c.2019 column ids: unverified for 2026, tried first; discovery takes over when they fail.
    return { ...base, url: `https://${d.host}${d.noticeColumn2019}`, note: 'c.2019 column id, unverified' };
  });
}

export function defaultRegistry(contentRoot: string, env: NodeJS.ProcessEnv = process.env): SourceDecl[] {
  return [...NATIONAL_LISTS, ...districtSources(contentRoot), ...rssSources(env[RSSHUB_ENV])];
}

export function loadSourcesFile(file: string): SourceDecl[] {
  const parsed = sourcesFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const ids = new Set<string>();
  return parsed.sources.map((s) => {
    if (ids.has(s.id)) throw new Error(`${file}: duplicate source id ${s.id}`);
    ids.add(s.id);
    return { id: s.id, kind: s.kind, url: httpsUrl(s.url), district: s.district, verified: false, browser: s.browser };
  });
}

/** Hosts a run may request: those of the registered sources (the SSRF allow-list). */
export function registryHosts(sources: SourceDecl[]): Set<string> {
  const hosts = new Set<string>();
  for (const s of sources) {
    if (s.url) hosts.add(new URL(s.url).hostname.toLowerCase());
    if (s.discover) hosts.add(s.discover.host.toLowerCase());
  }
  return hosts;
}

/** A source that can run: a list or feed URL, or a home page to find its columns on. */
export function runnable(s: SourceDecl): boolean {
  return s.url !== null || s.discover !== undefined;
}
