import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../shared/catalogue/procedures.ts';
import { computeToday } from '../../../shared/domain/today.ts';
import { testProfile } from '../../../shared/domain/test-support.ts';
import { speechKeysFor } from '../../../shared/speech/keys.ts';
import { normaliseForSpeech } from '../../../shared/speech/normalise.ts';
import { initI18n } from '../../i18n/index.ts';
import { resources } from '../../i18n/resources.ts';
import { declarationStepSpeech, procedureSpeech, receiptSpeech, todaySpeech } from './segments.ts';

// The English screen still speaks Vietnamese: the voice is Vietnamese.
const t = initI18n('en', resources).getFixedT('vi');
const procedure = CATALOGUE.procedures.find((p) => p.code === '2.000815')!;
const knownKeys = speechKeysFor(CATALOGUE);

describe('what each screen says', () => {
  it('a procedure page: name, code, same-day, what to bring, fee, time', () => {
    const segments = procedureSpeech(t, procedure, {
      fee: procedure.fee,
      amountVnd: 2000,
      promise: [
        'Hôm nay thủ tục này được giải quyết trong ngày.',
        'Nếu nộp bây giờ, hẹn trả kết quả trước 17:00 ngày 23/11/2026.',
      ],
    });
    const texts = segments.map((s) => s.text);
    expect(texts.slice(0, 4)).toEqual([
      procedure.name.vi,
      `Mã thủ tục: 2.000815. Lĩnh vực: ${procedure.field.vi}.`,
      'Hôm nay thủ tục này được giải quyết trong ngày.',
      'Nếu nộp bây giờ, hẹn trả kết quả trước 17:00 ngày 23/11/2026.',
    ]);
    expect(texts).toContain('Giấy tờ cần mang');
    expect(texts).toContain('2.000 đ');
    expect(normaliseForSpeech('2.000 đ')).toBe('hai nghìn đồng');
    expect(texts).toContain(procedure.processingTime.description.vi);
    // Every key is one a clip may be published for.
    for (const s of segments) if (s.key) expect(knownKeys.has(s.key)).toBe(true);
  });

  it('Today: the desk state and each model with its procedures', () => {
    const profile = testProfile();
    const today = computeToday(profile, new Date('2026-11-23T02:00:00Z'));
    const segments = todaySpeech(
      t,
      today,
      profile,
      (code) => CATALOGUE.procedures.find((p) => p.code === code)?.name.vi,
      {
        desk: { headline: 'Đang mở cửa', key: 'today.openNow', detail: 'Đóng cửa lúc 11:30' },
        promise: () => ({ sameDay: true, text: null }),
      },
    );
    expect(segments[0]!.text).toContain('Thứ Hai, ngày 23/11/2026');
    expect(normaliseForSpeech(segments[0]!.text)).toContain('Ủy ban nhân dân');
    expect(segments.map((s) => s.key)).toContain('today.openNow');
    expect(segments.map((s) => s.key)).toContain('model.no-appointment.name');
    for (const s of segments) if (s.key) expect(knownKeys.has(s.key)).toBe(true);
  });

  it('the receipt: saved, code, when to come back, fee', () => {
    const texts = receiptSpeech(t, {
      code: 'H42.18562.K02-261124-0001',
      procedureName: procedure.name.vi,
      returnText: 'Trả kết quả trước 17:00 thứ Hai, ngày 23/11/2026',
      amountVnd: 2000,
    }).map((s) => s.text);
    expect(texts).toEqual([
      'Đã lưu hồ sơ',
      'Mã hồ sơ',
      'H42.18562.K02-261124-0001',
      `Thủ tục: ${procedure.name.vi}.`,
      'Hẹn trả kết quả',
      'Trả kết quả trước 17:00 thứ Hai, ngày 23/11/2026',
      'Lệ phí: 2.000 đ.',
      t('speech:keepSlip'),
    ]);
  });

  it('a wizard step: the question, the field being filled with its value, and errors', () => {
    const texts = declarationStepSpeech(t, {
      title: 'Bước 1/3: Người yêu cầu',
      alert: 'Còn 1 ô cần sửa.',
      field: { label: 'Số định danh cá nhân', value: '', error: 'Cần 12 chữ số.' },
    }).map((s) => s.text);
    expect(texts).toEqual([
      'Bước 1/3: Người yêu cầu',
      'Có lỗi cần sửa.',
      'Còn 1 ô cần sửa.',
      'Số định danh cá nhân',
      'Ô này đang trống.',
      'Cần 12 chữ số.',
    ]);
  });
});
