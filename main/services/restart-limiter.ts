export interface RestartLimiterOptions {
  /** Restarts allowed inside the window. */
  max: number;
  windowMs: number;
  now: () => number;
}

/**
 * Decides whether a crashed renderer (or browser) may be restarted again. A kiosk should
 * recover from a one-off crash by itself, but a page that crashes on every load must stop
 * looping and show an error an officer can act on.
 */
export function createRestartLimiter(options: RestartLimiterOptions) {
  const restarts: number[] = [];
  return {
    /** Records an attempt and says whether it is allowed. */
    tryRestart(): boolean {
      const now = options.now();
      while (restarts.length > 0 && now - (restarts[0] ?? now) >= options.windowMs) restarts.shift();
      if (restarts.length >= options.max) return false;
      restarts.push(now);
      return true;
    },
  };
}

/** The default policy: at most 3 restarts in 10 minutes. */
export const DEFAULT_RESTART_POLICY = { max: 3, windowMs: 10 * 60 * 1000 } as const;
