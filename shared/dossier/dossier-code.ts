/**
 * Human dossier codes in the style of Circular 01/2018/TT-VPCP Art. 19:
 *   agency code + "-" + receipt date YYMMDD + "-" + 4-digit daily sequence.
 *
 * Unique per kiosk even offline: several kiosks of one office number their dossiers
 * independently, with no network to agree on a counter. The kiosk number is therefore
 * folded into the agency part: `{agencyCode}.K{nn}-YYMMDD-NNNN`, e.g.
 * `H42.18562.K02-261124-0007`.
 * Why there rather than by partitioning the sequence (kiosk 2 → 2000–2999): it keeps the
 * 4-digit daily sequence the circular describes, puts no limit on dossiers per day or on
 * kiosks, cannot collide with the office desk's own codes (which use the bare agency
 * code), tells an officer at a glance which kiosk received the dossier, and still matches
 * DossierSchema's code pattern (letters, digits and dots before the first "-").
 *
 * The date is the Vietnamese calendar date of receipt, whatever the machine's zone. The
 * sequence restarts at 0001 each Vietnam day. The caller stores `state` in the same
 * transaction as the dossier, so a restart (or crash) resumes from the last committed
 * code, and an uncommitted code is simply reissued.
 */
import { toVietnamWallClock } from '../domain/vietnam-time.ts';

export interface DossierCodeState {
  /** Vietnam date (YYYY-MM-DD) of the last code issued; null before the first. */
  lastDate: string | null;
  /** Sequence of the last code issued on lastDate. */
  lastSeq: number;
}

export const INITIAL_DOSSIER_CODE_STATE: DossierCodeState = { lastDate: null, lastSeq: 0 };

/**
 * The later of two code states (by day, then sequence). The renderer keeps its state in
 * IndexedDB and main keeps a high-water mark in the data folder; a new code follows the
 * later of the two, so losing the browser profile does not reissue a code.
 */
export function laterCodeState(
  a: DossierCodeState,
  b: DossierCodeState | null | undefined,
): DossierCodeState {
  if (!b || b.lastDate === null) return a;
  if (a.lastDate === null || b.lastDate > a.lastDate) return b;
  if (b.lastDate === a.lastDate && b.lastSeq > a.lastSeq) return b;
  return a;
}

/** Same character set as the schema: letters, digits, dots. */
const AGENCY_CODE = /^[A-Za-z0-9.]+$/;

export const DOSSIER_CODE_PATTERN = /^([A-Za-z0-9.]+)\.K(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{4,})$/;

export function kioskAgencyPart(agencyCode: string, kioskNumber: number): string {
  if (!AGENCY_CODE.test(agencyCode)) {
    throw new RangeError(`agency code may hold only letters, digits and dots: ${agencyCode}`);
  }
  if (!Number.isInteger(kioskNumber) || kioskNumber < 1 || kioskNumber > 99) {
    throw new RangeError(`kiosk number must be 1–99: ${kioskNumber}`);
  }
  return `${agencyCode}.K${String(kioskNumber).padStart(2, '0')}`;
}

/**
 * The next code and the state to store with the dossier. If the clock has gone back to an
 * earlier day than the last code (a reset RTC), the sequence is not restarted but
 * continues, and lastDate keeps the later day, so no code issued since can repeat.
 */
export function nextDossierCode(
  state: DossierCodeState,
  now: Date,
  agencyCode: string,
  kioskNumber: number,
): { code: string; state: DossierCodeState } {
  const prefix = kioskAgencyPart(agencyCode, kioskNumber);
  const { date } = toVietnamWallClock(now);
  const newDay = state.lastDate === null || date > state.lastDate;
  const seq = newDay ? 1 : state.lastSeq + 1;
  const lastDate = newDay ? date : (state.lastDate as string);
  const yymmdd = date.slice(2, 4) + date.slice(5, 7) + date.slice(8, 10);
  return {
    code: `${prefix}-${yymmdd}-${String(seq).padStart(4, '0')}`,
    state: { lastDate, lastSeq: seq },
  };
}

export interface ParsedDossierCode {
  agencyCode: string;
  kioskNumber: number;
  /** YYYY-MM-DD (20YY). */
  date: string;
  seq: number;
}

/** Reads a kiosk dossier code back (receipt QR scans, status look-up); null when it is not one. */
export function parseDossierCode(code: string): ParsedDossierCode | null {
  const m = DOSSIER_CODE_PATTERN.exec(code.trim());
  if (!m) return null;
  const [, agencyCode, kiosk, yy, mm, dd, seq] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return { agencyCode, kioskNumber: Number(kiosk), date: `20${yy}-${mm}-${dd}`, seq: Number(seq) };
}
