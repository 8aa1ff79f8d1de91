import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import { sha256Hex } from './auth/passwords.ts';
import { CATALOGUE } from '../shared/catalogue/procedures.ts';
import { SYNC_PROTOCOL } from '../shared/contracts/sync.ts';
import type { ClipAudio, ClipPackIndex, ClipUploadForm } from '../shared/contracts/speech-clips.ts';
import type { Catalogue } from '../shared/domain/procedure.ts';
import { CatalogueSchema } from '../shared/domain/procedure.ts';
import {
  checkClip,
  ClipLanguageCodeSchema,
  type ClipFormat,
  type PublishedClipLanguage,
} from '../shared/speech/clips.ts';
import { speechKeyTexts } from '../shared/speech/keys.ts';

export interface ClipRow {
  key: string;
  text: string | null;
  format: ClipFormat;
  bytes: number;
  uploadedAtMs: number;
}

export interface RecordedLanguage {
  code: string;
  name: { vi: string; en: string };
  version: string;
  clips: ClipRow[];
}

/** The catalogue kiosks run (the office's published one, else the shipped one): its keys can have clips. */
async function kioskCatalogue(db: Kysely<Database>): Promise<Pick<Catalogue, 'procedures'>> {
  const row = await db
    .selectFrom('published_config')
    .select('body')
    .where('kind', '=', 'catalogue')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? CatalogueSchema.parse(JSON.parse(row.body)) : CATALOGUE;
}

/** Every text key a clip may be recorded for, with the Vietnamese words it stands for. */
export async function recordableKeys(db: Kysely<Database>): Promise<Map<string, string>> {
  return speechKeyTexts(await kioskCatalogue(db));
}

/**
 * Stores one recording for a language and text key (replacing the one before), after the
 * same checks a kiosk applies (shared/speech/clips.ts): a key the kiosks speak, WAV, Ogg or
 * MP3 by its bytes, at most 2 MB; and a valid language code with a name. Every problem is
 * returned in the staff member's language; nothing is stored unless all pass.
 */
export async function publishClip(
  db: Kysely<Database>,
  form: ClipUploadForm,
  accountId: number,
  now: number,
  lang: 'vi' | 'en',
): Promise<{ ok: true; language: string; key: string } | { ok: false; reasons: string[] }> {
  const reasons: string[] = [];
  const say = (vi: string, en: string) => reasons.push(lang === 'vi' ? vi : en);
  const language = form.language.trim().toLowerCase();
  const key = form.key.trim();
  const code = ClipLanguageCodeSchema.safeParse(language);
  if (!code.success)
    say(
      `Mã ngôn ngữ "${form.language}" không hợp lệ: dùng mã ISO 639-3 như "tyz" (Tày), "nut" (Nùng), "hnj" (H'Mông); không dùng "vi".`,
      `The language code "${form.language}" is not valid: use an ISO 639-3 code such as "tyz" (Tày), "nut" (Nùng), "hnj" (Hmong); not "vi".`,
    );
  const existing = code.success
    ? await db.selectFrom('speech_languages').selectAll().where('code', '=', language).executeTakeFirst()
    : undefined;
  const nameVi = form.nameVi.trim() || existing?.name_vi || '';
  const nameEn = form.nameEn.trim() || existing?.name_en || '';
  if (!nameVi || !nameEn)
    say(
      'Cần nhập tên ngôn ngữ bằng tiếng Việt và tiếng Anh (ví dụ "Tày" / "Tay").',
      'Enter the language’s name in Vietnamese and in English (e.g. "Tày" / "Tay").',
    );
  const bytes = form.file ?? new Uint8Array();
  if (bytes.length === 0) {
    say('Chưa chọn tệp ghi âm.', 'No recording file was chosen.');
  }
  const known = await recordableKeys(db);
  let format: ClipFormat | null = null;
  if (!key) say('Chưa chọn nội dung (mã) cho bản ghi.', 'No text (key) was chosen for the recording.');
  else if (bytes.length > 0 || !known.has(key)) {
    // With no file, only the key is left to check (checkClip checks the key first).
    const checked = checkClip(key, bytes, new Set(known.keys()));
    if (checked.ok) format = checked.format;
    else reasons.push(checked.problem.message[lang]);
  }
  if (reasons.length > 0 || !format) return { ok: false, reasons };

  const sha256 = sha256Hex(bytes);
  await db.transaction().execute(async (trx) => {
    if (existing)
      await trx
        .updateTable('speech_languages')
        .set({ name_vi: nameVi, name_en: nameEn })
        .where('code', '=', language)
        .execute();
    else
      await trx
        .insertInto('speech_languages')
        .values({ code: language, name_vi: nameVi, name_en: nameEn })
        .execute();
    await trx.deleteFrom('speech_clips').where('language', '=', language).where('key', '=', key).execute();
    await trx
      .insertInto('speech_clips')
      .values({
        language,
        key,
        format,
        sha256,
        bytes: bytes.length,
        data: bytes,
        uploaded_at_ms: now,
        uploaded_by: accountId,
      })
      .execute();
  });
  return { ok: true, language, key };
}

