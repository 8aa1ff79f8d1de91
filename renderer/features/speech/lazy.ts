/** Reading aloud's settings section, shown only on the settings screen (loaded on demand). */
export { SpeechSettingsSection } from './SpeechSettingsSection.tsx';
