/** The officer's dossier list, loaded on demand. */
export { DossierListScreen } from './DossierListScreen.tsx';
