/**
 * What an idle reset must clear besides navigation (search text today; abandoned drafts
 * in the declaration feature later). Features register here so the shell does not need
 * to know them.
 */
const listeners = new Set<() => void>();

export function onIdleReset(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function runIdleResetListeners(): void {
  for (const listener of listeners) listener();
}
