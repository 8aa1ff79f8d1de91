/** Public API of Today, the first screen (in the start bundle). */
export { TodayScreen } from './TodayScreen.tsx';
