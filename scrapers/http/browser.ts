/**
 * Browser fetch strategy for sources behind a JavaScript challenge: Debian's Chromium driven by
 * playwright-core. The page runs the challenge script (which sets a cookie and reloads); we wait
 * until the document is no longer the challenge shell and hand back the rendered HTML. Every
 * request the page makes is checked against the same allow-list, and mapped to the mirror.
 * The real WAF is reported to refuse headless browsers: pass `headed` and run under `xvfb-run`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { checkUrl } from './allowlist.ts';
import type { HttpOutcome } from './client.ts';
import { mirrorUrl } from './mirror.ts';
import type { RobotsPolicy } from './robots.ts';

export const CHROMIUM_PATH = process.env['ROLLOUT_CHROMIUM'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

export interface BrowserOptions {
  allowedHosts: ReadonlySet<string>;
  mirror?: string | null | undefined;
  headed?: boolean;
  /** Time for one page including the challenge round trips. */
  timeoutMs?: number;
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

function isShell(html: string): boolean {
  return /\$_ts\s*=|\$_ts\./.test(html) && !/<body[^>]*>[\s\S]*\S[\s\S]*<\/body>/i.test(html.replace(/<script[\s\S]*?<\/script>/gi, ''));
}

export class BrowserFetcher {
  #context: BrowserContext;
  #page: Page;
  #dir: string;
  #o: BrowserOptions;
  #last = 0;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(context: BrowserContext, page: Page, dir: string, o: BrowserOptions) {
    this.#context = context;
    this.#page = page;
    this.#dir = dir;
    this.#o = o;
  }

  static async launch(o: BrowserOptions): Promise<BrowserFetcher> {
    if (!chromiumAvailable()) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set ROLLOUT_CHROMIUM)`);
    if (o.headed && !process.env['DISPLAY']) throw new Error('headed browser asked but no DISPLAY: run the command under xvfb-run');
    // A fresh profile every run: no cookies or cache from earlier runs.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rollout-chromium-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM_PATH,
      headless: !o.headed,
      args: CHROMIUM_ARGS,
      ...(o.userAgent ? { userAgent: o.userAgent } : {}),
      locale: 'zh-CN',
    });
    await context.route('**/*', async (route) => {
      const real = unmirror(route.request().url(), o.mirror);
      if (real && checkUrl(real, o.allowedHosts).ok) await route.continue();
      else await route.abort('blockedbyclient');
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return new BrowserFetcher(context, page, dir, o);
  }

  get(realUrl: string): Promise<HttpOutcome> {
    // One page at a time: the browser is a single, polite visitor.
    const run = this.#queue.then(() => this.#get(realUrl));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #get(realUrl: string): Promise<HttpOutcome> {
    const fail = (failure: 'refused' | 'robots' | 'timeout' | 'network', reason: string): HttpOutcome => ({ kind: 'failure', failure, reason, requestedUrl: realUrl, url: realUrl, attempts: 1 });
    const check = checkUrl(realUrl, this.#o.allowedHosts);
    if (!check.ok) return fail('refused', check.reason);
    if (this.#o.robots) {
      const policy = await this.#o.robots(realUrl);
      if (!policy.isAllowed(realUrl, this.#o.robotsToken ?? '*')) return fail('robots', policy.closedReason ?? `disallowed by robots.txt: ${realUrl}`);
    }
    const wait = this.#last + (this.#o.delayMs ?? 2000) - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const timeoutMs = this.#o.timeoutMs ?? 45_000;
    const deadline = Date.now() + timeoutMs;
    let status = 0;
    let finalUrl = realUrl;
    const onResponse = (r: import('playwright-core').Response) => {
      if (r.request().isNavigationRequest() && r.frame() === this.#page.mainFrame()) {
        status = r.status();
        finalUrl = unmirror(r.url(), this.#o.mirror) ?? finalUrl;
      }
    };
    this.#page.on('response', onResponse);
    try {
      await this.#page.goto(mirrorUrl(realUrl, this.#o.mirror), { waitUntil: 'load', timeout: timeoutMs });
      let html = '';
      // The challenge script sets its cookie and reloads: wait until the shell is gone.
      while (Date.now() < deadline) {
        try {
          await this.#page.waitForLoadState('load', { timeout: Math.max(1, deadline - Date.now()) });
          html = await this.#page.content();
          if (!isShell(html) && status !== 412) break;
        } catch {
          // The context was replaced by the reload; look again.
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      if (isShell(html) || status === 412) return { kind: 'response', requestedUrl: realUrl, url: finalUrl, status: 412, headers: { 'content-type': 'text/html; charset=utf-8' }, body: new TextEncoder().encode(html), attempts: 1, redirects: [] };
      // The DOM is already decoded: hand it back as UTF-8.
      return { kind: 'response', requestedUrl: realUrl, url: finalUrl, status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: new TextEncoder().encode(html), attempts: 1, redirects: finalUrl !== realUrl ? [finalUrl] : [] };
    } catch (err) {
      const msg = (err as Error).message.split('\n')[0] ?? String(err);
      return fail(/timeout/i.test(msg) ? 'timeout' : 'network', `browser: ${msg}`);
    } finally {
      this.#page.off('response', onResponse);
      this.#last = Date.now();
    }
  }

  async close(): Promise<void> {
    await this.#context.close().catch(() => undefined);
    rmSync(this.#dir, { recursive: true, force: true });
  }
}
