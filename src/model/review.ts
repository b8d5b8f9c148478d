/**
 * When machine evidence needs a human before it may change a cell. One constant, one place: the
 * derivation (model/rollout.ts), the review list (`npm run review`) and the site read it here.
 *
 * REVIEW_THRESHOLD is the extraction confidence (0..1) below which an unreviewed announcement is
 * "pending review": it is shown, listed for review, and changes no cell until a person reviews it
 * (sets `review.state: reviewed`, writes a cell override or a reviewed evidence record).
 *
 * Calibrated on the blind batches' first runs (docs/extraction-quality.md, `npm run eval --
 * --calibrate`): measure x city evidence of a never-seen batch was right 61% of the time overall
 * and 80% of the time at confidence >= 0.85 (58% of it kept). Below it, evidence waits for a person.
 */
export const REVIEW_THRESHOLD = 0.85;

export interface ReviewableInput {
  extraction?: { confidence: number } | undefined;
  review?: { state: 'auto' | 'reviewed' } | undefined;
}

/** A person reviewed it (announcement marked reviewed, or a hand-written evidence record). */
export const isReviewed = (a: ReviewableInput): boolean => a.review?.state === 'reviewed';

/** Machine evidence below the threshold, not yet reviewed: shown, but it changes no cell. */
export const isPendingReview = (a: ReviewableInput): boolean => !isReviewed(a) && a.extraction !== undefined && a.extraction.confidence < REVIEW_THRESHOLD;
