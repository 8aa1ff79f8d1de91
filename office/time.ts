/**
 * The office's clock (epoch ms). Everything time-dependent takes one, so tests set and
 * advance time instead of waiting for it; the server uses `systemClock` unless configured.
 * Vietnam days and times: shared/domain/vietnam-time.ts.
 */
export type Clock = () => number;
export const systemClock: Clock = () => Date.now();
