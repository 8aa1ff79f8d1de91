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

/**
 * Sessions that must time out even on the start screen (a signed-in volunteer, unlocked
 * settings): while any is held, the idle guard runs as if the screen were not pristine.
 */
const holds = new Set<string>();
const holdListeners = new Set<() => void>();

export function setIdleHold(key: string, on: boolean): void {
  if (on === holds.has(key)) return;
  if (on) holds.add(key);
  else holds.delete(key);
  for (const l of holdListeners) l();
}

export function idleHeld(): boolean {
  return holds.size > 0;
}

export function subscribeIdleHolds(listener: () => void): () => void {
  holdListeners.add(listener);
  return () => holdListeners.delete(listener);
}
