/**
 * What the office's enrolment QR code holds, and what the kiosk reads from it (or from a
 * keyboard-wedge scanner typing it into the code field): the office's address, the
 * one-time code and the SHA-256 fingerprint of the office's certificate, which the kiosk
 * pins (docs/sync.md, "TLS and the pinned office").
 *
 *   commune-kiosk-enrol:?url=https%3A%2F%2F192.168.1.10%3A5180&code=ABCD-2345&sha256=<64 hex>
 */
export const ENROLMENT_TEXT_SCHEME = 'commune-kiosk-enrol:';

export interface EnrolmentText {
  officeUrl: string;
  code: string;
  /** Lowercase hex, 64 digits; absent for an office on plain HTTP (development switch). */
  sha256?: string;
}

export function formatEnrolmentText(value: EnrolmentText): string {
  const pairs: [string, string][] = [
    ['url', value.officeUrl],
    ['code', value.code],
  ];
  if (value.sha256) pairs.push(['sha256', value.sha256]);
  return `${ENROLMENT_TEXT_SCHEME}?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

/** The query's fields (`shared/` has no URLSearchParams: it imports neither DOM nor Node). */
function queryFields(query: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    try {
      fields.set(part.slice(0, eq), decodeURIComponent(part.slice(eq + 1).replaceAll('+', ' ')));
    } catch {
      // A malformed escape: that field is absent.
    }
  }
  return fields;
}

/** The enrolment QR's text, or null when the text is not one (a plain code, say). */
export function parseEnrolmentText(text: string): EnrolmentText | null {
  const trimmed = text.trim();
  if (!trimmed.toLowerCase().startsWith(`${ENROLMENT_TEXT_SCHEME}?`)) return null;
  const query = queryFields(trimmed.slice(ENROLMENT_TEXT_SCHEME.length + 1));
  const officeUrl = query.get('url');
  const code = query.get('code');
  if (!officeUrl || !code) return null;
  const sha256 = query.get('sha256');
  if (sha256 === undefined) return { officeUrl, code };
  const fingerprint = normaliseFingerprint(sha256);
  return fingerprint ? { officeUrl, code, sha256: fingerprint } : null;
}

/**
 * A fingerprint as typed or copied: "AB12 CD34 …", "ab:12:cd:…" or plain hex. Returns the
 * 64 lowercase hex digits, or null when it is not a whole SHA-256 fingerprint.
 */
export function normaliseFingerprint(input: string): string | null {
  const hex = input.replace(/[\s:-]+/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

/** "ab12cd…" → "AB12 CD34 …": how people read and compare a fingerprint. */
export function groupFingerprint(fingerprint: string): string {
  return (fingerprint.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}
