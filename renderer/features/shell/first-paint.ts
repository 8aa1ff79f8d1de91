/**
 * Resolves once the page has painted content (its first contentful paint): work that the
 * first frame does not need (the overlays' runners, IndexedDB's library) starts after the
 * citizen already sees Today, instead of delaying it.
 *
 * Told by the browser's paint timing, not by a timer or an animation frame: a page whose
 * clock is held (the idle-reset tests hold it) still gets there. A hidden page paints
 * nothing, and a browser without paint timing (jsdom) reports none: both go at once.
 */
export function afterFirstPaint(): Promise<void> {
  const paintTiming =
    typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes.includes('paint');
  if (!paintTiming || document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: 'paint', buffered: true });
  });
}
