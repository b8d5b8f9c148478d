/**
 * The project's public repository: report-a-problem links open its new-issue form, prefilled.
 * ROLLOUT_REPO_URL overrides it for a fork's deployment (read at build time).
 */
export const REPOSITORY_URL = (process.env.ROLLOUT_REPO_URL ?? 'https://github.com/rollout-watch/rollout-watch').replace(/\/+$/, '');
