/** Which failures are worth another try, and how long to wait before it. Pure: tests pin the maths. */

export interface RetryPolicy {
  retries: number;
  baseMs: number;
  maxMs: number;
  /** Retry-After above this is capped to it: a server cannot park the whole run. */
  retryAfterCapMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseMs: 500, maxMs: 8_000, retryAfterCapMs: 30_000 };

/** Transient only: timeouts, resets and 5xx. 4xx, 412 challenges, refusals and oversize bodies are final. */
export function isRetryable(kind: string, status?: number): boolean {
  if (kind === 'status') return status !== undefined && status >= 500 && status <= 599;
  return kind === 'timeout' || kind === 'reset';
}

/** Exponential backoff with full jitter: random in [0, min(max, base * 2^attempt)]. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return Math.round(random() * ceiling);
}

/** Retry-After as delta-seconds or HTTP-date, capped; null when absent or unparsable. */
export function retryAfterMs(header: string | null | undefined, policy: RetryPolicy, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return null;
    ms = Math.max(0, at - now);
  }
  return Math.min(ms, policy.retryAfterCapMs);
}
