/**
 * When machine evidence needs a human before it may change a cell. One constant, one place: the
 * derivation (model/rollout.ts), the review list (`npm run review`) and the site read it here.
 *
 * REVIEW_THRESHOLD is the extraction confidence (0..1) below which an unreviewed announcement is
 * "pending review": it is shown, listed for review, and changes no cell until a person reviews it
 * (sets `review.state: reviewed`, writes a cell override or a reviewed evidence record).
 *
 * 0.6 is provisional, not calibrated: in the extractor's scoring (scrapers/extract) a relevant page
 * reaches 0.6 only when it names at least one catalogue measure and has a recognised template,
 * visible date or action phrase; a page naming no measure scores 0.35-0.55. The lead calibrates it
 * on the extraction issues' blind batches (precision of evidence at or above it) and changes only
 * this number.
 */
export const REVIEW_THRESHOLD = 0.6;

export interface ReviewableInput {
  extraction?: { confidence: number } | undefined;
  review?: { state: 'auto' | 'reviewed' } | undefined;
}

/** A person reviewed it (announcement marked reviewed, or a hand-written evidence record). */
export const isReviewed = (a: ReviewableInput): boolean => a.review?.state === 'reviewed';

/** Machine evidence below the threshold, not yet reviewed: shown, but it changes no cell. */
export const isPendingReview = (a: ReviewableInput): boolean =>
  !isReviewed(a) && a.extraction !== undefined && a.extraction.confidence < REVIEW_THRESHOLD;
