import { useEffect, useState } from 'react';

/**
 * The current instant, refreshed every `intervalMs`. Always `new Date()`, so a test that
 * fixes or advances the page clock controls what the screens show.
 */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}
