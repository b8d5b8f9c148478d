/**
 * The one HTTP client of the scrapers, on a single undici Agent. Every request:
 * allow-list check (each hop) -> robots.txt -> per-host gate -> mirror mapping -> GET with
 * timeouts, deadline and size cap -> manual redirects (max 3) -> retries for transient failures.
 * It never throws for network or HTTP trouble: it returns an outcome the crawler records.
 */
import { Agent, buildConnector, request } from 'undici';
import { checkUrl } from './allowlist.ts';
import { HostGate } from './host-gate.ts';
import { mirrorUrl } from './mirror.ts';
import { DEFAULT_RETRY, backoffMs, isRetryable, retryAfterMs, type RetryPolicy } from './retry.ts';
import { robotsPolicy, robotsUrlFor, type RobotsOutcome, type RobotsPolicy } from './robots.ts';
import { detectChallenge } from './waf.ts';

const PROJECT_URL = process.env['ROLLOUT_SITE_URL'] ?? 'https://rollout-watch.github.io/';
/** Product token matched against robots.txt groups. */
export const ROBOTS_TOKEN = 'RolloutWatch';
export const USER_AGENT = `${ROBOTS_TOKEN}/0.1 (+${PROJECT_URL}; daily check of public customs notices)`;

export interface ClientOptions {
  allowedHosts: ReadonlySet<string>;
  mirror?: string | null | undefined;
  userAgent?: string;
  /** Minimum pause between two requests to one host (robots Crawl-delay may raise it). */
  delayMs?: number;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** Total time for one attempt, from connect to the last body byte. */
  deadlineMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  retry?: RetryPolicy;
  robots?: boolean;
  /** Replaces the TCP connector (tests simulate a slow connect with it). */
  connector?: buildConnector.connector;
  /**
   * Read a robots.txt that answered the JavaScript challenge some other way (the browser).
   * Without it, such a robots.txt closes the host.
   */
  robotsThroughChallenge?: (robotsUrl: string, challenge: string) => Promise<RobotsOutcome>;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface Validators {
  etag?: string | undefined;
  lastModified?: string | undefined;
}

type FailureKind = 'refused' | 'robots' | 'challenge' | 'timeout' | 'reset' | 'oversize' | 'redirects' | 'server' | 'network';

export interface HttpResponse {
  kind: 'response';
  /** The URL asked for (real, not mirrored). */
  requestedUrl: string;
  /** The real URL that answered, after same-site redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  attempts: number;
  redirects: string[];
  /** How it was fetched (absent: plain HTTP). */
  via?: 'http' | 'browser' | undefined;
  /** What a reader of the outcome should know, e.g. why the browser could not pass a challenge. */
  note?: string | undefined;
}

export interface HttpFailure {
  kind: 'failure';
  failure: FailureKind;
  reason: string;
  requestedUrl: string;
  /** The URL whose request failed (a redirect target when the redirect was refused). */
  url: string;
  attempts: number;
  /** Last HTTP status seen, e.g. the 5xx that exhausted the retries. */
  status?: number;
}

export type HttpOutcome = HttpResponse | HttpFailure;

/** What was requested, for tests and the run report. */
export interface RequestLogEntry {
  url: string;
  requested: string;
  conditional: boolean;
  status: number | null;
}

class AttemptError extends Error {
  kind: FailureKind;
  status: number | undefined;
  retryAfter: string | undefined;
  constructor(kind: FailureKind, message: string, status?: number, retryAfter?: string) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Wrap a connector so a connect that never completes fails as a connect timeout. */
function timedConnector(base: buildConnector.connector, timeoutMs: number): buildConnector.connector {
  return (opts, cb) => {
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      const err = new Error(`connect timeout after ${timeoutMs} ms`) as Error & { code: string };
      err.code = 'UND_ERR_CONNECT_TIMEOUT';
      cb(err, null);
    }, timeoutMs);
    base(opts, (err, socket) => {
      clearTimeout(timer);
      if (done) {
        socket?.destroy();
        return;
      }
      done = true;
      if (err) cb(err, null);
      else cb(null, socket!);
    });
  };
}

function classify(err: unknown, deadlineMs: number): AttemptError {
  if (err instanceof AttemptError) return err;
  const e = err as { code?: string; name?: string; message?: string; cause?: unknown };
  const code = e.code ?? (e.cause as { code?: string } | undefined)?.code ?? '';
  const msg = e.message ?? String(err);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new AttemptError('timeout', `connect timeout (${msg})`);
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return new AttemptError('timeout', 'headers timeout: no response headers in time');
  if (code === 'UND_ERR_BODY_TIMEOUT') return new AttemptError('timeout', 'body timeout: the body stalled');
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || code === 'UND_ERR_ABORTED') {
    return new AttemptError('timeout', `deadline: the request took longer than ${deadlineMs} ms in total`);
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || code === 'UND_ERR_CLOSED') {
    return new AttemptError('reset', `connection reset (${code})`);
  }
  return new AttemptError('network', `${code || e.name || 'error'}: ${msg}`);
}

