// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../shared/catalogue/procedures.ts';
import { findProcedure } from '../../../shared/catalogue/index.ts';
import { buildDeclarationDocument } from '../../../shared/print/declaration.ts';
import { sampleValues } from '../../../shared/print/test-support.ts';
import { listForms } from '../../../shared/forms/registry.ts';
import { testProfile, vn } from '../../../shared/domain/test-support.ts';
import { speechKeysFor, STATIC_SPEECH_TEXTS } from '../../../shared/speech/keys.ts';
import { initI18n } from '../../i18n/index.ts';
import { resources } from '../../i18n/resources.ts';
import { lookupSpeech } from '../status-lookup/lookup-speech.ts';
import { satisfactionSpeech } from '../satisfaction/satisfaction-speech.ts';
import {
  catalogueSpeech,
  declarationStepSpeech,
  groupSpeech,
  printedDocumentSpeech,
  receiptSpeech,
  todayDeskSpeech,
  procedureSpeech,
} from './segments.ts';
import { loadAdminUnits } from '../../../shared/admin-units/index.ts';

// Place codes in the forms are checked against the administrative units, fetched on demand.
beforeAll(() => loadAdminUnits());

// An English screen still speaks Vietnamese: the voice is Vietnamese.
const i18n = initI18n('en', resources);
const t = i18n.getFixedT('vi');
const knownKeys = speechKeysFor(CATALOGUE);

