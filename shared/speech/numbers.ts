/**
 * Vietnamese numbers read as words, the way a desk officer says them: "hai mươi mốt",
 * "mười lăm", "một trăm lẻ năm", "hai nghìn không trăm hai mươi sáu". espeak-ng reads bare
 * digits well enough, but amounts, dates and calls are spoken as phrases, and the same
 * words must come out of any engine (or a recorded clip's transcript), so the normaliser
 * spells every number itself.
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/** One digit, as read in codes and phone numbers. */
export function digitWord(digit: string): string {
  const word = DIGITS[Number(digit)];
  if (word === undefined || !/^\d$/.test(digit)) throw new RangeError(`not a digit: ${digit}`);
  return word;
}

/** Each digit on its own: "023" → "không hai ba". */
export function readDigits(digits: string): string {
  return [...digits].map(digitWord).join(' ');
}

/** 0–99 after a hundreds place (or alone when `alone`): tens with mốt/lăm/tư. */
function readTens(n: number, afterHundreds: boolean): string {
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (tens === 0) {
    if (units === 0) return '';
    return afterHundreds ? `lẻ ${DIGITS[units]}` : DIGITS[units]!;
  }
  const head = tens === 1 ? 'mười' : `${DIGITS[tens]} mươi`;
  if (units === 0) return head;
  if (units === 1) return `${head} ${tens === 1 ? 'một' : 'mốt'}`;
  if (units === 4) return `${head} ${tens === 1 ? 'bốn' : 'tư'}`;
  if (units === 5) return `${head} lăm`;
  return `${head} ${DIGITS[units]}`;
}

/** A group of three digits; `full` when a higher group precedes it (then "không trăm" is said). */
function readGroup(n: number, full: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (!full && hundreds === 0) return readTens(rest, false);
  const head = `${DIGITS[hundreds]} trăm`;
  return rest === 0 ? head : `${head} ${readTens(rest, true)}`;
}

const SCALES = ['', 'nghìn', 'triệu', 'tỷ'] as const;

/** A whole number, 0 to 999 999 999 999 999 (tỷ repeats: "một nghìn tỷ"). */
export function numberToWords(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
  if (value < 0) return `âm ${numberToWords(-value)}`;
  if (value === 0) return 'không';
  if (value >= 1e12) {
    const billions = Math.floor(value / 1e9);
    const rest = value % 1e9;
    return [`${numberToWords(billions)} tỷ`, rest === 0 ? '' : readBelowBillion(rest, true)]
      .filter(Boolean)
      .join(' ');
  }
  return readBelowBillion(value, false).trim();
}

function readBelowBillion(value: number, afterHigher: boolean): string {
  const groups: number[] = [];
  for (let n = value; n > 0; n = Math.floor(n / 1000)) groups.push(n % 1000);
  const words: string[] = [];
  let started = afterHigher;
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!;
    if (group === 0) continue;
    // "một triệu không trăm năm mươi nghìn": a skipped place is said once a higher one was.
    const text = readGroup(group, started);
    words.push(SCALES[i] ? `${text} ${SCALES[i]}` : text);
    started = true;
  }
  return words.join(' ');
}

/** A numeral as written in Vietnamese: "18.782" (dot thousands), "2,5" (decimal comma), "125". */
export function numeralToWords(numeral: string): string {
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(numeral);
  if (!m) throw new RangeError(`not a Vietnamese numeral: ${numeral}`);
  const whole = m[1]!.replaceAll('.', '');
  // Long digit strings without grouping (account numbers, IDs) are read digit by digit.
  const integer = whole.length > 15 ? readDigits(whole) : numberToWords(Number(whole));
  if (m[2] === undefined) return integer;
  const fraction = m[2].length <= 2 && !m[2].startsWith('0') ? numberToWords(Number(m[2])) : readDigits(m[2]);
  return `${integer} phẩy ${fraction}`;
}
