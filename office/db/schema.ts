import type { Generated } from 'kysely';

/**
 * Table types for Kysely. Times are epoch milliseconds (bigint columns, read back as
 * numbers) so both databases compare and group them the same way; the kiosk's own
 * ISO strings (with +07:00) are kept beside them for display. Booleans are 0/1.
 */
export interface Database {
  accounts: AccountsTable;
  sessions: SessionsTable;
  kiosks: KiosksTable;
  enrolment_codes: EnrolmentCodesTable;
  dossiers: DossiersTable;
  dossier_events: DossierEventsTable;
  attachments: AttachmentsTable;
  attachment_chunks: AttachmentChunksTable;
  attachment_meta: AttachmentMetaTable;
  ratings: RatingsTable;
  receipt_prints: ReceiptPrintsTable;
  desk_receipt_prints: DeskReceiptPrintsTable;
  published_config: PublishedConfigTable;
  speech_languages: SpeechLanguagesTable;
  speech_clips: SpeechClipsTable;
  report_daily: ReportDailyTable;
  sign_in_throttle: SignInThrottleTable;
  queue_services: QueueServicesTable;
  queue_counters: QueueCountersTable;
  tickets: TicketsTable;
  ticket_calls: TicketCallsTable;
  refused_offline_tickets: RefusedOfflineTicketsTable;
}

export type Role = 'officer' | 'head' | 'admin';

export interface AccountsTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  created_at: number;
  /** 1: the password was chosen by someone else; the next sign-in must change it. */
  must_change_password: Generated<number>;
}

