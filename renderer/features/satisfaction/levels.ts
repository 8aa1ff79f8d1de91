/**
 * The three-level satisfaction scale as shown to citizens; the levels and their scores
 * are the data layer's (renderer/features/rating).
 */
import { SATISFACTION_LEVELS, type SatisfactionLevel } from '../rating/index.ts';
import type { IconName } from '../../ui/icons/index.tsx';

export type { SatisfactionLevel };
export const LEVELS: readonly SatisfactionLevel[] = SATISFACTION_LEVELS.map((l) => l.level);

export const LEVEL_ICON: Record<SatisfactionLevel, IconName> = {
  'very-satisfied': 'veryHappy',
  satisfied: 'happy',
  dissatisfied: 'unhappy',
};

/** Optional reasons, tapped rather than typed; stored in Vietnamese (the office reads them). */
export const REASONS: Record<'positive' | 'negative', readonly string[]> = {
  positive: ['fast', 'guided', 'noWriting', 'easyKiosk'],
  negative: ['longWait', 'unclear', 'attitude', 'hardKiosk', 'manyTrips'],
};

export const reasonGroupOf = (level: SatisfactionLevel): 'positive' | 'negative' =>
  level === 'dissatisfied' ? 'negative' : 'positive';
