/**
 * Offline mirror: `https://host/path?q` -> `<base>/host/path?q`. Applied after the allow-list check
 * and only to the URL actually requested; everything else (link resolution, robots matching,
 * state keys) keeps the real URL.
 */
export const MIRROR_ENV = 'ROLLOUT_MIRROR';

export function mirrorUrl(real: string | URL, base: string | null | undefined): string {
  const u = typeof real === 'string' ? new URL(real) : real;
  if (!base) return u.href;
  const b = base.replace(/\/+$/, '');
  return `${b}/${u.hostname}${u.pathname}${u.search}`;
}
