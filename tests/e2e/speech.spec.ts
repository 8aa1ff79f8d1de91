import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page, type Request } from '@playwright/test';
import { startOffice, type RunningOffice } from '../../office/server.ts';
import { createEnrolmentCode } from '../../office/sync/enrol.ts';
import { createEspeak } from '../../main/services/speech/espeak.ts';
import { CATALOGUE } from '../../shared/catalogue/procedures.ts';
import { fillCertificationRequest } from './certification-helpers.ts';
import {
  openKioskAt,
  openProcedurePage,
  startKioskHost,
  TEST_OFFICE,
  vn,
  type KioskHostHandle,
} from './helpers.ts';
import { setOfficerPinFirstRun } from './settings-helpers.ts';

const DEMO_CLIPS = fileURLToPath(new URL('../../assets/speech-clips', import.meta.url));
const MONDAY = vn('2026-11-23 09:10');
/** Speech runs in its own process on a shared machine: wait for it as a person would, not a CPU. */
const SLOW = { timeout: 30_000 };
test.describe.configure({ timeout: 120_000 });

interface SpeakCall {
  input: { text: string; key?: string; language?: string };
  output: { source: string; spokenText: string; mime: string; audioBase64: string };
}

/** Every `speak` the page asks the host for, with the host's answer. */
function recordSpeech(page: Page): SpeakCall[] {
  const calls: SpeakCall[] = [];
  page.on('requestfinished', (request: Request) => {
    if (!request.url().endsWith('/bridge/speak')) return;
    void request.response().then(async (response) => {
      const body = (await response!.json()) as { ok: boolean; value: SpeakCall['output'] };
      calls.push({ input: request.postDataJSON() as SpeakCall['input'], output: body.value });
    });
  });
  return calls;
}

/** Pieces the page's audio element played to their end in the current reading. */
const piecesEnded = (page: Page) =>
  page.locator('audio').evaluate((audio: HTMLAudioElement) => Number(audio.dataset.piecesEnded ?? 0));

/** Shown only once the audio element's `playing` event fired: sound is coming out. */
const reading = (page: Page) => page.getByRole('status').filter({ hasText: 'Đang đọc…' });

