/**
 * The fetcher a run over the sources uses (the scrape and the canary): the polite client limited
 * to the registry's hosts, and Chromium for pages behind the challenge, from the options both take.
 */
import type { ClientOptions } from '../http/client.ts';
import { FetchStrategy, type BrowserMode, type StrategyOptions } from '../http/fetch-strategy.ts';
import type { SourceDecl } from '../sources/declarations.ts';
import { registryHosts } from '../sources/registry.ts';

/** Minimum pause between two requests to one host, unless told. */
export const DEFAULT_DELAY_MS = 2000;

export interface FetchRunOptions {
  /** The registry: its hosts are the only ones requested. */
  sources: SourceDecl[];
  mirror?: string | null | undefined;
  delayMs?: number | undefined;
  client?: Partial<ClientOptions> | undefined;
  /** auto (default): the browser for pages that answer the challenge; always; never. */
  browser?: BrowserMode | undefined;
  /** Headed Chromium (default; an Xvfb display is started when there is none). */
  headed?: boolean | undefined;
  /** Browser tuning: page timeout, how long an unchanged challenge shell is given. */
  browserTiming?: { timeoutMs?: number; settleMs?: number } | undefined;
  /** Replaces the browser launcher (tests). */
  launchBrowser?: StrategyOptions['launchBrowser'];
  hostsInParallel?: number | undefined;
  now?: Date | undefined;
}

export function runFetcher(o: FetchRunOptions): FetchStrategy {
  const delayMs = o.delayMs ?? DEFAULT_DELAY_MS;
  return new FetchStrategy({
    client: { allowedHosts: registryHosts(o.sources), mirror: o.mirror, delayMs, ...o.client },
    mode: o.browser ?? 'auto',
    browser: { headed: o.headed ?? true, delayMs, ...o.browserTiming },
    launchBrowser: o.launchBrowser,
  });
}
