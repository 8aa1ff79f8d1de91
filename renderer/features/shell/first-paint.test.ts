// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';

/** The module afresh: its wait is shared by the whole page, so each test loads its own page's. */
async function freshModule() {
  vi.resetModules();
  return import('./first-paint.ts');
}

/** A PerformanceObserver whose paints the test reports by hand. */
function stubPaintTiming() {
  const observers: ((names: string[]) => void)[] = [];
  class FakeObserver {
    static supportedEntryTypes = ['paint'];
    disconnected = false;
    constructor(private readonly callback: (list: { getEntriesByName(name: string): unknown[] }) => void) {}
    observe() {
      observers.push((names) => {
        if (!this.disconnected) this.callback({ getEntriesByName: (n) => names.filter((x) => x === n) });
      });
    }
    disconnect() {
      this.disconnected = true;
    }
  }
  vi.stubGlobal('PerformanceObserver', FakeObserver);
  return { paint: (...names: string[]) => observers.forEach((report) => report(names)) };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('after the first paint', () => {
  it('goes at once where the browser reports no paints', async () => {
    const { afterFirstPaint } = await freshModule();
    await expect(afterFirstPaint()).resolves.toBeUndefined();
  });

  it('waits for the first contentful paint, not for any paint', async () => {
    vi.useFakeTimers();
    const timing = stubPaintTiming();
    const { afterFirstPaint } = await freshModule();
    let settled = false;
    void afterFirstPaint().then(() => (settled = true));
    timing.paint('first-paint');
    await Promise.resolve();
    expect(settled).toBe(false);
    timing.paint('first-contentful-paint');
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(true);
  });

  it('goes anyway when no paint is ever reported, so the runners still start', async () => {
    vi.useFakeTimers();
    stubPaintTiming();
    const { FIRST_PAINT_WAIT_MS, afterFirstPaint } = await freshModule();
    let settled = false;
    void afterFirstPaint().then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(FIRST_PAINT_WAIT_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
  });

  it('is one wait for every caller on the page', async () => {
    stubPaintTiming();
    const { afterFirstPaint } = await freshModule();
    expect(afterFirstPaint()).toBe(afterFirstPaint());
  });
});