export class HttpClient {
  readonly userAgent: string;
  readonly log: RequestLogEntry[] = [];
  #agent: Agent;
  #gate: HostGate;
  #robots = new Map<string, Promise<RobotsPolicy>>();
  #o: Required<Omit<ClientOptions, 'connector' | 'mirror' | 'allowedHosts' | 'robotsThroughChallenge'>> & {
    mirror: string | null;
    allowedHosts: ReadonlySet<string>;
    robotsThroughChallenge: ClientOptions['robotsThroughChallenge'];
  };

  constructor(options: ClientOptions) {
    const o = {
      allowedHosts: options.allowedHosts,
      mirror: options.mirror ?? null,
      userAgent: options.userAgent ?? USER_AGENT,
      delayMs: options.delayMs ?? 2000,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      headersTimeoutMs: options.headersTimeoutMs ?? 20_000,
      bodyTimeoutMs: options.bodyTimeoutMs ?? 20_000,
      deadlineMs: options.deadlineMs ?? 60_000,
      maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
      maxRedirects: options.maxRedirects ?? 3,
      retry: options.retry ?? DEFAULT_RETRY,
      robots: options.robots ?? true,
      robotsThroughChallenge: options.robotsThroughChallenge,
      random: options.random ?? Math.random,
      sleep: options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
    };
    this.#o = o;
    this.userAgent = o.userAgent;
    const base = options.connector ?? buildConnector({ timeout: o.connectTimeoutMs });
    this.#agent = new Agent({
      connect: timedConnector(base, o.connectTimeoutMs),
      headersTimeout: o.headersTimeoutMs,
      bodyTimeout: o.bodyTimeoutMs,
      keepAliveTimeout: 4_000,
    });
    this.#gate = new HostGate(o.delayMs, o.sleep);
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }

  /** GET a real https URL politely; validators make it a conditional request. */
  async get(realUrl: string, validators?: Validators, extraHeaders: Record<string, string> = {}): Promise<HttpOutcome> {
    const redirects: string[] = [];
    let current = realUrl;
    let attemptsTotal = 0;
    for (let hop = 0; ; hop++) {
      const check = checkUrl(current, this.#o.allowedHosts);
      if (!check.ok) {
        return {
          kind: 'failure',
          failure: 'refused',
          reason: hop === 0 ? check.reason : `redirect refused: ${check.reason}`,
          requestedUrl: realUrl,
          url: current,
          attempts: attemptsTotal,
        };
      }
      if (this.#o.robots) {
        const policy = await this.robotsFor(current);
        if (!policy.isAllowed(current, ROBOTS_TOKEN)) {
          return {
            kind: 'failure',
            failure: policy.challenged ? 'challenge' : 'robots',
            reason: policy.closedReason ?? `disallowed by robots.txt: ${current}`,
            requestedUrl: realUrl,
            url: current,
            attempts: attemptsTotal,
          };
        }
      }
      const headers = { ...extraHeaders };
      if (hop === 0 && validators?.etag) headers['if-none-match'] = validators.etag;
      if (hop === 0 && validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
      const r = await this.#withRetries(current, headers);
      attemptsTotal += r.attempts;
      if (r.kind === 'failure') return { ...r, requestedUrl: realUrl, attempts: attemptsTotal };
      if (REDIRECTS.has(r.status) && r.headers['location']) {
        if (hop >= this.#o.maxRedirects) {
          return {
            kind: 'failure',
            failure: 'redirects',
            reason: `more than ${this.#o.maxRedirects} redirects`,
            requestedUrl: realUrl,
            url: current,
            attempts: attemptsTotal,
          };
        }
        // Resolve against the real URL: the mirror is invisible to link logic.
        const next = new URL(r.headers['location'], current).href;
        redirects.push(next);
        current = next;
        continue;
      }
      return { ...r, requestedUrl: realUrl, url: current, attempts: attemptsTotal, redirects };
    }
  }

  /** The robots policy of a URL's host, fetched once per run. */
  robotsFor(realUrl: string): Promise<RobotsPolicy> {
    const host = new URL(realUrl).host;
    let p = this.#robots.get(host);
    if (!p) {
      p = this.#loadRobots(realUrl);
      this.#robots.set(host, p);
    }
    return p;
  }

  async #loadRobots(realUrl: string): Promise<RobotsPolicy> {
    const robotsUrl = robotsUrlFor(realUrl);
    let outcome: RobotsOutcome;
    let current = robotsUrl;
    for (let hop = 0; ; hop++) {
      const check = checkUrl(current, this.#o.allowedHosts);
      if (!check.ok) {
        outcome = { kind: 'unreachable', reason: check.reason };
        break;
      }
      const r = await this.#withRetries(current, {});
      if (r.kind === 'failure') {
        outcome = r.status !== undefined ? { kind: 'status', status: r.status } : { kind: 'unreachable', reason: r.reason };
        break;
      }
      if (REDIRECTS.has(r.status) && r.headers['location'] && hop < this.#o.maxRedirects) {
        current = new URL(r.headers['location'], current).href;
        continue;
      }
      const text = Buffer.from(r.body).toString('utf8');
      const challenge = detectChallenge(r.status, text);
      if (challenge) {
        outcome = this.#o.robotsThroughChallenge
          ? await this.#o.robotsThroughChallenge(current, challenge.reason)
          : { kind: 'challenge', reason: challenge.reason };
        break;
      }
      outcome = r.status >= 200 && r.status < 300 ? { kind: 'ok', status: r.status, text } : { kind: 'status', status: r.status };
      break;
    }
    const policy = robotsPolicy(robotsUrl, outcome);
    const crawlDelay = policy.crawlDelayMs(ROBOTS_TOKEN);
    if (crawlDelay !== null) this.#gate.setHostDelay(new URL(realUrl).host, crawlDelay);
    return policy;
  }

  async #withRetries(
    realUrl: string,
    headers: Record<string, string>,
  ): Promise<(Omit<HttpResponse, 'requestedUrl' | 'redirects'> & { attempts: number }) | (Omit<HttpFailure, 'requestedUrl'> & { attempts: number })> {
    const policy = this.#o.retry;
    const host = new URL(realUrl).host;
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await this.#gate.run(host, () => this.#attempt(realUrl, headers));
        return { ...res, attempts: attempt + 1 };
      } catch (err) {
        const e = classify(err, this.#o.deadlineMs);
        if (attempt >= policy.retries || !isRetryable(e.kind === 'server' ? 'status' : e.kind, e.status)) {
          return {
            kind: 'failure',
            failure: e.kind,
            reason: e.message,
            url: realUrl,
            attempts: attempt + 1,
            ...(e.status !== undefined ? { status: e.status } : {}),
          };
        }
        // Retry-After is honoured but capped (policy.retryAfterCapMs), so no server parks the run.
        const wait = retryAfterMs(e.retryAfter, policy) ?? backoffMs(attempt, policy, this.#o.random);
        await this.#o.sleep(wait);
      }
    }
  }

  async #attempt(realUrl: string, headers: Record<string, string>): Promise<Omit<HttpResponse, 'requestedUrl' | 'redirects' | 'attempts'>> {
    const target = mirrorUrl(realUrl, this.#o.mirror);
    const entry: RequestLogEntry = { url: realUrl, requested: target, conditional: 'if-none-match' in headers || 'if-modified-since' in headers, status: null };
    this.log.push(entry);
    const signal = AbortSignal.timeout(this.#o.deadlineMs);
    const res = await request(target, {
      dispatcher: this.#agent,
      method: 'GET',
      signal,
      headers: {
        'user-agent': this.#o.userAgent,
        accept: 'text/html,application/xhtml+xml,application/rss+xml,application/xml;q=0.9,*/*;q=0.8',
        'accept-language': 'zh-CN,zh;q=0.9',
        ...headers,
      },
    });
    entry.status = res.statusCode;
    const flat: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    const declared = Number(flat['content-length']);
    if (Number.isFinite(declared) && declared > this.#o.maxBytes) {
      res.body.destroy();
      throw new AttemptError('oversize', `response too large: content-length ${declared} > ${this.#o.maxBytes} bytes`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Buffer).length;
      if (size > this.#o.maxBytes) {
        res.body.destroy();
        throw new AttemptError('oversize', `response too large: more than ${this.#o.maxBytes} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
    if (res.statusCode >= 500) {
      // A server error page is not content: it becomes a (retryable) failure, never a response.
      throw new AttemptError('server', `HTTP ${res.statusCode}`, res.statusCode, flat['retry-after']);
    }
    return { kind: 'response', url: realUrl, status: res.statusCode, headers: flat, body: new Uint8Array(Buffer.concat(chunks)) };
  }
}