/** Takes one recording back; a language left with none is no longer published. */
export async function removeClip(db: Kysely<Database>, language: string, key: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('speech_clips')
      .where('language', '=', language)
      .where('key', '=', key)
      .executeTakeFirst();
    const left = await trx
      .selectFrom('speech_clips')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('language', '=', language)
      .executeTakeFirstOrThrow();
    if (Number(left.n) === 0) await trx.deleteFrom('speech_languages').where('code', '=', language).execute();
    return Number(deleted.numDeletedRows) > 0;
  });
}

const versionOf = (name: { vi: string; en: string }, clips: { key: string; sha256: string }[]) =>
  'clips+' +
  sha256Hex(JSON.stringify([name.vi, name.en, ...clips.map((c) => `${c.key}:${c.sha256}`).sort()])).slice(
    0,
    12,
  );

/** Every language with clips, with what each clip stands for, for the staff page and the pull. */
export async function recordedLanguages(db: Kysely<Database>): Promise<RecordedLanguage[]> {
  const [languages, clips, texts] = await Promise.all([
    db.selectFrom('speech_languages').selectAll().orderBy('code').execute(),
    db
      .selectFrom('speech_clips')
      .select(['language', 'key', 'format', 'sha256', 'bytes', 'uploaded_at_ms'])
      .orderBy('key')
      .execute(),
    recordableKeys(db),
  ]);
  return languages
    .map((l) => {
      const own = clips.filter((c) => c.language === l.code);
      const name = { vi: l.name_vi, en: l.name_en };
      return {
        code: l.code,
        name,
        version: versionOf(name, own),
        clips: own.map((c) => ({
          key: c.key,
          text: texts.get(c.key) ?? null,
          format: c.format as ClipFormat,
          bytes: Number(c.bytes),
          uploadedAtMs: Number(c.uploaded_at_ms),
        })),
      };
    })
    .filter((l) => l.clips.length > 0);
}

/** For the pull answer: each language and its version. */
export async function publishedClipLanguages(db: Kysely<Database>): Promise<PublishedClipLanguage[]> {
  const [languages, clips] = await Promise.all([
    db.selectFrom('speech_languages').selectAll().execute(),
    db.selectFrom('speech_clips').select(['language', 'key', 'sha256']).execute(),
  ]);
  return languages
    .map((l) => ({ l, own: clips.filter((c) => c.language === l.code) }))
    .filter(({ own }) => own.length > 0)
    .map(({ l, own }) => ({ language: l.code, version: versionOf({ vi: l.name_vi, en: l.name_en }, own) }))
    .sort((a, b) => a.language.localeCompare(b.language));
}

/** GET /api/sync/clips/<language>. */
export async function clipPackIndex(db: Kysely<Database>, language: string): Promise<ClipPackIndex | null> {
  const l = await db
    .selectFrom('speech_languages')
    .selectAll()
    .where('code', '=', language)
    .executeTakeFirst();
  if (!l) return null;
  const clips = await db
    .selectFrom('speech_clips')
    .select(['key', 'sha256', 'bytes', 'format'])
    .where('language', '=', language)
    .orderBy('key')
    .execute();
  if (clips.length === 0) return null;
  const name = { vi: l.name_vi, en: l.name_en };
  return {
    protocol: SYNC_PROTOCOL,
    kind: 'clip-pack',
    language,
    version: versionOf(name, clips),
    name,
    clips: clips.map((c) => ({
      key: c.key,
      sha256: c.sha256,
      bytes: Number(c.bytes),
      format: c.format as ClipFormat,
    })),
  };
}

/** GET /api/sync/clips/<language>/<sha256>. */
export async function clipAudio(
  db: Kysely<Database>,
  language: string,
  sha256: string,
): Promise<ClipAudio | null> {
  const row = await db
    .selectFrom('speech_clips')
    .select('data')
    .where('language', '=', language)
    .where('sha256', '=', sha256)
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    protocol: SYNC_PROTOCOL,
    kind: 'clip-audio',
    sha256,
    dataBase64: Buffer.from(row.data).toString('base64'),
  };
}
