import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEspeak } from '../main/services/speech/espeak.ts';
import { testOffice, enrol, ADMIN_PASSWORD } from './test-support/office.ts';
import { forEachDatabase } from './test-support/db-targets.ts';
import { sha256 } from './test-support/fixtures.ts';
import { PullAnswerSchema } from '../shared/contracts/sync.ts';
import { ClipAudioSchema, ClipPackIndexSchema } from '../shared/contracts/speech-clips.ts';

type Office = Awaited<ReturnType<typeof testOffice>>;

/** A cookie-keeping browser for the dashboard that can post a file as a browser's form does. */
class Staff {
  jar = new Map<string, string>();
  constructor(readonly base: string) {}
  async req(path: string, init: RequestInit = {}) {
    const res = await fetch(this.base + path, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        Cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return res;
  }
  async csrf(path = '/speech-clips') {
    return /name="csrf" value="([^"]+)"/.exec(await (await this.req(path)).text())![1]!;
  }
  async signIn() {
    const csrf = await this.csrf('/login');
    return this.req('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, username: 'admin', password: ADMIN_PASSWORD }).toString(),
    });
  }
  /** The upload form as the browser sends it (multipart/form-data). */
  async upload(fields: Record<string, string>, file: Uint8Array | null, fileName = 'ban-ghi.wav') {
    const form = new FormData();
    form.set('csrf', await this.csrf());
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set('file', new Blob(file ? [Buffer.from(file)] : []), file ? fileName : '');
    return this.req('/speech-clips', { method: 'POST', body: form });
  }
}

const TAY = { language: 'tyz', nameVi: 'Tày', nameEn: 'Tay' };

