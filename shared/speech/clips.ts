/**
 * Recorded languages: an office's bilingual staff record clips per text key (what a
 * Vietnamese text means, in Tày, Nùng, H'Mông, …) and the office publishes them with the
 * profile and catalogue. A screen in such a language still shows Vietnamese text and plays
 * the clip where one exists, Vietnamese speech where not. Checked here, in shared code, so
 * the office refuses a bad clip when it is published and the kiosk again when it installs it.
 */
import { z } from 'zod';
import { LocalisedTextSchema, type LocalisedText } from '../domain/localised.ts';

export const CLIP_FORMATS = ['wav', 'ogg', 'mp3'] as const;
export type ClipFormat = (typeof CLIP_FORMATS)[number];
export const CLIP_MIME: Readonly<Record<ClipFormat, string>> = {
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  mp3: 'audio/mpeg',
};

/** A spoken sentence recorded at 16 bits is well under this; more is a mistake (a whole session). */
export const CLIP_MAX_BYTES = 2 * 1024 * 1024;
/** Enough for every key of the catalogue in several languages on a small kiosk disk. */
export const CLIP_PACK_MAX_CLIPS = 2000;

/** ISO 639-3 code (Tày: tyz), optionally with a subtag; never a kiosk UI language. */
export const ClipLanguageCodeSchema = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/, 'expected a language code such as "tyz" (Tày, ISO 639-3)')
  .refine((code) => code !== 'vi', 'Vietnamese is spoken by the kiosk itself, not from clips');

/** A text key: letters, digits and . _ - (e.g. "procedure.bring", "procedure.2.000815.name"). */
export const SpeechKeySchema = z.string().regex(/^[a-z][a-z0-9._-]{0,119}$/i, 'expected a text key');

/** Which format the bytes are, by their magic numbers (the file name and MIME type are not trusted). */
export function detectClipFormat(bytes: Uint8Array): ClipFormat | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'wav';
  if (bytes.length >= 4 && ascii(0, 4) === 'OggS') return 'ogg';
  if (bytes.length >= 3 && ascii(0, 3) === 'ID3') return 'mp3';
  // An MPEG audio frame without an ID3 tag: 11 sync bits.
  if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0) return 'mp3';
  return null;
}

export interface ClipProblem {
  /** The clip's key (or "" for the pack itself). */
  key: string;
  message: LocalisedText;
}

/** Checks one clip: a key the kiosk speaks, a known audio format, a sensible size. */
export function checkClip(
  key: string,
  bytes: Uint8Array,
  knownKeys: ReadonlySet<string>,
): { ok: true; format: ClipFormat } | { ok: false; problem: ClipProblem } {
  const fail = (vi: string, en: string) => ({ ok: false as const, problem: { key, message: { vi, en } } });
  if (!knownKeys.has(key))
    return fail(
      `Không có nội dung nào mang mã "${key}" để gắn bản ghi này.`,
      `No text has the key "${key}" for this recording.`,
    );
  if (bytes.length === 0) return fail(`Bản ghi "${key}" trống.`, `The recording "${key}" is empty.`);
  if (bytes.length > CLIP_MAX_BYTES)
    return fail(
      `Bản ghi "${key}" quá lớn (${Math.ceil(bytes.length / 1024)} KB; tối đa ${CLIP_MAX_BYTES / 1024} KB).`,
      `The recording "${key}" is too large (${Math.ceil(bytes.length / 1024)} KB; at most ${CLIP_MAX_BYTES / 1024} KB).`,
    );
  const format = detectClipFormat(bytes);
  if (!format)
    return fail(
      `Bản ghi "${key}" không phải tệp âm thanh WAV, Ogg hay MP3.`,
      `The recording "${key}" is not a WAV, Ogg or MP3 audio file.`,
    );
  return { ok: true, format };
}

/** One recorded language as published: its clips travel base64-encoded in JSON. */
export const ClipPackSchema = z.object({
  schemaVersion: z.literal(1),
  language: ClipLanguageCodeSchema,
  /** How the language is shown in the language choice. */
  name: LocalisedTextSchema,
  /** A demonstration set (not a real recording by a speaker of the language): shown as such. */
  demonstration: z.boolean().default(false),
  /** Who recorded it and when, for the office's records. */
  note: z.string().max(500).optional(),
  /** The office's version, kept so the kiosk fetches the language again only when it changed. */
  version: z.string().max(100).optional(),
  clips: z
    .array(z.object({ key: SpeechKeySchema, dataBase64: z.string().min(1) }))
    .min(1)
    .max(CLIP_PACK_MAX_CLIPS),
});
export type ClipPack = z.infer<typeof ClipPackSchema>;

/** A language the office publishes, as the sync pull answer lists it: a kiosk fetches it when the version is new. */
export const PublishedClipLanguageSchema = z.object({
  language: ClipLanguageCodeSchema,
  /** Changes with any clip or the name: a content hash. */
  version: z.string().min(1).max(100),
});
export type PublishedClipLanguage = z.infer<typeof PublishedClipLanguageSchema>;

/** What the kiosk keeps in its data folder beside the clip files (speech-clips/<language>/manifest.json). */
export const ClipManifestSchema = z.object({
  schemaVersion: z.literal(1),
  language: ClipLanguageCodeSchema,
  name: LocalisedTextSchema,
  demonstration: z.boolean(),
  note: z.string().optional(),
  /** The office's version of the language (absent: not from the office, e.g. the demonstration set). */
  version: z.string().optional(),
  clips: z.record(
    SpeechKeySchema,
    z.object({
      file: z.string().regex(/^[\w.-]+$/),
      format: z.enum(CLIP_FORMATS),
      /** The audio's sha256, so a language fetched again reuses the clips that did not change. */
      sha256: z.string().optional(),
    }),
  ),
});
export type ClipManifest = z.infer<typeof ClipManifestSchema>;

/** A language the kiosk can play clips in, for the language choice. */
export const ClipLanguageSchema = z.object({
  code: ClipLanguageCodeSchema,
  name: LocalisedTextSchema,
  demonstration: z.boolean(),
  clips: z.number().int().min(0),
});
export type ClipLanguage = z.infer<typeof ClipLanguageSchema>;

/**
 * Checks a published pack whose clips are already decoded (base64 decoding needs the
 * host: Buffer in Node). Every problem is listed, so the office can fix them at once;
 * one bad clip refuses the whole pack, so a kiosk never holds half a language.
 */
export function checkClipPack(
  clips: ReadonlyArray<{ key: string; bytes: Uint8Array }>,
  knownKeys: ReadonlySet<string>,
): { ok: true; formats: Map<string, ClipFormat> } | { ok: false; problems: ClipProblem[] } {
  const problems: ClipProblem[] = [];
  const formats = new Map<string, ClipFormat>();
  for (const clip of clips) {
    if (formats.has(clip.key)) {
      problems.push({
        key: clip.key,
        message: {
          vi: `Mã "${clip.key}" có hai bản ghi.`,
          en: `The key "${clip.key}" has two recordings.`,
        },
      });
      continue;
    }
    const result = checkClip(clip.key, clip.bytes, knownKeys);
    if (result.ok) formats.set(clip.key, result.format);
    else problems.push(result.problem);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, formats };
}
