/**
 * Who is watching the queue in this office process (staff dashboards, by server-sent
 * events). A change is published after its transaction committed, so a dashboard that
 * reloads its rows on the event finds the dossier there.
 */
export type DossierChange =
  | { kind: 'arrived'; count: number }
  | { kind: 'status'; id: string }
  /** Something else a dossier's row shows arrived (e.g. whether its receipt printed). */
  | { kind: 'updated' };

export interface DossierFeed {
  publish(change: DossierChange): void;
  subscribe(listener: (change: DossierChange) => void): () => void;
  readonly listeners: number;
}

export function createDossierFeed(): DossierFeed {
  const listeners = new Set<(change: DossierChange) => void>();
  return {
    publish(change) {
      for (const listener of listeners) listener(change);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get listeners() {
      return listeners.size;
    },
  };
}
