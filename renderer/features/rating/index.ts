/** Public API: satisfaction ratings. */
export { clearRatingReasons, getRating, saveRating, SATISFACTION_LEVELS } from './rating.ts';
export type { SatisfactionLevel, SaveRatingInput, SaveRatingResult } from './rating.ts';
