/** The catalogue screen, loaded on demand (the shell imports it with import()). */
export { CatalogueScreen } from './CatalogueScreen.tsx';
