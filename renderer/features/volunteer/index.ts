/** Public API: volunteers, their PINs and the officer PIN for settings. */
export {
  createVolunteer,
  listVolunteers,
  getVolunteer,
  verifyVolunteerPin,
  resetVolunteerPin,
  deactivateVolunteer,
  reactivateVolunteer,
  VOLUNTEER_PIN_MIN_LENGTH,
} from './volunteers.ts';
export type { VolunteerSummary, VolunteerPinCheck, PinContext } from './volunteers.ts';
export {
  officerPinState,
  verifyOfficerPin,
  setOfficerPin,
  resetOfficerPin,
  OFFICER_PIN_MIN_LENGTH,
} from './officer-pin.ts';
export type { SetOfficerPinResult, ResetOfficerPinResult, OfficerPinCheck } from './officer-pin.ts';
export { pinFormatProblem, MAX_PIN_FAILURES, PIN_LOCKOUT_MS } from './pin.ts';
export type { PinCheck, PinFormatProblem } from './pin.ts';
