/**
 * robots.txt per RFC 9309, on robots-parser. The fetch itself is done by the client (same
 * allow-list, mirror and timeouts); this module turns its outcome into a policy:
 * 2xx -> parse; 4xx ("unavailable") -> allow all; 5xx or unreachable -> disallow all.
 * A JavaScript challenge in place of robots.txt is not a 4xx answer: until a browser has read the
 * file through the challenge, nothing on that host is crawled.
 * robots-parser answers `undefined` for a URL of another host: that is treated as NOT allowed.
 */
import robotsParser from 'robots-parser';

export type RobotsOutcome =
  | { kind: 'ok'; status: number; text: string }
  | { kind: 'status'; status: number }
  | { kind: 'unreachable'; reason: string }
  /** robots.txt answered the challenge and no browser could read it. */
  | { kind: 'challenge'; reason: string };

export interface RobotsPolicy {
  /** Why the whole host is closed, or null. */
  closedReason: string | null;
  /** Closed because robots.txt could not be read through the challenge (the host is blocked, not failing). */
  challenged?: boolean;
  isAllowed(realUrl: string, userAgent: string): boolean;
  /** Crawl-delay in ms for our agent, if given. */
  crawlDelayMs(userAgent: string): number | null;
}

export function robotsUrlFor(realUrl: string): string {
  const u = new URL(realUrl);
  return `${u.protocol}//${u.host}/robots.txt`;
}

export function robotsPolicy(robotsUrl: string, outcome: RobotsOutcome): RobotsPolicy {
  if (outcome.kind === 'ok' && outcome.status >= 200 && outcome.status < 300) {
    const robot = robotsParser(robotsUrl, outcome.text);
    return {
      closedReason: null,
      isAllowed: (url, ua) => robot.isAllowed(url, ua) === true,
      crawlDelayMs: (ua) => {
        const d = robot.getCrawlDelay(ua);
        return typeof d === 'number' && Number.isFinite(d) && d >= 0 ? d * 1000 : null;
      },
    };
  }
  if (outcome.kind === 'challenge') {
    return {
      closedReason: `robots.txt answered a JavaScript challenge that could not be passed (${outcome.reason}): nothing on this host is crawled until it is read`,
      challenged: true,
      isAllowed: () => false,
      crawlDelayMs: () => null,
    };
  }
  // 4xx, or redirects beyond the hop limit (RFC 9309 2.3.1.2): "unavailable".
  if (outcome.kind !== 'unreachable' && outcome.status >= 300 && outcome.status < 500) {
    const host = new URL(robotsUrl).host;
    // RFC 9309 2.3.1.3: unavailable robots.txt means no restrictions (for this host only).
    return { closedReason: null, isAllowed: (url) => new URL(url).host === host, crawlDelayMs: () => null };
  }
  const reason =
    outcome.kind === 'unreachable'
      ? `robots.txt unreachable (${outcome.reason}): disallow all (RFC 9309)`
      : `robots.txt answered HTTP ${outcome.status}: disallow all (RFC 9309)`;
  return { closedReason: reason, isAllowed: () => false, crawlDelayMs: () => null };
}
