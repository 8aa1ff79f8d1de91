import { groupFingerprint } from '../../shared/contracts/enrolment-text.ts';
import { prepareNextCertificate, switchToNextCertificate } from './certificates.ts';

/**
 * `npm run office:tls -- next | switch`: rotating the office's generated certificate
 * without visiting the kiosks (README, "Rotating the certificate"). Works on
 * OFFICE_DATA_DIR; restart the office after each step.
 */
const dataDir = process.env.OFFICE_DATA_DIR || '.office-data';
const step = process.argv[2];
if (step === 'next') {
  const fingerprint = await prepareNextCertificate(dataDir, new Date());
  console.log(`office: next certificate SHA-256 ${groupFingerprint(fingerprint)}`);
  console.log('Restart the office: kiosks learn it at their next pull. Switch once every kiosk has synced.');
} else if (step === 'switch') {
  const fingerprint = await switchToNextCertificate(dataDir);
  console.log(`office: now serving certificate SHA-256 ${groupFingerprint(fingerprint)} from the next start`);
  console.log('Restart the office. A kiosk that never pulled the announcement must be enrolled again.');
} else {
  console.error('usage: npm run office:tls -- next | switch');
  process.exit(2);
}
