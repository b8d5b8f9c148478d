/**
 * The Rivers (瑞数) WAF in front of *.customs.gov.cn answers plain clients with HTTP 412 and a
 * tiny shell: a <meta> with a long token, an inline `$_ts` script and an external obfuscated
 * script, empty body. Recognising it is what keeps "blocked" from being read as "no news".
 */
import { decodeHtml } from './charset.ts';
import type { HttpOutcome } from './client.ts';

export interface Challenge {
  blocked: true;
  reason: string;
}

const TS_MARK = /\$_ts\s*=|\$_ts\./;

/** The challenge shell: the `$_ts` script and nothing visible in the body. */
export function isChallengeShell(html: string): boolean {
  return TS_MARK.test(html) && !/<body[^>]*>[\s\S]*\S[\s\S]*<\/body>/i.test(html.replace(/<script[\s\S]*?<\/script>/gi, ''));
}

export function detectChallenge(status: number, text: string): Challenge | null {
  const shell = TS_MARK.test(text);
  if (status === 412) {
    return { blocked: true, reason: shell ? 'HTTP 412 with a $_ts JavaScript challenge (Rivers WAF)' : 'HTTP 412 (WAF refusal)' };
  }
  // A 200 that is only the challenge shell (no visible body) is the same refusal.
  if (status === 200 && shell && isChallengeShell(text)) {
    return { blocked: true, reason: 'HTTP 200 carrying only a $_ts JavaScript challenge shell (Rivers WAF)' };
  }
  return null;
}

/** The challenge a client outcome carries (its body decoded by its declared charset), as a reason. */
export function challengeOf(o: HttpOutcome): string | null {
  if (o.kind !== 'response') return null;
  return detectChallenge(o.status, decodeHtml(o.body, o.headers['content-type']).text)?.reason ?? null;
}
