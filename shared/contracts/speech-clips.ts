/**
 * Recorded clips published from the office (its bilingual staff record them per text key
 * and language) and pulled by the kiosks with the profile and catalogue. The staff page's
 * upload form, the pull answer's list of languages and the two sync look-ups that bring a
 * language's clips to a kiosk. The clips themselves are checked by shared/speech/clips.ts
 * on both sides: when staff upload one, and again when a kiosk installs them.
 */
import { z } from 'zod';
import { LocalisedTextSchema } from '../domain/localised.ts';
import { CLIP_FORMATS, ClipLanguageCodeSchema, SpeechKeySchema } from '../speech/clips.ts';
import { Sha256HexSchema, SYNC_PROTOCOL } from './sync.ts';

const CsrfField = { csrf: z.string().min(1).max(200) };

/**
 * The upload form (multipart): every field is taken as typed and checked by the route, so
 * a refusal can say what is wrong in the staff member's language and keep what was entered.
 */
export const ClipUploadFormSchema = z.object({
  ...CsrfField,
  language: z.string().max(40).default(''),
  nameVi: z.string().max(100).default(''),
  nameEn: z.string().max(100).default(''),
  key: z.string().max(200).default(''),
  /** The recording's bytes; absent or empty when no file was chosen. */
  file: z.custom<Uint8Array>((v) => v instanceof Uint8Array).optional(),
});
export type ClipUploadForm = z.infer<typeof ClipUploadFormSchema>;

export const ClipRemoveFormSchema = z.object({
  ...CsrfField,
  language: ClipLanguageCodeSchema,
  key: SpeechKeySchema,
});

export { PublishedClipLanguageSchema, type PublishedClipLanguage } from '../speech/clips.ts';

/** GET /api/sync/clips/<language>: what the language has; the audio follows clip by clip. */
export const ClipPackIndexSchema = z.object({
  protocol: z.literal(SYNC_PROTOCOL),
  kind: z.literal('clip-pack'),
  language: ClipLanguageCodeSchema,
  version: z.string().min(1).max(100),
  name: LocalisedTextSchema,
  clips: z
    .array(
      z.object({
        key: SpeechKeySchema,
        sha256: Sha256HexSchema,
        bytes: z.number().int().positive(),
        format: z.enum(CLIP_FORMATS),
      }),
    )
    .max(2000),
});
export type ClipPackIndex = z.infer<typeof ClipPackIndexSchema>;

/** GET /api/sync/clips/<language>/<sha256>: one recording, base64 in JSON like every sync answer. */
export const ClipAudioSchema = z.object({
  protocol: z.literal(SYNC_PROTOCOL),
  kind: z.literal('clip-audio'),
  sha256: Sha256HexSchema,
  dataBase64: z.string().min(1),
});
export type ClipAudio = z.infer<typeof ClipAudioSchema>;

export const ClipPathParamsSchema = z.object({ language: ClipLanguageCodeSchema });
export const ClipAudioPathParamsSchema = z.object({
  language: ClipLanguageCodeSchema,
  sha256: Sha256HexSchema,
});