forEachDatabase('recorded clips published from the office', (target) => {
  let office: Office;
  let token: string;
  let staff: Staff;
  let wav: Uint8Array;
  const api = (path: string, init: RequestInit = {}, auth: string | null = token) =>
    fetch(`${office.url}${path}`, {
      ...init,
      headers: {
        'Content-Type': 'application/json',
        ...(auth ? { Authorization: `Bearer ${auth}` } : {}),
      },
    });
  const pull = async () =>
    PullAnswerSchema.parse(
      await (
        await api('/api/sync/pull', {
          method: 'POST',
          body: JSON.stringify({
            protocol: 1,
            profileVersion: null,
            catalogueVersion: null,
            statusCursor: null,
          }),
        })
      ).json(),
    );

  beforeAll(async () => {
    const config = await target.fresh();
    office = await testOffice({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
    ({ token } = await enrol(office));
    staff = new Staff(office.url);
    await staff.signIn();
    // A real recording's format: espeak-ng's WAV stands in for a staff member's voice.
    wav = await createEspeak().synthesize('lệ phí', 'vi-vn-x-central');
  }, 60_000);
  afterAll(async () => office.cleanup());

  it('publishes a good clip; the pull lists the language and the kiosk can fetch it', async () => {
    expect((await pull()).clipLanguages).toEqual([]);
    const page = await staff.req('/speech-clips');
    expect(await page.text()).toContain('Tải lên một bản ghi');

    const res = await staff.upload({ ...TAY, key: 'procedure.fee' }, wav);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('role="status"');
    expect(html).toContain('Đã phát hành bản ghi procedure.fee (tyz)');
    expect(html).toContain('<code>procedure.fee</code>');

    const listed = (await pull()).clipLanguages!;
    expect(listed).toEqual([{ language: 'tyz', version: expect.stringMatching(/^clips\+[0-9a-f]{12}$/) }]);
    const index = ClipPackIndexSchema.parse(await (await api('/api/sync/clips/tyz')).json());
    expect(index).toMatchObject({
      language: 'tyz',
      version: listed[0]!.version,
      name: { vi: 'Tày', en: 'Tay' },
      clips: [{ key: 'procedure.fee', sha256: sha256(wav), bytes: wav.length, format: 'wav' }],
    });
    const audio = ClipAudioSchema.parse(await (await api(`/api/sync/clips/tyz/${sha256(wav)}`)).json());
    expect(Buffer.from(audio.dataBase64, 'base64').equals(Buffer.from(wav))).toBe(true);
    // Only enrolled kiosks read them.
    expect((await api('/api/sync/clips/tyz', {}, null)).status).toBe(401);
    expect((await api('/api/sync/clips/nut')).status).toBe(404);

    // A second clip of the same language: the name may be left empty, the version changes.
    const second = await staff.upload(
      { language: 'tyz', nameVi: '', nameEn: '', key: 'procedure.time' },
      wav,
    );
    expect(second.status).toBe(200);
    expect((await pull()).clipLanguages![0]!.version).not.toBe(listed[0]!.version);
  });

  it('refuses a bad clip with a clear message and keeps what was entered', async () => {
    const before = (await pull()).clipLanguages;
    const cases: { fields: Record<string, string>; file: Uint8Array | null; message: string }[] = [
      {
        fields: { ...TAY, key: 'procedure.documents' },
        file: new TextEncoder().encode('<html>not a recording</html>'),
        message: 'Bản ghi &quot;procedure.documents&quot; không phải tệp âm thanh WAV, Ogg hay MP3.',
      },
      {
        fields: { ...TAY, key: 'procedure.9.999999.name' },
        file: wav,
        message: 'Không có nội dung nào mang mã &quot;procedure.9.999999.name&quot; để gắn bản ghi này.',
      },
      {
        fields: { ...TAY, key: 'today.openNow' },
        file: new Uint8Array(3 * 1024 * 1024).fill(0xff),
        message: 'Bản ghi &quot;today.openNow&quot; quá lớn (3072 KB; tối đa 2048 KB).',
      },
      {
        fields: { language: 'vi', nameVi: 'Việt', nameEn: 'Vietnamese', key: 'procedure.fee' },
        file: wav,
        message: 'Mã ngôn ngữ &quot;vi&quot; không hợp lệ',
      },
      {
        fields: { language: 'nut', nameVi: '', nameEn: '', key: 'procedure.fee' },
        file: wav,
        message: 'Cần nhập tên ngôn ngữ bằng tiếng Việt và tiếng Anh',
      },
      { fields: { ...TAY, key: 'procedure.fee' }, file: null, message: 'Chưa chọn tệp ghi âm.' },
    ];
    for (const c of cases) {
      const res = await staff.upload(c.fields, c.file);
      expect(res.status, c.message).toBe(400);
      const html = await res.text();
      expect(html).toContain('role="alert"');
      expect(html).toContain(c.message);
      // What was typed stays in the form.
      expect(html).toContain(`name="language"\n            value="${c.fields.language}"`);
      if (c.fields.nameVi) expect(html).toContain(`value="${c.fields.nameVi}"`);
      expect(html).toMatch(new RegExp(`<option value="${c.fields.key!.replace(/\./g, '\\.')}"\\s+selected`));
    }
    // Nothing was stored.
    expect((await pull()).clipLanguages).toEqual(before);
  });

  it('says it in English on the English page', async () => {
    await staff.req('/speech-clips?lang=en');
    const res = await staff.upload({ ...TAY, key: 'procedure.fee' }, new TextEncoder().encode('hello'));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(
      'The recording &quot;procedure.fee&quot; is not a WAV, Ogg or MP3 audio file.',
    );
    await staff.req('/speech-clips?lang=vi');
  });

  it('a removed clip leaves the language; the last one removed leaves the pull', async () => {
    for (const key of ['procedure.fee', 'procedure.time']) {
      const csrf = await staff.csrf();
      const res = await staff.req('/speech-clips/remove', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrf, language: 'tyz', key }).toString(),
      });
      expect(res.status).toBe(200);
    }
    expect((await pull()).clipLanguages).toEqual([]);
    expect((await api('/api/sync/clips/tyz')).status).toBe(404);
  });
});
