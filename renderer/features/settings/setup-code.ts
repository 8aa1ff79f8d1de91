import { bridge } from '../../bridge/client.ts';

/** Answers whether a typed setup code is the profile's (main compares; the page never holds the code). */
export type SetupCodeChecker = (typed: string) => Promise<boolean>;

export const checkSetupCodeInMain: SetupCodeChecker = async (typed) =>
  (await bridge().invoke('checkSetupCode', { code: typed })).matches;
