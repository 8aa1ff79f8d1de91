/**
 * The printed wait estimate ("Không chờ"), judged against what happened in the simulated
 * Monday morning (shared/queue/monday-simulation.ts: 300 citizens, 3 counters, 2 kiosks,
 * one offline for 30 minutes). The alternative in the same run is the estimate a fixed
 * service time gives (people ahead × DEFAULT_SERVICE_MINUTES ÷ open counters).
 */
import { median, waitMinutes } from '../shared/queue/stats.ts';
import { DEFAULT_SERVICE_MINUTES } from '../shared/queue/estimate.ts';
import { MONDAY_MORNING, simulateMondayMorning } from '../shared/queue/monday-simulation.ts';
import type { BenchResult } from './types.ts';

export const title = 'Queue: printed wait estimate vs the real wait (simulated Monday morning)';

export const notes = `
Seeds ${MONDAY_MORNING.seed}…+4 of the simulation; an estimate is printed on every ticket the office numbers
(the offline kiosk prints none: it cannot know the queue). Error = |printed estimate − real wait (arrival → first call)|.
The alternative estimate uses a fixed ${DEFAULT_SERVICE_MINUTES}-minute service time instead of the service's recent median.
Goal (issue 12): median absolute error ≤ 5 minutes.
`;

export async function run(): Promise<BenchResult[]> {
  const errors: number[] = [];
  const fixedErrors: number[] = [];
  for (let round = 0; round < 5; round++) {
    const result = simulateMondayMorning(new Date('2026-11-23T00:30:00Z'), {
      ...MONDAY_MORNING,
      seed: MONDAY_MORNING.seed + round,
    });
    for (const outcome of result.outcomes) {
      const real = waitMinutes(outcome.ticket);
      if (outcome.printedEstimate === null || real === null || outcome.aheadAtIssue === null) continue;
      errors.push(Math.abs(outcome.printedEstimate - real));
      const fixed = (outcome.aheadAtIssue * DEFAULT_SERVICE_MINUTES) / outcome.openCountersAtIssue;
      fixedErrors.push(Math.abs(fixed - real));
    }
  }
  const ours = median(errors)!;
  const fixed = median(fixedErrors)!;
  return [
    { metric: 'estimates judged', value: errors.length, unit: '' },
    { metric: 'median absolute error', value: ours, unit: 'min', goal: '≤ 5 min', met: ours <= 5 },
    { metric: 'fixed service time: median absolute error', value: fixed, unit: 'min' },
    { metric: 'error ratio fixed / ours', value: fixed / Math.max(ours, 1e-9), unit: '×' },
  ];
}
