/** Public API of the volunteer's session: who is helping now, shown in the top bar and the staff screen. */
export { useVolunteerSession } from './store.ts';
export { VolunteerBadge, VolunteerStaffActions } from './VolunteerStaff.tsx';
