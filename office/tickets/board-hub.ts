import type { BoardCall } from '../../shared/contracts/tickets.ts';

/**
 * Who is listening for calls (calling boards, staff pages) in this office process. A
 * call is published after its transaction committed, so a board never announces a call
 * the database does not have.
 */
export interface BoardHub {
  publish(call: BoardCall): void;
  subscribe(listener: (call: BoardCall) => void): () => void;
  readonly listeners: number;
}

export function createBoardHub(): BoardHub {
  const listeners = new Set<(call: BoardCall) => void>();
  return {
    publish(call) {
      for (const listener of listeners) listener(call);
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
