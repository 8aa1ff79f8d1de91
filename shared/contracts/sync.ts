import { z } from 'zod';
import { DossierSchema, DossierStatusSchema } from '../domain/dossier.ts';
import { ProcedureCodeSchema, CatalogueSchema } from '../domain/procedure.ts';
import { OfficeProfileSchema } from '../domain/office-profile.ts';
import { PublishedClipLanguageSchema } from '../speech/clips.ts';
import { LookupKeySchema } from '../dossier/lookup-key.ts';

/**
 * The kiosk↔office sync protocol, declared once: the office server validates every
 * request with these schemas, the kiosk's main-process transport validates every
 * answer with them (a 200 that does not parse, e.g. a captive-portal page, is a
 * failure). Documented in docs/sync.md; bump SYNC_PROTOCOL on breaking changes.
 */
export const SYNC_PROTOCOL = 1 as const;

/** Size limits are part of the contract: the kiosk batches within them, the office enforces them. */
export const SYNC_LIMITS = {
  maxBatchItems: 200,
  /** Whole JSON request body, bytes. */
  maxJsonBodyBytes: 4 * 1024 * 1024,
  maxFormFields: 300,
  maxFieldValueChars: 4000,
  maxNameChars: 200,
  maxReasonChars: 1000,
  /** One attachment chunk (PUT body), bytes. */
  maxChunkBytes: 1024 * 1024,
  /** One attachment in total, bytes. */
  maxAttachmentBytes: 25 * 1024 * 1024,
  maxLookupCodes: 50,
  maxStatusesPerPull: 500,
} as const;

const Uuid = z.uuid();
export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase sha256 hex');
const Iso = z.iso.datetime({ offset: true });
const ShortText = (max: number) => z.string().max(max);

// ---------------------------------------------------------------- health

/** GET /api/health: what the connectivity probe expects from a real office server. */
export const HealthAnswerSchema = z.object({
  service: z.literal('commune-office'),
  protocol: z.literal(SYNC_PROTOCOL),
  time: Iso,
  /**
   * Content-Encodings the office takes for request bodies. Additive: an older office
   * leaves it out, and the kiosk then sends plain JSON. (Answers are negotiated the
   * usual way, by Accept-Encoding.)
   */
  requestEncodings: z.array(z.string()).optional(),
});
export type HealthAnswer = z.infer<typeof HealthAnswerSchema>;

// ---------------------------------------------------------------- enrolment

/** POST /api/sync/enrol (no token): a one-time code from the dashboard → identity and token. */
export const EnrolRequestSchema = z
  .object({
    protocol: z.literal(SYNC_PROTOCOL),
    code: z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/, 'expected an enrolment code like ABCD-1234'),
    deviceName: ShortText(SYNC_LIMITS.maxNameChars).min(1),
    appVersion: ShortText(40).min(1),
    /**
     * The lowest sequence number the kiosk will send under this identity (its lowest
     * still-pending outbox seq, else its next seq). The per-install counter carries on
     * across re-enrolment, so without it a re-enrolled kiosk would show a gap 1…N−1.
     * Optional and additive: absent means 1.
     */
    firstSeq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
    /**
     * A random id the kiosk keeps for its install. Sent again with the same code after a
     * lost answer, it gets the same kiosk id back (with a new token) instead of a
     * refusal. Optional and additive: without it a used code is refused (403).
     */
    installId: Uuid.optional(),
  })
  .strict();
export type EnrolRequest = z.infer<typeof EnrolRequestSchema>;

export const EnrolAnswerSchema = z.object({
  protocol: z.literal(SYNC_PROTOCOL),
  kind: z.literal('enrolled'),
  kioskId: Uuid,
  /** Bearer token `<kioskId>.<secret>`; shown once, the office keeps only its hash. */
  token: z.string().min(20).max(200),
  officeName: z.string(),
});
export type EnrolAnswer = z.infer<typeof EnrolAnswerSchema>;

// ---------------------------------------------------------------- push

/** A dossier as pushed: the domain dossier with the sizes bounded and no unknown keys. */
export const DossierPayloadSchema = DossierSchema.extend({
  code: DossierSchema.shape.code.max(40),
  kioskId: ShortText(100).min(1),
  formId: ShortText(100).min(1),
  formData: z
    .record(ShortText(100), ShortText(SYNC_LIMITS.maxFieldValueChars))
    .refine(
      (r) => Object.keys(r).length <= SYNC_LIMITS.maxFormFields,
      `at most ${SYNC_LIMITS.maxFormFields} fields`,
    ),
  applicantName: ShortText(SYNC_LIMITS.maxNameChars).min(1),
  volunteerId: ShortText(100).nullable(),
  attachmentHashes: z.array(Sha256HexSchema).max(50).default([]),
  /** How it was submitted: at the kiosk (default) or filed on the national portal with staff help. */
  channel: z.enum(['kiosk', 'portal']).default('kiosk'),
}).strict();
export type DossierPayload = z.infer<typeof DossierPayloadSchema>;

