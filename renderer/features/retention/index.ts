/** Public API of retention: how a purged dossier reads. The daily purge's runner is in ./lazy.ts. */
export { applicantInitials, isPersonalDataPurged } from './purge.ts';
