/** Public API of retention: the daily purge's runner, and how a purged dossier reads. */
export { RetentionRunner } from './RetentionRunner.tsx';
export { applicantInitials, isPersonalDataPurged } from './purge.ts';
