/** The satisfaction screen, loaded on demand. */
export { SatisfactionScreen } from './SatisfactionScreen.tsx';
