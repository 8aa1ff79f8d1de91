import { pinFormatProblem, type PinFormatProblem } from '../volunteer/index.ts';

/** Longest PIN the keypad takes (the data layer's limit). */
export const PIN_MAX_LENGTH = 12;

export type NewPinProblem = PinFormatProblem | 'mismatch';

/**
 * Why a new PIN typed twice is refused, or null: the data layer's format rules (digits,
 * length, not 1234/0000) first, then the two entries must match.
 */
export function newPinProblem(pin: string, again: string, minLength: number): NewPinProblem | null {
  return pinFormatProblem(pin, minLength) ?? (pin === again ? null : 'mismatch');
}
