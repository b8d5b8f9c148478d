/**
 * The default way a run fetches: plain HTTP first; a page (or robots.txt) that answers the
 * JavaScript challenge is fetched again, in the same run, by the browser strategy. A host whose
 * challenge the browser passed goes straight to the browser afterwards (its cookies are there);
 * a host whose challenge the browser could not pass is not tried again this run, so a blocked
 * host costs seconds, not a browser visit per page. The browser module, and with it
 * playwright-core, is loaded only when a challenge is first seen.
 */
import type { BrowserFetcher, BrowserOptions } from './browser.ts';
import { HttpClient, ROBOTS_TOKEN, type ClientOptions, type HttpOutcome, type HttpResponse, type Validators } from './client.ts';
import type { RobotsOutcome } from './robots.ts';
import { challengeOf } from './waf.ts';

/** auto: the browser when challenged (default); always: every page by browser; never: plain HTTP only. */
export type BrowserMode = 'auto' | 'always' | 'never';

export interface StrategyOptions {
  client: ClientOptions;
  mode?: BrowserMode | undefined;
  browser?: { headed?: boolean | undefined; timeoutMs?: number | undefined; settleMs?: number | undefined; delayMs?: number | undefined } | undefined;
  /** Replaces the browser launcher (tests, or a different browser). */
  launchBrowser?: ((o: BrowserOptions) => Promise<Pick<BrowserFetcher, 'get' | 'close'>>) | undefined;
}

type HostMode = { kind: 'browser' } | { kind: 'unpassable'; why: string };

function orFailure(realUrl: string, o: HttpOutcome | { unavailable: string }): HttpOutcome {
  return 'unavailable' in o ? { kind: 'failure', failure: 'challenge', reason: o.unavailable, requestedUrl: realUrl, url: realUrl, attempts: 0 } : o;
}

export class FetchStrategy {
  readonly client: HttpClient;
  readonly mode: BrowserMode;
  #o: StrategyOptions;
  #hosts = new Map<string, HostMode>();
  #browser: Promise<Pick<BrowserFetcher, 'get' | 'close'>> | null = null;
  /** Hosts whose pages went through the browser this run (for the report). */
  readonly browserHosts = new Set<string>();

  constructor(o: StrategyOptions) {
    this.#o = o;
    this.mode = o.mode ?? 'auto';
    this.client = new HttpClient({ ...o.client, ...(this.mode === 'never' ? {} : { robotsThroughChallenge: (url, why) => this.#robotsByBrowser(url, why) }) });
  }

  get userAgent(): string {
    return this.client.userAgent;
  }

  async get(realUrl: string, validators?: Validators): Promise<HttpOutcome> {
    const host = new URL(realUrl).host;
    const known = this.#hosts.get(host);
    if (this.mode === 'always' || known?.kind === 'browser') return orFailure(realUrl, await this.#byBrowser(realUrl));
    const plain = await this.client.get(realUrl, validators);
    if (plain.kind !== 'response' || !challengeOf(plain) || this.mode === 'never') return plain;
    if (known?.kind === 'unpassable') return { ...plain, note: known.why };
    const viaBrowser = await this.#byBrowser(realUrl);
    if ('unavailable' in viaBrowser) {
      // No browser: the plain answer stands, with the reason the challenge could not be tried.
      this.#hosts.set(host, { kind: 'unpassable', why: viaBrowser.unavailable });
      return { ...plain, note: viaBrowser.unavailable };
    }
    if (viaBrowser.kind === 'failure' && (viaBrowser.failure === 'timeout' || viaBrowser.failure === 'network')) {
      // The browser could not even load the page: still the challenge that blocks the source.
      const why = `the browser could not load it (${viaBrowser.reason})`;
      this.#hosts.set(host, { kind: 'unpassable', why });
      return { ...plain, note: why };
    }
    if (challengeOf(viaBrowser))
      this.#hosts.set(host, { kind: 'unpassable', why: (viaBrowser as HttpResponse).note ?? 'the browser did not pass the challenge' });
    else if (viaBrowser.kind === 'response') this.#hosts.set(host, { kind: 'browser' });
    return viaBrowser;
  }

  async #launch(): Promise<Pick<BrowserFetcher, 'get' | 'close'>> {
    const c = this.#o.client;
    const options: BrowserOptions = {
      allowedHosts: c.allowedHosts,
      mirror: c.mirror,
      headed: this.#o.browser?.headed ?? true,
      delayMs: this.#o.browser?.delayMs ?? c.delayMs ?? 2000,
      userAgent: this.client.userAgent,
      robots: (u) => this.client.robotsFor(u),
      robotsToken: ROBOTS_TOKEN,
      ...(this.#o.browser?.timeoutMs !== undefined ? { timeoutMs: this.#o.browser.timeoutMs } : {}),
      ...(this.#o.browser?.settleMs !== undefined ? { settleMs: this.#o.browser.settleMs } : {}),
    };
    if (this.#o.launchBrowser) return this.#o.launchBrowser(options);
    const { BrowserFetcher } = await import('./browser.ts');
    return BrowserFetcher.launch(options);
  }

  async #byBrowser(realUrl: string): Promise<HttpOutcome | { unavailable: string }> {
    this.#browser ??= this.#launch();
    let b: Pick<BrowserFetcher, 'get' | 'close'>;
    try {
      b = await this.#browser;
    } catch (err) {
      return { unavailable: `browser unavailable: ${(err as Error).message.split('\n')[0]}` };
    }
    this.browserHosts.add(new URL(realUrl).host);
    return b.get(realUrl);
  }

  async #robotsByBrowser(robotsUrl: string, why: string): Promise<RobotsOutcome> {
    const host = new URL(robotsUrl).host;
    const o = orFailure(robotsUrl, await this.#byBrowser(robotsUrl));
    if (o.kind === 'failure') {
      this.#hosts.set(host, { kind: 'unpassable', why: o.reason });
      return { kind: 'challenge', reason: `${why}; ${o.reason}` };
    }
    const still = challengeOf(o);
    if (still) {
      const note = o.kind === 'response' && o.note ? o.note : 'the browser did not pass it';
      this.#hosts.set(host, { kind: 'unpassable', why: note });
      return { kind: 'challenge', reason: `${why}; ${note}` };
    }
    this.#hosts.set(host, { kind: 'browser' });
    if (o.status >= 200 && o.status < 300) return { kind: 'ok', status: o.status, text: Buffer.from(o.body).toString('utf8') };
    return { kind: 'status', status: o.status };
  }

  async close(): Promise<void> {
    await this.client.close();
    const b = await this.#browser?.catch(() => null);
    await b?.close();
  }
}