/** Satisfaction rating (citizen, end of visit). Score 1 (very dissatisfied) … 5 (very satisfied). */
export const RatingPayloadSchema = z
  .object({
    id: Uuid,
    dossierId: Uuid.nullable(),
    procedureCode: ProcedureCodeSchema.nullable(),
    score: z.number().int().min(1).max(5),
    comment: ShortText(SYNC_LIMITS.maxReasonChars).default(''),
    ratedAt: Iso,
  })
  .strict();
export type RatingPayload = z.infer<typeof RatingPayloadSchema>;

/** Announces an attachment; its bytes follow through the chunk upload, keyed by hash. */
export const AttachmentMetaPayloadSchema = z
  .object({
    id: Uuid,
    dossierId: Uuid,
    hash: Sha256HexSchema,
    size: z.number().int().positive().max(SYNC_LIMITS.maxAttachmentBytes),
    mediaType: z.enum(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']),
    fileName: ShortText(SYNC_LIMITS.maxNameChars).min(1),
  })
  .strict();
export type AttachmentMetaPayload = z.infer<typeof AttachmentMetaPayloadSchema>;

/**
 * Whether the dossier's receipt (giấy tiếp nhận) came out of the kiosk's printer. The
 * kiosk sends `printed: false` when the receipt could not be printed (no printer, a
 * failure, or found unprinted after a crash), and `printed: true` when a printer later
 * accepted it, so the office shows "chưa in giấy tiếp nhận" until then. A dossier whose
 * receipt printed at once has no such item. `at` is the kiosk's clock; a `true`
 * outranks any `false`. Additive (a new item kind, protocol 1).
 */
export const ReceiptPrintPayloadSchema = z
  .object({
    id: Uuid,
    dossierId: Uuid,
    printed: z.boolean(),
    at: Iso,
  })
  .strict();
export type ReceiptPrintPayload = z.infer<typeof ReceiptPrintPayloadSchema>;

export const SYNC_ITEM_KINDS = ['dossier', 'rating', 'attachment-meta', 'receipt-print'] as const;
export type SyncItemKind = (typeof SYNC_ITEM_KINDS)[number];

export const PAYLOAD_SCHEMAS = {
  dossier: DossierPayloadSchema,
  rating: RatingPayloadSchema,
  'attachment-meta': AttachmentMetaPayloadSchema,
  'receipt-print': ReceiptPrintPayloadSchema,
} as const;

/**
 * One outbox item. `hash` = sha256(canonicalJson(payload)) of the payload exactly as
 * sent; the office recomputes it from the raw payload. `payload` is checked per item
 * (so one bad item is answered `invalid` without failing the batch).
 */
export const PushItemSchema = z
  .object({
    kind: z.enum(SYNC_ITEM_KINDS),
    id: Uuid,
    /** Per-install sequence number, 1, 2, 3 … across all kinds; gaps show on the dashboard. */
    seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    hash: Sha256HexSchema,
    payload: z.unknown(),
  })
  .strict();
export type PushItem = z.infer<typeof PushItemSchema>;

/** POST /api/sync/push (Bearer token). */
export const PushRequestSchema = z
  .object({
    protocol: z.literal(SYNC_PROTOCOL),
    appVersion: ShortText(40).min(1),
    /** Outbox size on the kiosk before this batch, for the dashboard. */
    waiting: z.number().int().nonnegative().max(10_000_000),
    items: z.array(PushItemSchema).max(SYNC_LIMITS.maxBatchItems),
  })
  .strict()
  .refine((r) => new Set(r.items.map((i) => i.id)).size === r.items.length, {
    message: 'item ids must be unique within a batch',
  });
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const PushResultSchema = z.discriminatedUnion('outcome', [
  /** Newly stored and committed. */
  z.object({ outcome: z.literal('stored'), id: Uuid, hash: Sha256HexSchema, officeReceivedAt: Iso }),
  /** Already stored with the same hash: the original answer again. */
  z.object({ outcome: z.literal('duplicate'), id: Uuid, hash: Sha256HexSchema, officeReceivedAt: Iso }),
  /** Already stored under this id with different content: never overwritten. */
  z.object({ outcome: z.literal('conflict'), id: Uuid, hash: Sha256HexSchema, storedHash: Sha256HexSchema }),
  /** Refused; the kiosk keeps it and shows staff the reasons. */
  z.object({
    outcome: z.literal('invalid'),
    id: Uuid,
    hash: Sha256HexSchema,
    reasons: z.array(z.string()).min(1),
  }),
]);
export type PushResult = z.infer<typeof PushResultSchema>;

export const PushAnswerSchema = z.object({
  protocol: z.literal(SYNC_PROTOCOL),
  kind: z.literal('push-result'),
  results: z.array(PushResultSchema),
});
export type PushAnswer = z.infer<typeof PushAnswerSchema>;

/**
 * The kiosk may mark an item sent only when the answer echoes both its id and hash
 * with `stored` or `duplicate`. Everything else keeps it in the outbox.
 */
export function isAcknowledged(item: Pick<PushItem, 'id' | 'hash'>, result: PushResult | undefined): boolean {
  return (
    result !== undefined &&
    result.id === item.id &&
    result.hash === item.hash &&
    (result.outcome === 'stored' || result.outcome === 'duplicate')
  );
}

// ---------------------------------------------------------------- attachments (chunked, resumable)

/**
 * GET  /api/sync/attachments/<sha256>                 → AttachmentStateSchema
 * PUT  /api/sync/attachments/<sha256>?offset=N&total=T  body: raw bytes (≤ maxChunkBytes)
 *      → AttachmentStateSchema; 409 with the state when offset ≠ bytes received.
 * On the last byte the office verifies the sha256 of the whole file; a mismatch
 * discards the bytes (422) so the kiosk starts over.
 */
export const AttachmentStateSchema = z.object({
  protocol: z.literal(SYNC_PROTOCOL),
  kind: z.literal('attachment-state'),
  hash: Sha256HexSchema,
  received: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
  complete: z.boolean(),
});
export type AttachmentState = z.infer<typeof AttachmentStateSchema>;

// ---------------------------------------------------------------- pull

/** POST /api/sync/pull (Bearer token). */
export const PullRequestSchema = z
  .object({
    protocol: z.literal(SYNC_PROTOCOL),
    profileVersion: ShortText(100).nullable(),
    catalogueVersion: ShortText(100).nullable(),
    /** Opaque; null on the first pull. */
    statusCursor: ShortText(40).nullable(),
    /**
     * Bare dossier codes to look up (kiosks before the receipt QR's check part): answered
     * only for dossiers that have no check part.
     */
    lookupCodes: z.array(ShortText(40)).max(SYNC_LIMITS.maxLookupCodes).default([]),
    /**
     * Look-ups by receipt QR, any kiosk of this office: the code and the QR's check part;
     * answered only when the check part is the dossier's. Optional and additive.
     */
    lookupRefs: z
      .array(z.object({ code: ShortText(40), key: LookupKeySchema }).strict())
      .max(SYNC_LIMITS.maxLookupCodes)
      .optional(),
  })
  .strict();
export type PullRequest = z.infer<typeof PullRequestSchema>;

export const DossierStatusInfoSchema = z.object({
  dossierId: Uuid,
  code: z.string(),
  status: DossierStatusSchema,
  reason: z.string().nullable(),
  changedAt: Iso,
});
export type DossierStatusInfo = z.infer<typeof DossierStatusInfoSchema>;

export const PullAnswerSchema = z.object({
  protocol: z.literal(SYNC_PROTOCOL),
  kind: z.literal('pull-result'),
  /** The office's clock when it answered: the kiosk says how old its information is. */
  asOf: Iso,
  /** Present only when newer than the version the kiosk sent. */
  profile: z.object({ version: z.string(), profile: OfficeProfileSchema }).nullable(),
  catalogue: z.object({ version: z.string(), catalogue: CatalogueSchema }).nullable(),
  /** This kiosk's dossiers whose status changed after the cursor, oldest first. */
  statuses: z.array(DossierStatusInfoSchema),
  nextCursor: z.string().nullable(),
  /** More status changes wait beyond this page. */
  more: z.boolean(),
  lookups: z.array(DossierStatusInfoSchema),
  /**
   * Every language the office has recorded clips in, with its version (additive: an older
   * office leaves it out). The kiosk fetches a language whose version it does not hold
   * (GET /api/sync/clips/<language>) and drops one no longer listed.
   */
  clipLanguages: z.array(PublishedClipLanguageSchema).max(50).optional(),
  /**
   * Additive: the SHA-256 fingerprint of the certificate the office will serve with next
   * (rotation); kiosks accept it as well as the pinned one from now on. null: none
   * announced (a kiosk forgets one it was told earlier). Absent from an office on plain
   * HTTP or older than the field (the kiosk keeps what it knows).
   */
  nextCertificateSha256: Sha256HexSchema.nullable().optional(),
});
export type PullAnswer = z.infer<typeof PullAnswerSchema>;

// ---------------------------------------------------------------- errors

/** Every 4xx/5xx carries this body, so the kiosk can show staff the reasons. */
export const SyncErrorSchema = z.object({
  protocol: z.literal(SYNC_PROTOCOL),
  kind: z.literal('error'),
  error: z.enum([
    'bad-request',
    'unauthorised',
    'revoked',
    'not-found',
    'too-large',
    'unsupported-media-type',
    'offset-mismatch',
    'hash-mismatch',
    'rate-limited',
    'method-not-allowed',
    'internal',
  ]),
  reasons: z.array(z.string()),
});
export type SyncError = z.infer<typeof SyncErrorSchema>;

/** Zod issues as short human-readable reasons ("items.0.seq: Too small …"). */
export function issuesToReasons(error: z.ZodError, max = 20): string[] {
  return error.issues
    .slice(0, max)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
}
