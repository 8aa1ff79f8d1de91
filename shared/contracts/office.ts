import { z } from 'zod';
import { DossierStatusSchema } from '../domain/dossier.ts';
import { ProcedureCodeSchema } from '../domain/procedure.ts';
import { ReformModelIdSchema } from '../domain/reform-model.ts';

/**
 * The office's staff pages: what each form and query string may carry. The office
 * server validates every request with these (fastify-type-provider-zod); the pages
 * that post them are rendered from the same field names.
 */

/** Every state-changing staff form carries the CSRF token the page was rendered with. */
const CsrfField = { csrf: z.string().min(1).max(200) };

export const LanguageSchema = z.enum(['vi', 'en']);

/** Any staff page: `?lang=vi|en` switches the language (kept in a cookie). */
export const PageQuerySchema = z.object({ lang: LanguageSchema.optional() });

/** A filter's "all" option posts an empty value: the same as leaving it out. */
const orAll = <T extends z.ZodType>(schema: T) =>
  z
    .union([schema, z.literal('')])
    .optional()
    .transform((v) => (v === '' ? undefined : v));

/** The queue's filters and search (`/`, `/queue/rows`); every one optional. */
export const QueueQuerySchema = PageQuerySchema.extend({
  status: orAll(DossierStatusSchema),
  procedure: orAll(ProcedureCodeSchema),
  model: orAll(ReformModelIdSchema),
  /** A dossier code, a name or an ID number. */
  q: z.string().max(100).optional(),
  /** Which page of the matching dossiers (1-based); past the last one shows the last. */
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
});
export type QueueFilters = Partial<Omit<z.infer<typeof QueueQuerySchema>, 'lang' | 'page'>>;

export const SignInFormSchema = z.object({
  ...CsrfField,
  username: z.string().max(100),
  password: z.string().max(200),
});

export const CsrfOnlyFormSchema = z.object(CsrfField);

export const StatusChangeFormSchema = z.object({
  ...CsrfField,
  status: DossierStatusSchema,
  reason: z.string().max(1000).default(''),
});

export const DossierParamsSchema = z.object({ id: z.uuid() });
export const DossierPrintParamsSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['declaration.pdf', 'receipt.pdf']),
});
export const KioskParamsSchema = z.object({ id: z.uuid() });
export const AttachmentParamsSchema = z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/) });

export const ROLES = ['officer', 'head', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);

/** Account names: lower-case letters, digits and dots, as staff type them on a shared PC. */
export const UsernameSchema = z.string().regex(/^[a-z0-9.]{3,40}$/);
export const PASSWORD_MIN = 10;
export const PasswordSchema = z.string().min(PASSWORD_MIN).max(200);

/**
 * Account creation. Fields arrive as typed; the rules (name pattern, password length,
 * unique name) are checked by the accounts domain so a refusal re-shows the form.
 */
export const AccountFormSchema = z.object({
  ...CsrfField,
  username: z.string().max(100).default(''),
  displayName: z.string().max(200).default(''),
  role: z.string().max(20).default(''),
  password: z.string().max(400).default(''),
});

export const PublishFormSchema = z.object({ ...CsrfField, json: z.string().default('') });
export const RepublishFormSchema = z.object({ ...CsrfField, version: z.string().min(1).max(100) });
export const ConfigKindParamsSchema = z.object({ kind: z.enum(['profile', 'catalogue']) });

export const ReportQuerySchema = PageQuerySchema.extend({
  from: z.string().max(20).optional(),
  to: z.string().max(20).optional(),
  format: z.enum(['csv', 'xlsx']).optional(),
});

/** The signed-in person's own password change. */
export const PasswordChangeFormSchema = z.object({
  ...CsrfField,
  current: z.string().max(200).default(''),
  next: z.string().max(400).default(''),
  confirm: z.string().max(400).default(''),
});

export const AccountParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const ACCOUNT_ACTIONS = ['disable', 'enable', 'reset-password', 'end-sessions'] as const;
export const AccountActionParamsSchema = AccountParamsSchema.extend({ action: z.enum(ACCOUNT_ACTIONS) });

/** Destructive actions are posted twice: first to ask, then with `confirmed=yes`. */
export const ConfirmableFormSchema = z.object({ ...CsrfField, confirmed: z.literal('yes').optional() });
