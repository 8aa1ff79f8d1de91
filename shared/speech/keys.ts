/**
 * The text keys a recorded clip can stand for. Only texts that do not change from one
 * citizen to the next have a key (headings, plain-language explanations, procedure names):
 * dates, codes and amounts are always spoken by the Vietnamese voice, since a clip cannot
 * know them.
 */
import type { Catalogue } from '../domain/procedure.ts';
import { REFORM_MODEL_IDS } from '../domain/reform-model.ts';
import { REFORM_MODELS } from '../domain/reform-models.ts';

export const STATIC_SPEECH_KEYS = [
  'today.openNow',
  'today.closedNow',
  'today.holiday',
  'today.noModels',
  'procedure.documents',
  'procedure.fee',
  'procedure.feeFree',
  'procedure.feeVaries',
  'procedure.time',
  'receipt.saved',
  'receipt.code',
  'receipt.returnAt',
  'receipt.keepSlip',
  'declaration.error',
] as const;

export const modelSpeechKey = (model: string, part: 'name' | 'explanation') => `model.${model}.${part}`;
export const procedureSpeechKey = (code: string) => `procedure.${code}.name`;

/** Every key a clip may be published for, with this catalogue. */
export function speechKeysFor(catalogue: Pick<Catalogue, 'procedures'>): Set<string> {
  const keys = new Set<string>(STATIC_SPEECH_KEYS);
  for (const model of REFORM_MODEL_IDS) {
    keys.add(modelSpeechKey(model, 'name'));
    keys.add(modelSpeechKey(model, 'explanation'));
  }
  for (const p of catalogue.procedures) keys.add(procedureSpeechKey(p.code));
  return keys;
}

/**
 * What each fixed key says in Vietnamese, for the office's recording page (staff record the
 * same meaning in their language). The kiosk's screens take these words from their locale
 * files; renderer/features/speech/segments.test.ts checks the two agree.
 */
export const STATIC_SPEECH_TEXTS: Readonly<Record<(typeof STATIC_SPEECH_KEYS)[number], string>> = {
  'today.openNow': 'Đang mở cửa',
  'today.closedNow': 'Đang đóng cửa',
  'today.holiday': 'Hôm nay là ngày nghỉ lễ.',
  'today.noModels': 'Hôm nay không có ngày cải cách nào. Ông/bà vẫn có thể tìm mọi thủ tục.',
  'procedure.documents': 'Giấy tờ cần mang',
  'procedure.fee': 'Lệ phí',
  'procedure.feeFree': 'Miễn lệ phí',
  'procedure.feeVaries': 'Mức thu tuỳ trường hợp',
  'procedure.time': 'Thời hạn giải quyết',
  'receipt.saved': 'Đã lưu hồ sơ',
  'receipt.code': 'Mã hồ sơ',
  'receipt.returnAt': 'Hẹn trả kết quả',
  'receipt.keepSlip': 'Ông/bà giữ giấy tiếp nhận này để nhận kết quả.',
  'declaration.error': 'Có lỗi cần sửa.',
};

/** Every key a clip may be published for, with the Vietnamese words it stands for. */
export function speechKeyTexts(catalogue: Pick<Catalogue, 'procedures'>): Map<string, string> {
  const texts = new Map<string, string>(Object.entries(STATIC_SPEECH_TEXTS));
  for (const model of REFORM_MODEL_IDS) {
    texts.set(modelSpeechKey(model, 'name'), REFORM_MODELS[model].name.vi);
    texts.set(modelSpeechKey(model, 'explanation'), REFORM_MODELS[model].explanation.vi);
  }
  for (const p of catalogue.procedures) texts.set(procedureSpeechKey(p.code), p.name.vi);
  return texts;
}
