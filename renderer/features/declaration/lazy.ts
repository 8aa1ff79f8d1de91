/** The declaration wizard, loaded on demand with the administrative units it reads. */
export { DeclarationScreen } from './DeclarationScreen.tsx';
