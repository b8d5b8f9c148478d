/**
 * The rollout status vocabulary of one measure in one city.
 *
 * Progression (documented order, lowest first):
 *   not-announced < announced < details-published < pilot < operational
 * plus `suspended` (a source says it stopped) and `unknown` (no information at all).
 *
 * `unknown` and `not-announced` are different facts: `unknown` means we hold no source about
 * this cell; `not-announced` means a source says the measure does not (yet) run there.
 */
export const STATUSES = ['unknown', 'not-announced', 'announced', 'details-published', 'pilot', 'operational', 'suspended'] as const;

export type Status = (typeof STATUSES)[number];

/** Statuses that lie on the progression, in order. */
export const PROGRESSION = ['not-announced', 'announced', 'details-published', 'pilot', 'operational'] as const;
/** Rank on the progression; -1 for `unknown` and `suspended`, which are not on it. */
export function statusRank(status: Status): number {
  return (PROGRESSION as readonly string[]).indexOf(status);
}

/** True when `a` is further along the progression than `b`. */
export function isMoreAdvanced(a: Status, b: Status): boolean {
  return statusRank(a) > statusRank(b);
}

/** Statuses that count a city as "running" a measure in roll-ups ("in 12 of 45 cities"). */
export const ADOPTED: ReadonlySet<Status> = new Set(['announced', 'details-published', 'pilot', 'operational']);

/** Announcement signal -> the status it supports (issue 4: `other` supports none). */
export const SIGNALS = ['launch', 'pilot-list', 'eligibility', 'operational', 'suspended', 'not-announced', 'other'] as const;
export type Signal = (typeof SIGNALS)[number];

export const SIGNAL_STATUS: Record<Signal, Status | null> = {
  launch: 'announced',
  eligibility: 'details-published',
  'pilot-list': 'pilot',
  operational: 'operational',
  suspended: 'suspended',
  'not-announced': 'not-announced',
  other: null,
};
