/** Building blocks shared by the civil-status declarations of Circular 04/2020/TT-BTP. */
import type { FieldDefInput, FormDefInput, Suggestion } from '../model.ts';
import { ETHNIC_GROUPS } from '../ethnicities.ts';

type L = { vi: string; en: string };
const l = (vi: string, en: string): L => ({ vi, en });

export const SIGN_HINT = l('(Ký, ghi rõ họ, chữ đệm, tên)', '(Sign and write your full name)');

/** The pledge printed on every Circular 04/2020 declaration. */
export const CIVIL_STATUS_PLEDGE =
  'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.';

export const CIVIL_STATUS_BASIS = [
  'Luật Hộ tịch 2014 (60/2014/QH13)',
  'Nghị định 123/2015/NĐ-CP',
  'Thông tư 04/2020/TT-BTP (Phụ lục: mẫu tờ khai)',
  'Nghị định 120/2025/NĐ-CP (thẩm quyền cấp xã từ 01/7/2025)',
];

export const requesterSignature = (nameField: string): FormDefInput['print']['signatures'][number] => ({
  role: l('Người yêu cầu', 'Requester'),
  hint: SIGN_HINT,
  nameField,
  fingerprint: true,
});

export const f = (
  id: string,
  vi: string,
  en: string,
  type: FieldDefInput['type'],
  extra: Partial<FieldDefInput> = {},
): FieldDefInput => ({ id, label: l(vi, en), type, ...extra });

/** Residence (nơi cư trú): province and commune from the post-2025 units, then free text. */
export function residenceFields(
  prefix: string,
  required: boolean,
  printLabel = 'Nơi cư trú',
): FieldDefInput[] {
  return [
    f(`${prefix}.province`, 'Tỉnh/thành phố', 'Province/city', 'province', {
      required,
      autofill: 'addressProvince',
      print: { label: printLabel },
    }),
    f(`${prefix}.commune`, 'Xã/phường/đặc khu', 'Commune/ward', 'commune', {
      required,
      provinceField: `${prefix}.province`,
      autofill: 'addressCommune',
      print: { sameLine: true },
    }),
    f(`${prefix}.detail`, 'Số nhà, đường, thôn/xóm/tổ', 'House number, street, hamlet', 'address-detail', {
      required,
      maxLength: 200,
      autofill: 'addressDetail',
      print: { sameLine: true },
    }),
  ];
}

/** Identity paper (giấy tờ tùy thân): the personal ID number, checked against DOB and sex when known. */
export function idField(
  id: string,
  required: boolean,
  holder: { dateOfBirthField?: string; birthYearField?: string; sexField?: string } = {},
): FieldDefInput {
  return f(id, 'Số định danh cá nhân (CCCD)', 'Personal ID number (chip ID card)', 'personal-id', {
    required,
    personalId: holder,
    autofill: 'personalId',
    print: { label: 'Giấy tờ tùy thân (số định danh cá nhân)' },
  });
}

export const nameField = (id: string, vi: string, en: string, required = true): FieldDefInput =>
  f(id, vi, en, 'name', {
    required,
    maxLength: 100,
    autofill: 'fullName',
    print: { label: 'Họ, chữ đệm, tên' },
  });

export const dobField = (id: string, required = true, extra: Partial<FieldDefInput> = {}): FieldDefInput =>
  f(id, 'Ngày, tháng, năm sinh', 'Date of birth', 'date', {
    required,
    date: { notFuture: true, maxAgeYears: 120 },
    autofill: 'dateOfBirth',
    ...extra,
  });

export const sexField = (id: string, required = true): FieldDefInput =>
  f(id, 'Giới tính', 'Sex', 'sex', { required, autofill: 'sex' });

export const ethnicityField = (id: string, required = true): FieldDefInput =>
  f(id, 'Dân tộc', 'Ethnicity', 'ethnicity', {
    required,
    defaultValue: 'Kinh',
    maxLength: 50,
    // The first groups of the official list (Kinh, Tày, Thái, Hoa, Khơ-me, Mường, Nùng,
    // Mông), one tap each; any other is typed.
    suggestions: ETHNIC_GROUPS.slice(0, 8).map((g) => l(g, g)),
    print: { sameLine: true },
  });

export const nationalityField = (id: string, required = true): FieldDefInput =>
  f(id, 'Quốc tịch', 'Nationality', 'nationality', {
    required,
    defaultValue: 'Việt Nam',
    maxLength: 50,
    suggestions: [l('Việt Nam', 'Vietnam')],
    autofill: 'nationality',
    print: { sameLine: true },
  });

export const phoneField = (id: string, required = false): FieldDefInput =>
  f(id, 'Số điện thoại', 'Phone number', 'phone', { required, print: { label: 'Số điện thoại' } });

/** "Đề nghị cấp bản sao: Có □ Không □; số lượng: … bản" on Circular 04/2020 declarations. */
export function copiesFields(prefix: string): FieldDefInput[] {
  return [
    f(
      `${prefix}.wantCopies`,
      'Đề nghị cấp bản sao trích lục',
      'Request certified extract copies',
      'checkbox',
      {
        print: { label: 'Đề nghị cấp bản sao' },
      },
    ),
    f(`${prefix}.copies`, 'Số lượng bản sao', 'Number of copies', 'number', {
      showWhen: { field: `${prefix}.wantCopies`, equals: 'true' },
      requiredWhen: { field: `${prefix}.wantCopies`, equals: 'true' },
      number: { integer: true, min: 1, max: 20 },
      suggestions: COPY_COUNT_PICKS,
      print: { label: 'Số lượng', sameLine: true },
    }),
  ];
}

/** Quick picks for a number of copies. */
export const COPY_COUNT_PICKS = ['1', '2', '3', '5'].map((n) => l(n, n));

/**
 * Quick picks for a free-text relationship to another person (the deceased, the person a
 * marital-status certificate is for): the family words people answer with.
 */
export const RELATIONSHIP_PICKS = [
  l('Vợ', 'Wife'),
  l('Chồng', 'Husband'),
  l('Con', 'Child'),
  l('Cha', 'Father'),
  l('Mẹ', 'Mother'),
  l('Anh', 'Elder brother'),
  l('Chị', 'Elder sister'),
  l('Em', 'Younger sibling'),
  l('Cháu', 'Grandchild, nephew or niece'),
];

/**
 * Quick picks for a place typed as "xã, tỉnh" (nơi sinh, quê quán, nơi chết): the office's
 * own commune, then that of the residence entered under `residenceOf` when it differs.
 */
export const placePicks = (residenceOf?: string): Suggestion[] => [
  { place: 'office' },
  ...(residenceOf ? [{ place: 'residence' as const, of: residenceOf }] : []),
];

export { l };
