import type { SyncTransport, BackoffPolicy } from './sync-transport.ts';
import { backoffDelay } from './sync-transport.ts';

/**
 * Is the office reachable? Decided by probing its health endpoint and validating the
 * answer, not by the OS's online flag: a commune office LAN can be "online" with the
 * office server down, or behind a captive portal that answers everything with 200.
 */
export interface ConnectivityState {
  online: boolean;
  lastProbeAt: number | null;
  lastOnlineAt: number | null;
  consecutiveFailures: number;
  /** Why the last probe failed, for the staff status panel. */
  lastFailure: string | null;
}

export interface ConnectivityDeps {
  transport: Pick<SyncTransport, 'health'>;
  now?: () => number;
  random?: () => number;
  /** While online, probe this often. */
  onlineIntervalMs?: number;
  /** While offline, probe with backoff and jitter between base and cap. */
  offlineBackoff?: BackoffPolicy;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface ConnectivityMonitor {
  state(): ConnectivityState;
  probe(): Promise<ConnectivityState>;
  onChange(listener: (s: ConnectivityState) => void): () => void;
  start(): void;
  stop(): void;
}

export function createConnectivityMonitor(deps: ConnectivityDeps): ConnectivityMonitor {
  const now = deps.now ?? Date.now;
  const onlineInterval = deps.onlineIntervalMs ?? 30_000;
  const offlineBackoff = deps.offlineBackoff ?? { baseMs: 2000, capMs: 120_000, maxAttempts: Infinity };
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let current: ConnectivityState = {
    online: false,
    lastProbeAt: null,
    lastOnlineAt: null,
    consecutiveFailures: 0,
    lastFailure: null,
  };
  const listeners = new Set<(s: ConnectivityState) => void>();
  let timer: unknown = null;
  let running = false;
  let inFlight: Promise<ConnectivityState> | null = null;

  async function probeOnce(): Promise<ConnectivityState> {
    const result = await deps.transport.health();
    const at = now();
    const previous = current;
    current = result.ok
      ? { online: true, lastProbeAt: at, lastOnlineAt: at, consecutiveFailures: 0, lastFailure: null }
      : {
          online: false,
          lastProbeAt: at,
          lastOnlineAt: previous.lastOnlineAt,
          consecutiveFailures: previous.consecutiveFailures + 1,
          lastFailure: `${result.failure.kind}: ${result.failure.reasons.join('; ')}`,
        };
    if (current.online !== previous.online || current.lastFailure !== previous.lastFailure)
      listeners.forEach((l) => l(current));
    return current;
  }

  function schedule(): void {
    if (!running) return;
    const delay = current.online
      ? onlineInterval
      : Math.max(500, backoffDelay(current.consecutiveFailures, offlineBackoff, deps.random));
    timer = setTimer(() => {
      void monitor.probe().finally(schedule);
    }, delay);
  }

  const monitor: ConnectivityMonitor = {
    state: () => current,
    probe() {
      // Concurrent callers (timer, "sync now" button) share one probe.
      inFlight ??= probeOnce().finally(() => (inFlight = null));
      return inFlight;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (running) return;
      running = true;
      void monitor.probe().finally(schedule);
    },
    stop() {
      running = false;
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
  return monitor;
}
