/** The volunteer sign-in screen, loaded on demand. */
export { VolunteerScreen } from './VolunteerScreen.tsx';
