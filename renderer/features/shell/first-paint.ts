/**
 * The longest the work after the first frame waits for the browser to report that frame: a
 * page that never reports a paint (a window created hidden, a browser that skips the entry)
 * must still start its runners, sync first among them.
 */
export const FIRST_PAINT_WAIT_MS = 3_000;

/**
 * Resolves once the page has painted content (its first contentful paint): work that the
 * first frame does not need (the overlays' runners, IndexedDB's library) starts after the
 * citizen already sees Today, instead of delaying it.
 *
 * Told by the browser's paint timing, not by an animation frame: a page whose clock is held
 * (the idle-reset tests hold it) still gets there. A hidden page paints nothing, and a
 * browser without paint timing (jsdom) reports none: both go at once.
 *
 * The first paint happens once per page: every caller shares one wait (one observer, one
 * fallback timer).
 */
export function afterFirstPaint(): Promise<void> {
  return (firstPaint ??= waitForFirstPaint());
}

let firstPaint: Promise<void> | undefined;

function waitForFirstPaint(): Promise<void> {
  const paintTiming =
    typeof PerformanceObserver !== 'undefined' &&
    (PerformanceObserver.supportedEntryTypes ?? []).includes('paint');
  if (!paintTiming || document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(fallback);
      resolve();
    };
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length > 0) done();
    });
    const fallback = setTimeout(done, FIRST_PAINT_WAIT_MS);
    observer.observe({ type: 'paint', buffered: true });
  });
}
