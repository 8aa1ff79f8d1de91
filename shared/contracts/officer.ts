import { z } from 'zod';

/**
 * The officer PIN, held and checked by main (main/services/officer/officer-pin.ts). A right
 * PIN answers an officer session token, which the page keeps in memory while settings are
 * open and sends with what needs an officer (re-enrolling the kiosk).
 */
const Pin = z.string().max(40);
const PinProblemSchema = z.enum(['not-digits', 'too-short', 'too-long', 'too-simple']);
const Session = z.string().min(1).max(100);
const Locked = z.object({ ok: z.literal(false), reason: z.literal('locked'), lockedUntil: z.string() });
const WrongPin = z.object({
  ok: z.literal(false),
  reason: z.literal('wrong-pin'),
  attemptsLeft: z.number().int(),
});
const Unset = z.object({ ok: z.literal(false), reason: z.literal('unset') });
const InvalidPin = z.object({
  ok: z.literal(false),
  reason: z.literal('invalid-pin'),
  problem: PinProblemSchema,
});
const Opened = z.object({ ok: z.literal(true), session: Session });

export const officerMethods = {
  officerPinState: {
    input: z.object({}),
    output: z.object({ state: z.enum(['unset', 'set']) }),
  },
  officerPinVerify: {
    input: z.object({ pin: Pin }),
    output: z.union([Opened, Unset, WrongPin, Locked]),
  },
  /** First run: the setup code when the profile has one. Later: the current PIN. */
  officerPinSet: {
    input: z.object({ newPin: Pin, currentPin: Pin.nullable().default(null), setupCode: Pin.optional() }),
    output: z.union([
      Opened,
      InvalidPin,
      z.object({ ok: z.literal(false), reason: z.literal('current-pin-required') }),
      z.object({
        ok: z.literal(false),
        reason: z.literal('current-pin-rejected'),
        check: z.union([Unset, WrongPin, Locked]),
      }),
      z.object({ ok: z.literal(false), reason: z.literal('wrong-setup-code') }),
    ]),
  },
  /** "Quên mã PIN cán bộ": the profile's setup code and a new PIN. */
  officerPinReset: {
    input: z.object({ newPin: Pin, setupCode: Pin }),
    output: z.union([
      Opened,
      z.object({ ok: z.literal(false), reason: z.literal('no-setup-code') }),
      Unset,
      InvalidPin,
      z.object({
        ok: z.literal(false),
        reason: z.literal('wrong-setup-code'),
        attemptsLeft: z.number().int(),
      }),
      Locked,
    ]),
  },
  /** Upgrade: the PIN record the page kept in IndexedDB, taken by main only while it has none. */
  officerPinAdopt: {
    input: z.object({
      pin: z.object({
        algorithm: z.literal('PBKDF2-SHA256'),
        iterations: z.number().int().min(100_000).max(10_000_000),
        salt: z.string().max(100),
        hash: z.string().max(100),
      }),
    }),
    output: z.object({ adopted: z.boolean() }),
  },
} as const;
