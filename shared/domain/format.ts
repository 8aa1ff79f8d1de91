/**
 * Amounts in đồng with dot thousands separators: `200.000 đ`. Written by hand rather
 * than with Intl so the output does not depend on the ICU data the runtime ships.
 */
export function formatVnd(amount: number): string {
  if (!Number.isInteger(amount)) throw new RangeError(`đồng amounts are whole numbers: ${amount}`);
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}${digits} đ`;
}