describe('the screens added to "Nghe"', () => {
  it('Today: "Đang mở cửa", then only the hours, not the header sentence again', () => {
    const open = todayDeskSpeech(
      t,
      { kind: 'open', until: vn('2026-11-23 11:30') },
      'Đang mở cửa, làm việc đến 11:30',
    );
    expect(open).toEqual({ headline: 'Đang mở cửa', key: 'today.openNow', detail: 'Làm việc đến 11:30.' });
    const lunch = todayDeskSpeech(t, { kind: 'break' }, 'Đang nghỉ trưa, mở lại lúc 13:30');
    expect(lunch).toEqual({ headline: 'Đang nghỉ trưa, mở lại lúc 13:30', key: null, detail: null });
  });

  it('the catalogue: the fields with their examples and counts, then how to search; a search reads its results', () => {
    const groups = catalogueSpeech(t, {
      kind: 'groups',
      groups: [{ name: 'Hộ tịch', examples: 'khai sinh, kết hôn', count: 5 }],
    }).map((s) => s.text);
    expect(groups).toEqual([
      'Tìm thủ tục',
      'Chọn lĩnh vực',
      'Hộ tịch. khai sinh, kết hôn. 5 thủ tục.',
      'Hoặc gõ tên thủ tục, việc cần làm. Có thể gõ không dấu.',
    ]);
    const results = catalogueSpeech(t, {
      kind: 'results',
      procedures: CATALOGUE.procedures.slice(0, 2).map((p) => ({ code: p.code, name: p.name.vi })),
      truncatedAt: null,
    });
    expect(results.map((s) => s.text).slice(0, 3)).toEqual([
      'Tìm thủ tục',
      'Kết quả tìm kiếm: 2 kết quả.',
      CATALOGUE.procedures[0]!.name.vi,
    ]);
    const none = catalogueSpeech(t, { kind: 'results', procedures: [], truncatedAt: null });
    expect(none.map((s) => s.text)).toContain(
      'Không tìm thấy thủ tục phù hợp. Ông/bà hãy chọn lĩnh vực bên dưới, hoặc nhờ tình nguyện viên, cán bộ giúp.',
    );
    const group = groupSpeech({ name: 'Chứng thực' }, [{ code: '2.000815', name: 'Chứng thực bản sao' }]);
    expect(group).toEqual([
      { text: 'Chứng thực' },
      { text: 'Chứng thực bản sao', key: 'procedure.2.000815.name' },
    ]);
    for (const s of [...results, ...group]) if (s.key) expect(knownKeys.has(s.key)).toBe(true);
  });

  it('the status look-up: how to look up, an unknown code, and a result with its code and what to do', () => {
    const tl = i18n.getFixedT('vi', 'statusLookup');
    expect(lookupSpeech(tl, null).map((s) => s.text)[0]).toBe('Tra cứu hồ sơ');
    expect(lookupSpeech(tl, { kind: 'unknown', code: 'H01-261123-0001' })[0]!.text).toMatch(
      /^Không tìm thấy hồ sơ có mã H01-261123-0001\./,
    );
    const ready = lookupSpeech(tl, {
      kind: 'found',
      code: 'H01-261123-0001',
      procedure: { code: '2.000815', name: { vi: 'Chứng thực bản sao', en: 'Certified copy' } },
      initials: 'H.T.M.',
      receivedAt: '2026-11-23T02:10:00.000Z',
      state: 'status',
      status: 'result-ready',
      reason: null,
      updatedAt: '2026-11-23T03:00:00.000Z',
      age: { unit: 'minutes', count: 5 },
    }).map((s) => s.text);
    expect(ready.slice(0, 3)).toEqual([
      'Mã hồ sơ: H01-261123-0001.',
      'Có kết quả.',
      'Đã có kết quả. Mời ông/bà đến Bộ phận Một cửa nhận kết quả, nhớ mang giấy tiếp nhận và căn cước.',
    ]);
    expect(ready).toContain('Thủ tục: Chứng thực bản sao.');
    expect(ready.join(' ')).toContain('5 phút trước');
  });

  it('satisfaction: the question and the answers; once chosen, the reasons and which are chosen; a failure', () => {
    const ts = i18n.getFixedT('vi', 'satisfaction');
    expect(satisfactionSpeech(ts, { phase: 'choose', level: null, reasons: [] }).map((s) => s.text)).toEqual([
      'Ông/bà có hài lòng với việc giải quyết hồ sơ hôm nay không?',
      'Chạm vào một lựa chọn. Rất hài lòng; Hài lòng; Không hài lòng.',
    ]);
    const chosen = satisfactionSpeech(ts, { phase: 'failed', level: 'satisfied', reasons: ['fast'] }).map(
      (s) => s.text,
    );
    expect(chosen).toContain('Hài lòng (đã chọn).');
    expect(chosen.join(' ')).toContain('Nhanh chóng (đã chọn)');
    expect(chosen.at(-1)).toBe('Chưa lưu được đánh giá. Ông/bà có thể thử lại hoặc bỏ qua.');
  });

  it('a wizard step with a validation error says that there is one, and the error itself', () => {
    const texts = declarationStepSpeech(t, {
      title: 'Bước 1/3: Người yêu cầu chứng thực',
      alert: 'Còn 1 ô cần sửa.',
      field: {
        label: 'Số định danh cá nhân (CCCD)',
        value: '0041',
        error: 'Số định danh gồm đúng 12 chữ số.',
      },
    }).map((s) => s.text);
    expect(texts).toContain('Có lỗi cần sửa.');
    expect(texts).toContain('Số định danh gồm đúng 12 chữ số.');
  });

  it('the printed declaration is read from the printed page itself, block by block', () => {
    const form = listForms()[0]!;
    const values = sampleValues(form);
    const { html } = buildDeclarationDocument({
      form,
      values,
      procedure: findProcedure(form.procedures[0]!)!,
      profile: testProfile(),
      lang: 'vi',
      printedAt: vn('2026-11-24 09:00'),
    });
    const texts = printedDocumentSpeech(html).map((s) => s.text);
    expect(texts.length).toBeGreaterThan(5);
    // What was filled in is read, each value once at most per block, and no markup leaks.
    const someValue = Object.entries(values).find(([k]) => /fullName$/.test(k))![1];
    expect(texts).toContain(`Họ, chữ đệm, tên: ${someValue}`);
    expect(texts.slice(0, 3)).toEqual([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'TỜ KHAI ĐĂNG KÝ KHAI SINH',
    ]);
    expect(texts.join('\n')).not.toMatch(/<|>|\{|\}/);
    expect(texts.every((s) => /[\p{L}\p{N}]/u.test(s))).toBe(true);
  });

  it('the fixed texts a clip stands for are the screens’ own words', () => {
    const said = [
      ...procedureSpeech(t, CATALOGUE.procedures[0]!, {
        fee: CATALOGUE.procedures[0]!.fee,
        amountVnd: 0,
        promise: [],
      }),
      ...receiptSpeech(t, { code: 'X', procedureName: 'Y', returnText: 'Z', amountVnd: 0 }),
    ];
    for (const s of said)
      if (s.key && s.key in STATIC_SPEECH_TEXTS)
        expect(s.text).toBe(STATIC_SPEECH_TEXTS[s.key as keyof typeof STATIC_SPEECH_TEXTS]);
    expect(t('today.openNow')).toBe(STATIC_SPEECH_TEXTS['today.openNow']);
    expect(t('today.noModels')).toBe(STATIC_SPEECH_TEXTS['today.noModels']);
  });
});
