import type { ReformModelId } from './reform-model.ts';
import type { TodayModel } from './today.ts';

export interface ServedProcedure {
  code: string;
  /** Every model that serves the procedure today, in schedule order. */
  models: ReformModelId[];
}

/**
 * The procedures the office's models serve today, each once, with all the models that
 * serve it (Gia Lâm's Tuesday runs the same procedures under two models: one tile each,
 * with two badges, not two lists of the same tiles).
 */
export function proceduresServedToday(models: readonly TodayModel[]): ServedProcedure[] {
  const byCode = new Map<string, ServedProcedure>();
  for (const m of models) {
    for (const code of m.procedures) {
      const served = byCode.get(code) ?? { code, models: [] };
      if (!served.models.includes(m.model)) served.models.push(m.model);
      byCode.set(code, served);
    }
  }
  return [...byCode.values()];
}
