/**
 * What the status look-up screen shows for a scanned or typed dossier code: pure data,
 * from the kiosk's own copy of the dossier (status as last synced) and, when the office
 * answered a live look-up, its fresher answer. Only the applicant's initials appear: the
 * kiosk is a public screen and anyone can hold a receipt.
 */
import type { DossierStatusInfo } from '../../../shared/contracts/sync.ts';
import { DossierStatusSchema, type DossierStatus } from '../../../shared/domain/dossier.ts';
import type { LocalisedText } from '../../../shared/domain/localised.ts';
import type { DossierRow } from '../../db/db.ts';
import { applicantInitials } from '../retention/index.ts';
import { lookupKeysMatch } from '../../../shared/dossier/lookup-key.ts';

export interface LookupInput {
  /** As typed or scanned (trimmed here). */
  code: string;
  /**
   * Typed or scanned without the receipt QR's check part: nothing is looked up, the screen
   * asks for the QR (a code alone would let anyone list other people's dossiers).
   */
  withoutKey?: boolean;
  /** The kiosk's own dossier with this code, or null. */
  local: DossierRow | null;
  /** The office's answer to a live look-up of this code (any kiosk of the office), or null. */
  remote: { info: DossierStatusInfo; asOf: string } | null;
  /**
   * When the office last answered this kiosk's status pull (every own dossier's status
   * is current as of then), or null if it never did.
   */
  lastPullAt: string | null;
  procedureName(code: string): LocalisedText | null;
  now: Date;
}

/** How old the information is, for "2 giờ trước". */
export type Age = { unit: 'justNow'; count: 0 } | { unit: 'minutes' | 'hours' | 'days'; count: number };

export type LookupView =
  | { kind: 'empty' }
  | { kind: 'unknown'; code: string }
  | { kind: 'needs-qr'; code: string }
  | {
      kind: 'found';
      code: string;
      /** Null for another kiosk's dossier known only from the office's answer. */
      procedure: { code: string; name: LocalisedText | null } | null;
      initials: string | null;
      receivedAt: string | null;
      /**
       * waiting: still on this kiosk, not yet acknowledged by the office;
       * sent: the office has it but has sent no status yet;
       * status: the office's status as last synced.
       */
      state: 'waiting' | 'sent' | 'status';
      status: DossierStatus | null;
      reason: string | null;
      /** When the information was last updated from the office (null while waiting). */
      updatedAt: string | null;
      age: Age | null;
    };

export function ageOf(at: string, now: Date): Age {
  const minutes = Math.floor((now.getTime() - Date.parse(at)) / 60_000);
  if (minutes < 1) return { unit: 'justNow', count: 0 };
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  if (minutes < 24 * 60) return { unit: 'hours', count: Math.floor(minutes / 60) };
  return { unit: 'days', count: Math.floor(minutes / (24 * 60)) };
}

const later = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : Date.parse(a) >= Date.parse(b) ? a : b;

export function lookupView(input: LookupInput): LookupView {
  const code = input.code.trim();
  if (code === '') return { kind: 'empty' };
  if (input.withoutKey) return { kind: 'needs-qr', code };
  const { local, remote, now } = input;
  const remoteInfo = remote && remote.info.code === (local?.code ?? code) ? remote : null;
  if (!local && !remoteInfo) return { kind: 'unknown', code };

  const base = {
    kind: 'found' as const,
    code: local?.code ?? code,
    procedure: local ? { code: local.procedureCode, name: input.procedureName(local.procedureCode) } : null,
    initials: local ? applicantInitials(local) : null,
    receivedAt: local?.receivedAt ?? null,
  };

  if (remoteInfo) {
    const status = DossierStatusSchema.safeParse(remoteInfo.info.status);
    return {
      ...base,
      state: 'status',
      status: status.success ? status.data : null,
      reason: remoteInfo.info.reason,
      updatedAt: remoteInfo.asOf,
      age: ageOf(remoteInfo.asOf, now),
    };
  }
  const row = local as DossierRow;
  if (!row.acknowledgedAt) {
    return { ...base, state: 'waiting', status: null, reason: null, updatedAt: null, age: null };
  }
  // The last pull brought every change to this kiosk's dossiers up to then, so the status
  // is as fresh as that pull (or as the office's own change/acknowledgement, if later).
  const updatedAt = later(input.lastPullAt, row.officeStatus?.changedAt ?? row.acknowledgedAt);
  const status = row.officeStatus ? DossierStatusSchema.safeParse(row.officeStatus.status) : null;
  return {
    ...base,
    state: status?.success ? 'status' : 'sent',
    status: status?.success ? status.data : null,
    reason: row.officeStatus?.reason ?? null,
    updatedAt,
    age: updatedAt ? ageOf(updatedAt, now) : null,
  };
}

/**
 * The kiosk's own dossier answers a look-up only with the receipt QR's check part; a
 * dossier from before check parts existed is not shown by code alone (ask the desk).
 */
export function localMatch(local: DossierRow | null, key: string | null): DossierRow | null {
  return local && lookupKeysMatch(local.lookupKey, key) ? local : null;
}
