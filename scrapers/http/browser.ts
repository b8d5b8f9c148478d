/**
 * Browser fetch strategy for sources behind a JavaScript challenge: Debian's Chromium driven by
 * playwright-core. The page runs the challenge script (which sets a cookie and reloads); we wait
 * until the document is no longer the challenge shell and hand back the main response's bytes as
 * served (not the DOM re-serialised, which closes the tags of a page cut short). A shell
 * that has not reloaded for `settleMs` will not pass: we give up then, not at the timeout.
 * Every request the page makes is checked against the same allow-list, and mapped to the mirror.
 * One tab per host (its cookies kept for the run), one page at a time per host, delays kept.
 * playwright-core is imported here only, and only when a browser is launched, so a production
 * install without dev dependencies still scrapes plain sources.
 * The real WAF is reported to refuse headless browsers: `headed` (the default of the scrape run)
 * starts an Xvfb display when there is none.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { checkUrl } from './allowlist.ts';
import type { HttpOutcome } from './client.ts';
import { ensureDisplay, type Display } from './display.ts';
import { mirrorUrl } from './mirror.ts';
import type { RobotsPolicy } from './robots.ts';
import { detectChallenge, isChallengeShell } from './waf.ts';

export const CHROMIUM_PATH = process.env['ROLLOUT_CHROMIUM'] ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export interface BrowserOptions {
  allowedHosts: ReadonlySet<string>;
  mirror?: string | null | undefined;
  headed?: boolean;
  /** Time for one page including the challenge round trips. */
  timeoutMs?: number;
  /** A challenge shell that neither reloads nor navigates for this long will not pass. */
  settleMs?: number;
  delayMs?: number;
  userAgent?: string | undefined;
  /** Robots policy lookup (shared with the HTTP client, so robots.txt is read once). */
  robots?: (realUrl: string) => Promise<RobotsPolicy>;
  robotsToken?: string;
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Map a URL the browser requests back to the real URL (inverse of the mirror). */
export function unmirror(requested: string, mirror: string | null | undefined): string | null {
  if (!mirror) return requested;
  const base = mirror.replace(/\/+$/, '') + '/';
  if (!requested.startsWith(base)) return null;
  return `https://${requested.slice(base.length)}`;
}

async function loadPlaywright(): Promise<typeof import('playwright-core')> {
  try {
    return await import('playwright-core');
  } catch (err) {
    throw new Error(`playwright-core is not installed (npm install playwright-core): ${(err as Error).message.split('\n')[0]}`);
  }
}

/** The same media type, its charset now UTF-8 (what Chromium's decoded text is). */
const asUtf8 = (type: string) => `${type.split(';')[0]!.trim()}; charset=utf-8`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface HostTab {
  page: Page;
  queue: Promise<unknown>;
  last: number;
}

export class BrowserFetcher {
  #context: BrowserContext;
  #dir: string;
  #display: Display | null;
  #o: BrowserOptions;
  #tabs = new Map<string, HostTab>();

  private constructor(context: BrowserContext, dir: string, display: Display | null, o: BrowserOptions) {
    this.#context = context;
    this.#dir = dir;
    this.#display = display;
    this.#o = o;
  }

