/** The settings screen, loaded on demand. */
export { SettingsScreen } from './SettingsScreen.tsx';
