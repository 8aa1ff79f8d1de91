import { saveRating } from '../rating/index.ts';
import type { SatisfactionLevel } from './levels.ts';

/** Saves the rating through the data layer (rating row + outbox item); reasons are joined for the office. */
export async function rate(input: {
  dossierId: string | null;
  procedureCode: string | null;
  level: SatisfactionLevel;
  /** Reasons as the office reads them (Vietnamese). */
  reasons: readonly string[];
}): Promise<boolean> {
  try {
    const result = await saveRating({
      dossierId: input.dossierId,
      procedureCode: input.procedureCode,
      level: input.level,
      reason: input.reasons.join('; '),
    });
    return result.ok;
  } catch {
    return false;
  }
}
