/**
 * The office URL an officer types: "192.168.1.10:5180" (https), "https://office.local:5180/".
 * Returns the base URL the transport uses (scheme, host, port, path without trailing
 * slash) or null when it cannot be an office address.
 */
export function normaliseOfficeUrl(input: string): string | null {
  const text = input.trim();
  if (!text || /\s/.test(text)) return null;
  // The office serves HTTPS unless started on the development switch.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // Credentials in the URL would be stored in plain device.json; a query or fragment means a pasted page link.
  if (url.username || url.password || url.search || url.hash || !url.hostname) return null;
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** The enrolment code as the office writes it (ABCD-2345), from what was typed ("abcd 2345"). */
export function normaliseEnrolmentCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]+/g, '');
  if (!/^[A-Z0-9]{8}$/.test(compact)) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}