export interface SessionsTable {
  /** sha256 of the cookie value: a leaked database does not yield live sessions. */
  id: string;
  account_id: number;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

export interface KiosksTable {
  id: string;
  name: string;
  token_hash: string;
  revoked: number;
  enrolled_at: number;
  last_contact_at: number | null;
  app_version: string | null;
  waiting_count: number;
  /** Lowest seq the kiosk sends under this identity (EnrolRequest.firstSeq); gaps count from it. */
  first_seq: Generated<number>;
}

export interface EnrolmentCodesTable {
  code: string;
  created_by: number;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  kiosk_id: string | null;
  /** EnrolRequest.installId of the kiosk that used the code: the same kiosk may enrol again with it. */
  install_id: Generated<string | null>;
}

export interface DossiersTable {
  id: string;
  kiosk_id: string;
  seq: number;
  content_hash: string;
  code: string;
  procedure_code: string;
  /** JSON array of reform model ids, and the same as a bit mask for the report. */
  models: string;
  model_mask: number;
  form_id: string;
  form_data: string;
  applicant_name: string;
  volunteer_id: string | null;
  channel: 'kiosk' | 'portal';
  received_at: string;
  received_at_ms: number;
  due_at: string;
  due_at_ms: number;
  attachment_hashes: string;
  office_received_at_ms: number;
  status: string;
  status_reason: string | null;
  status_changed_at_ms: number;
  /** The receipt QR's check part a status look-up must give (null: a dossier from an older kiosk). */
  lookup_key: string | null;
  /** First time the result was ready (or returned): early / on time / late. */
  resolved_at_ms: number | null;
}

export interface DossierEventsTable {
  id: Generated<number>;
  dossier_id: string;
  status: string;
  reason: string | null;
  /** null: recorded by the sync (arrival). */
  account_id: number | null;
  at_ms: number;
}

export interface AttachmentsTable {
  hash: string;
  total: number;
  received: number;
  complete: number;
  created_at: number;
  completed_at: number | null;
}

export interface AttachmentChunksTable {
  hash: string;
  offset: number;
  data: Uint8Array;
}

export interface AttachmentMetaTable {
  id: string;
  kiosk_id: string;
  seq: number;
  content_hash: string;
  dossier_id: string;
  hash: string;
  size: number;
  media_type: string;
  file_name: string;
  office_received_at_ms: number;
}

export interface RatingsTable {
  id: string;
  kiosk_id: string;
  seq: number;
  content_hash: string;
  dossier_id: string | null;
  procedure_code: string | null;
  score: number;
  comment: string;
  rated_at_ms: number;
  office_received_at_ms: number;
}

/** Sync item 'receipt-print': whether the dossier's receipt came out of the kiosk's printer. */
export interface ReceiptPrintsTable {
  id: string;
  kiosk_id: string;
  seq: number;
  content_hash: string;
  dossier_id: string;
  /** 1 printed, 0 not (yet); a 1 outranks any 0. */
  printed: number;
  at_ms: number;
  office_received_at_ms: number;
}

/** A receipt printed at the desk and handed to the citizen, as the officer confirmed it. */
export interface DeskReceiptPrintsTable {
  id: Generated<number>;
  dossier_id: string;
  account_id: number;
  at_ms: number;
}

export interface PublishedConfigTable {
  id: Generated<number>;
  kind: 'profile' | 'catalogue';
  version: string;
  body: string;
  published_at_ms: number;
  published_by: number | null;
}

/** Dossiers counted per Vietnam day and report cell; see report/timeliness.ts. */
export interface ReportDailyTable {
  /** floor((received_at_ms + 7 h) / 24 h): the Vietnam calendar day number. */
  day: number;
  procedure_code: string;
  model_mask: number;
  timeliness: number;
  channel: string;
  assisted: number;
  n: number;
}

/** Failed staff sign-ins per account name or client address; see auth/sign-in-throttle.ts. */
export interface SignInThrottleTable {
  /** sha256 of `account:<name>` or `address:<ip>`: counted, never readable. */
  key: string;
  /** Attempts counted in the window (in-flight ones included until they succeed). */
  failures: number;
  window_start: number;
  /** Epoch ms until which the key is refused; 0 when not locked. */
  locked_until: number;
}

/** A service of the ticket queue; procedure_codes is a JSON array. */
export interface QueueServicesTable {
  id: string;
  prefix: string;
  name: string;
  procedure_codes: string;
}

/** A counter (quầy); service_ids is a JSON array; open 1/0. */
export interface QueueCountersTable {
  id: string;
  number: number;
  service_ids: string;
  open: number;
}

/** A numbered ticket (shared/queue/ticket.ts); times in epoch ms. */
export interface TicketsTable {
  id: string;
  service_id: string;
  day: string;
  number: string;
  offline_kiosk: number | null;
  /** The kiosk that issued it, if any (null: issued at the desk). */
  kiosk_id: string | null;
  priority: string | null;
  priority_confirmed: number | null;
  status: string;
  issued_at: number;
  /** When the office learned of it: later than issued_at for a ticket an offline kiosk issued. */
  received_at: number;
  called_at: number | null;
  started_at: number | null;
  ended_at: number | null;
  counter_id: string | null;
  calls: number;
  dossier_code: string | null;
  /** The wait printed on the ticket, in minutes (null when none could be printed). */
  estimate_minutes: number | null;
}

/**
 * A ticket an offline kiosk printed that the office refused to merge; id `<kiosk>:<local id>`.
 * `day` is the Vietnam day it was printed (the day the office heard of it when the kiosk's clock
 * was ahead): the day whose counters list it.
 */
export interface RefusedOfflineTicketsTable {
  id: string;
  kiosk_id: string;
  service_id: string;
  number: string;
  priority: string | null;
  issued_at: number;
  received_at: number;
  day: string;
  reason: 'no-range' | 'future' | 'number-taken';
  status: 'open' | 'queued' | 'dismissed';
  resolved_at: number | null;
  /** The officer who queued or dismissed it. */
  resolved_by: number | null;
  /** The proper ticket issued when the citizen was queued. */
  ticket_id: string | null;
}

/** Every call and recall, for the calling board's "last calls". */
export interface TicketCallsTable {
  id: Generated<number>;
  ticket_id: string;
  number: string;
  counter_number: number;
  at: number;
}

export interface SpeechLanguagesTable {
  code: string;
  name_vi: string;
  name_en: string;
}

export interface SpeechClipsTable {
  language: string;
  key: string;
  format: string;
  sha256: string;
  bytes: number;
  data: Uint8Array;
  uploaded_at_ms: number;
  uploaded_by: number | null;
}
