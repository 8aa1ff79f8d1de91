import { mkdir, open, readFile, rename, chmod } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { TokenCipher } from './token-cipher.ts';

/**
 * The kiosk's identity at the office, kept by the main process in
 * `<dataDir>/sync/`: `device.json` (kiosk id, office URL, flags; nothing secret) and
 * `token.bin` (the bearer token through the injected cipher, mode 0600). The token is
 * read only by the sync service and never crosses the bridge.
 */
export const DeviceStateSchema = z.object({
  version: z.literal(1),
  /** Set by a successful enrolment; null before the first. */
  kioskId: z.uuid().nullable(),
  /** The office the kiosk is (or will be) enrolled with. */
  officeUrl: z.string().nullable(),
  officeName: z.string().nullable(),
  enrolledAt: z.string().nullable(),
  /** The office answered 401/403: the token no longer works; dossiers are kept. */
  needsReEnrolment: z.boolean(),
  reEnrolmentReason: z.string().nullable(),
  /** Last push or pull the office answered validly (ISO instant). */
  lastSuccessAt: z.string().nullable(),
  tokenProtection: z.enum(['os-keychain', 'basic-text', 'file-0600']).nullable(),
  /** Versions of the office profile / catalogue last saved from a pull. */
  profileVersion: z.string().nullable(),
  catalogueVersion: z.string().nullable(),
  /**
   * A random id for this install, sent with every enrolment (EnrolRequest.installId) so
   * that a retry after a lost answer gets the same kiosk back. Absent in older files.
   */
  installId: z.uuid().nullable().default(null),
  /**
   * The office certificates this kiosk accepts (SHA-256 hex): pinned at enrolment, and the
   * next one the office announced through pull. null: plain HTTP (development switch) or
   * an enrolment from before TLS (such a kiosk must enrol again). Absent in older files.
   */
  certificatePins: z
    .object({
      pinned: z.string().regex(/^[0-9a-f]{64}$/),
      next: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .nullable(),
    })
    .nullable()
    .default(null),
});
export type DeviceState = z.infer<typeof DeviceStateSchema>;

export const EMPTY_DEVICE_STATE: DeviceState = {
  version: 1,
  kioskId: null,
  officeUrl: null,
  officeName: null,
  enrolledAt: null,
  needsReEnrolment: false,
  reEnrolmentReason: null,
  lastSuccessAt: null,
  tokenProtection: null,
  profileVersion: null,
  catalogueVersion: null,
  installId: null,
  certificatePins: null,
};

export interface DeviceIdentityStore {
  /** The state as last saved (read from disk on first use). */
  state(): Promise<DeviceState>;
  /** The bearer token, or null when not enrolled or unreadable (then needsReEnrolment is set). */
  token(): Promise<string | null>;
  saveEnrolment(fields: {
    kioskId: string;
    officeUrl: string;
    officeName: string;
    token: string;
    at: Date;
    /** Pinned at enrolment; null for a plain-HTTP office (development switch). */
    certificatePins: DeviceState['certificatePins'];
  }): Promise<DeviceState>;
  update(patch: Partial<Omit<DeviceState, 'version' | 'tokenProtection'>>): Promise<DeviceState>;
}

export interface DeviceIdentityStoreOptions {
  /** Usually dataDirLayout(dataDir).sync. */
  dir: string;
  cipher: TokenCipher;
}

/** Write-then-rename, so a power cut leaves the old file or the new one, never half of one. */
async function writeAtomic(file: string, data: string | Uint8Array, mode: number): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  const handle = await open(tmp, 'w', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  // open()'s mode is filtered by the umask and ignored for an existing file: set it explicitly.
  await chmod(tmp, mode);
  await rename(tmp, file);
}

export function createDeviceIdentityStore(options: DeviceIdentityStoreOptions): DeviceIdentityStore {
  const stateFile = path.join(options.dir, 'device.json');
  const tokenFile = path.join(options.dir, 'token.bin');
  let cached: DeviceState | null = null;
  // Writes are serialised: two bridge calls finishing together must not interleave renames.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  async function load(): Promise<DeviceState> {
    if (cached) return cached;
    let text: string;
    try {
      text = await readFile(stateFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      cached = { ...EMPTY_DEVICE_STATE };
      return cached;
    }
    const parsed = DeviceStateSchema.safeParse(safeJson(text));
    // A damaged state file must not stop the kiosk: it forgets the enrolment (and says so); dossiers live elsewhere.
    cached = parsed.success
      ? parsed.data
      : { ...EMPTY_DEVICE_STATE, needsReEnrolment: true, reEnrolmentReason: 'state-unreadable' };
    return cached;
  }

  async function save(next: DeviceState): Promise<DeviceState> {
    await mkdir(options.dir, { recursive: true, mode: 0o700 });
    await writeAtomic(stateFile, JSON.stringify(next, null, 2) + '\n', 0o600);
    cached = next;
    return next;
  }

  return {
    state: () => serial(load),
    token: () =>
      serial(async () => {
        const state = await load();
        if (!state.kioskId) return null;
        let data: Buffer;
        try {
          data = await readFile(tokenFile);
        } catch {
          await save({ ...state, needsReEnrolment: true, reEnrolmentReason: 'token-missing' });
          return null;
        }
        try {
          return options.cipher.decrypt(data);
        } catch {
          // e.g. the OS keychain was reset or the data folder moved to another user/machine.
          await save({ ...state, needsReEnrolment: true, reEnrolmentReason: 'token-unreadable' });
          return null;
        }
      }),
    saveEnrolment: (fields) =>
      serial(async () => {
        const state = await load();
        await mkdir(options.dir, { recursive: true, mode: 0o700 });
        // Token first: a crash between the two writes leaves the old identity with a token
        // the office no longer accepts, which the kiosk reports as "needs re-enrolment".
        await writeAtomic(tokenFile, options.cipher.encrypt(fields.token), 0o600);
        return save({
          ...state,
          kioskId: fields.kioskId,
          officeUrl: fields.officeUrl,
          officeName: fields.officeName,
          enrolledAt: fields.at.toISOString(),
          needsReEnrolment: false,
          reEnrolmentReason: null,
          tokenProtection: options.cipher.protection,
          certificatePins: fields.certificatePins,
          // A new office (or a new identity at the same one) starts its versions afresh.
          profileVersion: state.officeUrl === fields.officeUrl ? state.profileVersion : null,
          catalogueVersion: state.officeUrl === fields.officeUrl ? state.catalogueVersion : null,
        });
      }),
    update: (patch) => serial(async () => save({ ...(await load()), ...patch })),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
