/** Public API of the catalogue: the procedures' index and the browse groups shown on Today. */
export { catalogueIndex } from './catalogue-index.ts';
export { BrowseGroupGrid } from './BrowseGroupGrid.tsx';