  static async launch(o: BrowserOptions): Promise<BrowserFetcher> {
    if (!chromiumAvailable()) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set ROLLOUT_CHROMIUM)`);
    const { chromium } = await loadPlaywright();
    const display = o.headed ? await ensureDisplay() : null;
    // A fresh profile every run: no cookies or cache from earlier runs.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rollout-chromium-'));
    try {
      const context = await chromium.launchPersistentContext(dir, {
        executablePath: CHROMIUM_PATH,
        headless: !o.headed,
        args: CHROMIUM_ARGS,
        ...(display ? { env: { ...process.env, DISPLAY: display.name } as Record<string, string> } : {}),
        ...(o.userAgent ? { userAgent: o.userAgent } : {}),
        locale: 'zh-CN',
      });
      await context.route('**/*', async (route) => {
        const requested = route.request().url();
        const real = unmirror(requested, o.mirror);
        // The favicon is never needed, and each request to a WAF host counts.
        if (real && checkUrl(real, o.allowedHosts).ok && !/\/favicon\.ico$/.test(new URL(real).pathname)) await route.continue();
        else await route.abort('blockedbyclient');
      });
      return new BrowserFetcher(context, dir, display, o);
    } catch (err) {
      rmSync(dir, { recursive: true, force: true });
      await display?.stop();
      throw err;
    }
  }

  /** The page of a real URL, the challenge run if there is one. */
  async get(realUrl: string): Promise<HttpOutcome> {
    const check = checkUrl(realUrl, this.#o.allowedHosts);
    if (!check.ok) return this.#fail(realUrl, 'refused', check.reason);
    const isRobots = check.url.pathname === '/robots.txt';
    // Robots first, outside the host's queue: reading robots.txt may itself need this browser.
    if (this.#o.robots && !isRobots) {
      const policy = await this.#o.robots(realUrl);
      if (!policy.isAllowed(realUrl, this.#o.robotsToken ?? '*')) {
        return this.#fail(realUrl, policy.challenged ? 'challenge' : 'robots', policy.closedReason ?? `disallowed by robots.txt: ${realUrl}`);
      }
    }
    let tab: HostTab;
    try {
      tab = await this.#tab(check.url.host);
    } catch (err) {
      return this.#fail(realUrl, 'network', `browser: ${(err as Error).message.split('\n')[0]}`);
    }
    const run = tab.queue.then(() => this.#visit(tab, realUrl));
    tab.queue = run.catch(() => undefined);
    return run;
  }

  #fail(realUrl: string, failure: 'refused' | 'robots' | 'challenge' | 'timeout' | 'network', reason: string): HttpOutcome {
    return { kind: 'failure', failure, reason, requestedUrl: realUrl, url: realUrl, attempts: 1 };
  }

  async #tab(host: string): Promise<HostTab> {
    let tab = this.#tabs.get(host);
    if (!tab) {
      // The window's first tab serves the first host (closing it would close a headed browser).
      const free = this.#tabs.size === 0 ? this.#context.pages()[0] : undefined;
      tab = { page: free ?? (await this.#context.newPage()), queue: Promise.resolve(), last: 0 };
      this.#tabs.set(host, tab);
    }
    return tab;
  }

  async #visit(tab: HostTab, realUrl: string): Promise<HttpOutcome> {
    const page = tab.page;
    const wait = tab.last + (this.#o.delayMs ?? 2000) - Date.now();
    if (wait > 0) await sleep(wait);
    const timeoutMs = this.#o.timeoutMs ?? 45_000;
    const settleMs = this.#o.settleMs ?? 5_000;
    const deadline = Date.now() + timeoutMs;
    let status = 0;
    let finalUrl = realUrl;
    let nav: Response | null = null;
    let lastActivity = Date.now();
    const onResponse = (r: Response) => {
      if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) {
        status = r.status();
        nav = r;
        finalUrl = unmirror(r.url(), this.#o.mirror) ?? finalUrl;
        lastActivity = Date.now();
      }
    };
    const onNavigated = () => (lastActivity = Date.now());
    page.on('response', onResponse);
    page.on('framenavigated', onNavigated);
    try {
      await page.goto(mirrorUrl(realUrl, this.#o.mirror), { waitUntil: 'load', timeout: timeoutMs });
      let html = '';
      let settled = false;
      // The challenge script sets its cookie and reloads: wait until the shell is gone, or
      // until it has sat still long enough to say it will not pass.
      for (;;) {
        try {
          await page.waitForLoadState('load', { timeout: Math.max(1, deadline - Date.now()) });
          html = await page.content();
          if (!detectChallenge(status, html) && !isChallengeShell(html)) break;
        } catch {
          // The document was replaced by the reload; look again.
        }
        if (Date.now() - lastActivity > settleMs) {
          settled = true;
          break;
        }
        if (Date.now() >= deadline) break;
        await sleep(150);
      }
      const response = nav as Response | null;
      const type = (await response?.allHeaders().catch(() => ({}) as Record<string, string>))?.['content-type'] ?? 'text/html; charset=utf-8';
      if (detectChallenge(status, html) || isChallengeShell(html)) {
        const why = settled
          ? `still the challenge after Chromium ran it (no reload for ${Math.round(settleMs / 1000)} s)`
          : `still the challenge after ${Math.round(timeoutMs / 1000)} s in Chromium`;
        return {
          kind: 'response',
          requestedUrl: realUrl,
          url: finalUrl,
          status: 412,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: new TextEncoder().encode(html),
          attempts: 1,
          redirects: [],
          via: 'browser',
          note: why,
        };
      }
      // The main response's body as served, not the DOM (the run sees a page cut short). Chromium
      // hands text resources back decoded, as UTF-8 (a GB2312 page too): labelled so. Only when
      // Chromium no longer holds the body (a navigation replaced the document) the DOM stands in.
      const raw = response
        ? await response.body().then(
            (b) => new Uint8Array(b),
            () => null,
          )
        : null;
      const textual = /html|xml|text\/|json|javascript/i.test(type);
      return {
        kind: 'response',
        requestedUrl: realUrl,
        url: finalUrl,
        status,
        headers: raw ? { 'content-type': textual ? asUtf8(type) : type } : { 'content-type': 'text/html; charset=utf-8' },
        body: raw ?? new TextEncoder().encode(html),
        attempts: 1,
        redirects: finalUrl !== realUrl ? [finalUrl] : [],
        via: 'browser',
        ...(raw ? {} : { note: 'the response body was no longer available: the rendered DOM instead' }),
      };
    } catch (err) {
      const msg = (err as Error).message.split('\n')[0] ?? String(err);
      return this.#fail(realUrl, /timeout/i.test(msg) ? 'timeout' : 'network', `browser: ${msg}`);
    } finally {
      page.off('response', onResponse);
      page.off('framenavigated', onNavigated);
      tab.last = Date.now();
    }
  }

  async close(): Promise<void> {
    await this.#context.close().catch(() => undefined);
    rmSync(this.#dir, { recursive: true, force: true });
    await this.#display?.stop();
  }
}
