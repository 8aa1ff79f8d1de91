/**
 * Retry delays for the sync engine: exponential backoff with "full jitter" and a cap
 * (AWS Architecture Blog, "Exponential Backoff and Jitter", 2015):
 * delay = random(0, min(cap, base · 2^attempt)). Jitter spreads the kiosks of a
 * district that all reconnect when the office comes back; the cap keeps a kiosk that
 * was offline for a week trying every few minutes, not every few hours. The main
 * process's transport uses the same formula (main/services/sync-transport.ts).
 */
export interface RetryPolicy {
  baseMs: number;
  capMs: number;
}

/** `attempt` counts failures so far, from 0 (the first retry). */
export function fullJitterDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return Math.floor(r * ceiling);
}

/**
 * The delay before the next try: full jitter, but never sooner than the office asked
 * (Retry-After on 429/503, itself capped so a wrong header cannot park a kiosk for days).
 */
export function retryDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
  retryAfterMs?: number,
): number {
  return Math.max(fullJitterDelay(attempt, policy, random), Math.min(retryAfterMs ?? 0, policy.capMs));
}