test.describe('with espeak-ng', () => {
  let host: KioskHostHandle;
  test.beforeAll(async () => {
    host = await startKioskHost({ profile: TEST_OFFICE, extraClipDirs: [DEMO_CLIPS] });
  });
  test.afterAll(async () => {
    await host.close();
  });

  test('"Nghe" on a procedure page reads what it is, what to bring, the fee and the time; navigation stops it', async ({
    page,
  }) => {
    const calls = recordSpeech(page);
    await openKioskAt(page, host.url, MONDAY);
    const procedure = CATALOGUE.procedures.find((p) => p.code === '2.000815')!;
    await openProcedurePage(page, procedure.name.vi);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(procedure.name.vi);

    const listen = page.getByRole('button', { name: /Nghe trang này/ });
    await listen.click();
    const stop = page.getByRole('button', { name: /Dừng đọc/ });
    await expect(stop).toHaveAttribute('aria-pressed', 'true');
    // The audio element really played: its first piece started and ended.
    await expect(reading(page)).toBeVisible(SLOW);
    await expect.poll(() => piecesEnded(page), SLOW).toBeGreaterThan(0);

    expect(calls[0]!.input).toEqual({ text: procedure.name.vi, key: 'procedure.2.000815.name' });
    expect(calls[0]!.output.source).toBe('synthesis');
    expect(calls[0]!.output.mime).toBe('audio/wav');
    expect(Buffer.from(calls[0]!.output.audioBase64, 'base64').subarray(0, 4).toString('latin1')).toBe(
      'RIFF',
    );
    expect(calls[1]!.input.text).toBe(`Mã thủ tục: ${procedure.code}. Lĩnh vực: ${procedure.field.vi}.`);
    expect(calls[1]!.output.spokenText).toBe(
      `Mã thủ tục: hai chấm không không không tám một năm. Lĩnh vực: ${procedure.field.vi}.`,
    );

    // Everything the page will say, in order: tap Stop, then read the whole list from the segments.
    await stop.click();
    await expect(listen).toHaveAttribute('aria-pressed', 'false');
    const spokenSoFar = calls.length;

    await listen.click();
    await expect(stop).toBeVisible();
    await page.getByRole('button', { name: 'Hôm nay', exact: true }).click();
    await expect(page.getByRole('button', { name: /Dừng đọc/ })).toHaveCount(0);
    const afterNavigation = calls.length;
    await page.waitForTimeout(1500);
    // At most the one piece already being fetched; no more after leaving.
    expect(calls.length - afterNavigation).toBeLessThanOrEqual(1);
    expect(spokenSoFar).toBeGreaterThanOrEqual(2);
  });

  test('"Nghe" on the receipt reads the saved state, the code piece by piece and when to come back', async ({
    page,
  }) => {
    const calls = recordSpeech(page);
    await openKioskAt(page, host.url, MONDAY);
    await fillCertificationRequest(page);
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await expect(page.getByRole('heading', { name: /Đã lưu hồ sơ/ })).toBeVisible();
    const code = (await page.locator('.dossier-code').textContent())!.trim();

    await page.getByRole('button', { name: /Nghe giấy tiếp nhận/ }).click();
    await expect.poll(() => piecesEnded(page), SLOW).toBeGreaterThanOrEqual(2);
    await expect.poll(() => calls.length, SLOW).toBeGreaterThanOrEqual(3);
    expect(calls.slice(0, 3).map((c) => c.input.text)).toEqual(['Đã lưu hồ sơ', 'Mã hồ sơ', code]);
    expect(calls[2]!.output.spokenText).not.toMatch(/\d/);
    expect(calls[2]!.output.spokenText).toMatch(/gạch hai sáu một một hai ba gạch không không không một$/);
    await expect
      .poll(() => calls.map((c) => c.input.text).join('\n'), SLOW)
      .toContain('Trả kết quả trước 17:00 thứ Hai, ngày 23/11/2026');
    const returnCall = calls.find((c) => c.input.text.startsWith('Trả kết quả'))!;
    expect(returnCall.output.spokenText).toContain(
      'mười bảy giờ thứ Hai, ngày hai mươi ba tháng mười một năm hai nghìn không trăm hai mươi sáu',
    );
    await page.getByRole('button', { name: /Dừng đọc/ }).click();
  });

  test('a recorded language: its clip where one exists, Vietnamese speech where not', async ({ page }) => {
    const calls = recordSpeech(page);
    await openKioskAt(page, host.url, MONDAY);
    const tay = page.getByRole('button', { name: 'Nghe tiếng Tày (bản minh hoạ)' });
    await tay.click();
    await expect(tay).toHaveAttribute('aria-pressed', 'true');
    // The screen stays in Vietnamese.
    await expect(page.getByRole('button', { name: 'Tìm tất cả thủ tục' })).toBeVisible();

    await page.getByRole('button', { name: /Nghe trang này/ }).click();
    await expect.poll(() => calls.length, SLOW).toBeGreaterThanOrEqual(2);
    // The heading has no clip (it names the office and the date): Vietnamese speech.
    expect(calls[0]!.input.language).toBe('tyz');
    expect(calls[0]!.output.source).toBe('synthesis');
    // "Đang mở cửa" has the demonstration clip.
    expect(calls[1]!.input).toEqual({ text: 'Đang mở cửa', key: 'today.openNow', language: 'tyz' });
    expect(calls[1]!.output.source).toBe('clip');
    expect(calls[1]!.output.spokenText).toBe('today.openNow');
    await page.getByRole('button', { name: /Dừng đọc/ }).click();
  });

  test('"Nghe" on the catalogue, on a status look-up that found nothing, and on the printed declaration', async ({
    page,
  }) => {
    const calls = recordSpeech(page);
    await openKioskAt(page, host.url, MONDAY);
    await page.getByRole('button', { name: 'Tìm tất cả thủ tục' }).click();
    await page.getByRole('button', { name: /Nghe trang này/ }).click();
    await expect.poll(() => piecesEnded(page), SLOW).toBeGreaterThan(0);
    expect(calls.slice(0, 2).map((c) => c.input.text)).toEqual(['Tìm thủ tục', 'Chọn lĩnh vực']);
    await page.getByRole('button', { name: /Dừng đọc/ }).click();

    // The look-up's error is heard as shown.
    await page.getByRole('button', { name: 'Hôm nay', exact: true }).click();
    await page.getByRole('button', { name: 'Tra cứu hồ sơ' }).click();
    await page.getByRole('textbox', { name: 'Mã hồ sơ' }).fill('H01-261123-9999-7KQ4M2XD9PTA3F6B');
    await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Không tìm thấy hồ sơ có mã H01-261123-9999');
    const before = calls.length;
    await page.getByRole('button', { name: /Nghe kết quả/ }).click();
    await expect.poll(() => calls.length, SLOW).toBeGreaterThan(before);
    expect(calls[before]!.input.text).toMatch(/^Không tìm thấy hồ sơ có mã H01-261123-9999\./);
    expect(calls[before]!.output.spokenText).not.toMatch(/\d/);
    // One piece: it plays to its end and the button returns to "Nghe".
    await expect.poll(() => piecesEnded(page), SLOW).toBe(1);
    await expect(page.getByRole('button', { name: /Nghe kết quả/ })).toBeVisible(SLOW);

    // The printed declaration, as printed.
    await page.getByRole('button', { name: 'Hôm nay', exact: true }).click();
    await fillCertificationRequest(page);
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    const printed = page.getByRole('button', { name: 'Nghe tờ khai đã in' });
    await expect(printed).toBeVisible(SLOW);
    const beforePrinted = calls.length;
    await printed.click();
    await expect.poll(() => calls.length - beforePrinted, SLOW).toBeGreaterThanOrEqual(3);
    expect(calls.slice(beforePrinted).map((c) => c.input.text)).toContain(
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    );
    await page.getByRole('button', { name: /Dừng đọc/ }).click();
  });

  test('the idle reset stops the reading and returns to Vietnamese speech', async ({ page }) => {
    // The test office sets idleTimeoutSeconds 15 and idleWarningSeconds 5.
    await page.clock.install({ time: MONDAY });
    await page.goto(host.url);
    const tay = page.getByRole('button', { name: 'Nghe tiếng Tày (bản minh hoạ)' });
    await tay.click();
    await expect(tay).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Tìm tất cả thủ tục' }).click();
    await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('khai sinh');
    await page
      .getByRole('list', { name: /Kết quả tìm kiếm/ })
      .getByRole('listitem')
      .first()
      .getByRole('button')
      .first()
      .click();
    await page.getByRole('button', { name: /Nghe trang này/ }).click();
    await expect(page.getByRole('button', { name: /Dừng đọc/ })).toBeVisible();

    await page.clock.fastForward(16_000);
    await page.clock.fastForward(5_000);
    await expect(page.getByRole('heading', { level: 1, name: /^Hôm nay tại/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /Dừng đọc/ })).toHaveCount(0);
    await expect(tay).toHaveAttribute('aria-pressed', 'false');
    expect(await page.locator('audio').evaluate((a: HTMLAudioElement) => a.paused)).toBe(true);
  });

  test('the volume is set in settings and kept', async ({ page }) => {
    await openKioskAt(page, host.url, MONDAY);
    await setOfficerPinFirstRun(page);
    const section = page.getByRole('region', { name: 'Đọc thành tiếng' });
    await expect(section).toContainText('Máy đọc được tiếng Việt (giọng miền Bắc');
    await expect(section).toContainText(
      'Tày: 6 bản ghi — bản minh hoạ, không phải giọng người nói tiếng này',
    );
    const volume = section.getByRole('slider', { name: 'Âm lượng' });
    await expect(volume).toHaveValue('80');
    await section.getByRole('button', { name: 'Nhỏ hơn' }).click();
    await section.getByRole('button', { name: 'Nhỏ hơn' }).click();
    await expect(volume).toHaveValue('60');
    await page.reload();
    await page.getByRole('button', { name: 'Tìm tất cả thủ tục' }).click();
    await page.getByRole('searchbox', { name: 'Tìm thủ tục' }).fill('khai sinh');
    await page
      .getByRole('list', { name: /Kết quả tìm kiếm/ })
      .getByRole('listitem')
      .first()
      .getByRole('button')
      .first()
      .click();
    await page.getByRole('button', { name: /Nghe trang này/ }).click();
    await expect(reading(page)).toBeVisible(SLOW);
    expect(await page.evaluate(() => Number(localStorage.getItem('kiosk.speechVolume')))).toBe(0.6);
    await page.getByRole('button', { name: /Dừng đọc/ }).click();
  });
});

