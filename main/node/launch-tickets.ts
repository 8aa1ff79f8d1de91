import { randomBytes } from 'node:crypto';
import type { BridgeSecret } from '../services/bridge-secret.ts';

/** Name of the cookie that carries the bridge secret to the headless host. */
export const BRIDGE_COOKIE = 'kiosk_bridge';
/** Query parameter of the launch address (`/?launch=<ticket>`). */
export const LAUNCH_PARAM = 'launch';

export interface LaunchTickets {
  /** A fresh single-use ticket; the launch address is `<origin>/?launch=<ticket>`. */
  issue(): string;
  /** True once per issued ticket, within its lifetime. */
  redeem(ticket: string | null): boolean;
  /** Set-Cookie for a browser that redeemed a ticket: session-only, HttpOnly, this origin only. */
  readonly setCookie: string;
  /** Whether a request's Cookie header carries the bridge secret. */
  authorised(cookieHeader: string | undefined): boolean;
}

/**
 * How the headless host gives its bridge secret to the kiosk browser and to nobody else.
 * The host starts Chromium on a launch address with a single-use ticket; the first load of
 * it sets the secret as an HttpOnly cookie (page scripts cannot read it; the browser sends
 * it with every same-origin bridge and print request). A ticket is spent on first use and
 * expires, so reading Chromium's command line afterwards gives nothing; a process that
 * spent the ticket first would leave the kiosk page locked out, which shows, rather than
 * sharing the bridge with it. The page itself (HTML, scripts) stays public: it holds nothing.
 */
export function createLaunchTickets(
  secret: BridgeSecret,
  options: { ttlMs?: number; maxOutstanding?: number; now?: () => number } = {},
): LaunchTickets {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const maxOutstanding = options.maxOutstanding ?? 32;
  const now = options.now ?? Date.now;
  const outstanding = new Map<string, number>();
  return {
    issue() {
      const ticket = randomBytes(24).toString('base64url');
      outstanding.set(ticket, now() + ttlMs);
      // Tickets nobody used must not pile up; the oldest goes first.
      while (outstanding.size > maxOutstanding) outstanding.delete(outstanding.keys().next().value!);
      return ticket;
    },
    redeem(ticket) {
      if (!ticket) return false;
      const expires = outstanding.get(ticket);
      outstanding.delete(ticket);
      return expires !== undefined && expires >= now();
    },
    setCookie: `${BRIDGE_COOKIE}=${secret.value}; Path=/; HttpOnly; SameSite=Strict`,
    authorised(cookieHeader) {
      if (!cookieHeader) return false;
      return cookieHeader
        .split(';')
        .map((part) => part.trim())
        .some(
          (part) =>
            part.startsWith(`${BRIDGE_COOKIE}=`) && secret.matches(part.slice(BRIDGE_COOKIE.length + 1)),
        );
    },
  };
}
