/**
 * Only the initials of a name are shown on the public screen's dossier list: enough for
 * an officer to match a paper to a row, not enough to expose the citizen ("Nguyễn Văn
 * An" → "N.V.A."). Letters keep their diacritics (Đ stays Đ).
 */
export function nameInitials(fullName: string): string {
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  return words.map((w) => `${[...w][0]!.toLocaleUpperCase('vi')}.`).join('');
}

/**
 * What the kiosk keeps of a name where the full name may not be: the initials as separate
 * words ("N. T. H."), so that nameInitials — which every screen applies to applicantName —
 * gives "N.T.H." again, as for a whole name. Applying it twice changes nothing.
 */
export function keptInitials(fullName: string): string {
  return nameInitials(fullName).replace(/\.(?=.)/g, '. ') || '?';
}