test.describe('recorded clips published from the office', () => {
  const ADMIN_PASSWORD = 'e2e-admin-password';
  let officeDir: string;
  let office: RunningOffice;
  let host: KioskHostHandle | null = null;
  test.beforeAll(async () => {
    officeDir = mkdtempSync(path.join(tmpdir(), 'office-clips-e2e-'));
    office = await startOffice({
      host: '127.0.0.1',
      port: 0,
      dataDir: officeDir,
      adminPassword: ADMIN_PASSWORD,
      officeName: 'UBND xã Pác Nặm (e2e)',
      // The clips are under test here, not the transport: the development switch.
      tls: { mode: 'insecure-http' },
      log: () => {},
    });
  });
  test.afterAll(async () => {
    await host?.close();
    await office.close();
    rmSync(officeDir, { recursive: true, force: true });
  });

  test('staff publish a clip on the dashboard (a bad one is refused there); the kiosk pulls it, lists the language and plays it', async ({
    browser,
    page,
  }) => {
    test.slow();
    const procedure = CATALOGUE.procedures.find((p) => p.code === '2.000815')!;
    // A staff member's recording (espeak-ng's WAV stands in for the voice) and a file that is not audio.
    const files = mkdtempSync(path.join(tmpdir(), 'clips-upload-'));
    const recording = path.join(files, 'chung-thuc.wav');
    writeFileSync(recording, await createEspeak().synthesize(procedure.name.vi, 'vi-vn-x-central'));
    const notAudio = path.join(files, 'ghi-chu.wav');
    writeFileSync(notAudio, '<html>not a recording</html>');

    const staffContext = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const dash = await staffContext.newPage();
    await dash.goto(`${office.url}/login`);
    await dash.getByLabel('Tên đăng nhập').fill('admin');
    await dash.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
    await dash.getByRole('button', { name: 'Đăng nhập' }).click();
    await dash.getByRole('link', { name: 'Bản ghi tiếng dân tộc' }).click();
    const upload = async (file: string) => {
      await dash.getByLabel(/^Mã ngôn ngữ/).fill('tyz');
      await dash.getByLabel('Tên ngôn ngữ bằng tiếng Việt').fill('Tày');
      await dash.getByLabel('Tên ngôn ngữ bằng tiếng Anh').fill('Tay');
      await dash.getByLabel('Nội dung được ghi âm').selectOption(`procedure.${procedure.code}.name`);
      await dash.getByLabel('Tệp ghi âm').setInputFiles(file);
      await dash.getByRole('button', { name: 'Phát hành cho tất cả ki-ốt' }).click();
    };
    await upload(notAudio);
    await expect(dash.getByRole('alert')).toContainText(
      `Bản ghi "procedure.${procedure.code}.name" không phải tệp âm thanh WAV, Ogg hay MP3.`,
    );
    // What was entered is still there; only the file must be chosen again.
    await expect(dash.getByLabel(/^Mã ngôn ngữ/)).toHaveValue('tyz');
    await expect(dash.getByLabel('Tên ngôn ngữ bằng tiếng Việt')).toHaveValue('Tày');
    await expect(dash.getByLabel('Nội dung được ghi âm')).toHaveValue(`procedure.${procedure.code}.name`);
    await upload(recording);
    await expect(dash.getByRole('status')).toContainText(
      `Đã phát hành bản ghi procedure.${procedure.code}.name`,
    );
    await expect(dash.getByRole('table', { name: 'Các bản ghi tiếng Tày' })).toContainText(procedure.name.vi);
    await staffContext.close();
    rmSync(files, { recursive: true, force: true });

    const admin = await office.database.db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    host = await startKioskHost({
      profile: 'pac-nam',
      officeUrl: office.url,
      allowInsecureHttp: true,
      enrolmentCode: await createEnrolmentCode(office.database.db, Number(admin.id), Date.now()),
      syncTiming: { baseMs: 200, capMs: 1_000, idleMs: 1_000 },
      probeIntervalMs: 300,
    });
    const calls = recordSpeech(page);
    await openKioskAt(page, host.url, MONDAY);
    // The kiosk pulls, then fetches the clip; the next citizen's screen lists the language.
    const tay = page.getByRole('button', { name: 'Nghe tiếng Tày', exact: true });
    await expect(async () => {
      await page.reload();
      await expect(tay).toBeVisible({ timeout: 1_000 });
    }).toPass(SLOW);
    await tay.click();
    await openProcedurePage(page, procedure.name.vi);
    await page.getByRole('button', { name: /Nghe trang này/ }).click();
    await expect.poll(() => piecesEnded(page), SLOW).toBeGreaterThan(0);
    expect(calls[0]!.input).toEqual({
      text: procedure.name.vi,
      key: `procedure.${procedure.code}.name`,
      language: 'tyz',
    });
    expect(calls[0]!.output.source).toBe('clip');
    // The next piece (the code) has no clip: Vietnamese speech.
    await expect.poll(() => calls.length, SLOW).toBeGreaterThanOrEqual(2);
    expect(calls[1]!.output.source).toBe('synthesis');
    await page.getByRole('button', { name: /Dừng đọc/ }).click();
  });
});

test.describe('without espeak-ng', () => {
  let host: KioskHostHandle;
  test.beforeAll(async () => {
    host = await startKioskHost({
      profile: TEST_OFFICE,
      espeakCommand: path.join('/nonexistent', 'espeak-ng'),
      extraClipDirs: [DEMO_CLIPS],
    });
  });
  test.afterAll(async () => {
    await host.close();
  });

  test('no listen buttons anywhere, and the settings screen says why', async ({ page }) => {
    await openKioskAt(page, host.url, MONDAY);
    await expect(page.getByRole('button', { name: 'Tìm tất cả thủ tục' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Nghe/ })).toHaveCount(0);
    await page.getByRole('button', { name: CATALOGUE.procedures[0]!.name.vi }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: /Nghe/ })).toHaveCount(0);
    await setOfficerPinFirstRun(page);
    await expect(page.getByRole('region', { name: 'Đọc thành tiếng' })).toContainText(
      'Máy chưa cài bộ đọc espeak-ng nên nút "Nghe" không hiện.',
    );
  });
});
