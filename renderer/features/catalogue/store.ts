import { create } from 'zustand';
import { onIdleReset } from '../shell/index.ts';

interface CatalogueState {
  query: string;
  setQuery(query: string): void;
}

export const useCatalogueStore = create<CatalogueState>((set) => ({
  query: '',
  setQuery: (query) => set({ query }),
}));

// What one citizen searched for is not left on screen for the next.
onIdleReset(() => useCatalogueStore.getState().setQuery(''));
