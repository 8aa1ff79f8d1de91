import type { FormDefInput } from '../model.ts';
import {
  CIVIL_STATUS_BASIS,
  SIGN_HINT,
  copiesFields,
  dobField,
  ethnicityField,
  f,
  idField,
  l,
  nameField,
  nationalityField,
  phoneField,
  residenceFields,
} from './common.ts';
import { FORM_PROCEDURES } from '../form-procedures.ts';

const partner = (who: 'bride' | 'groom'): FormDefInput['sections'][number] => {
  const sex = who === 'bride' ? 'female' : 'male';
  return {
    id: who,
    title: who === 'bride' ? l('Bên nữ', 'The bride') : l('Bên nam', 'The groom'),
    acceptsIdCard: true,
    fields: [
      nameField(`${who}.fullName`, 'Họ, chữ đệm, tên', 'Full name'),
      dobField(`${who}.dateOfBirth`, true, {
        date: { notFuture: true, maxAgeYears: 120, marriageAgeOf: sex },
      }),
      ethnicityField(`${who}.ethnicity`),
      nationalityField(`${who}.nationality`),
      ...residenceFields(`${who}.residence`, true),
      idField(`${who}.personalId`, true, { dateOfBirthField: `${who}.dateOfBirth`, sexField: `${who}.sex` }),
      f(`${who}.marriageNumber`, 'Kết hôn lần thứ mấy', 'Which marriage is this (1 = first)', 'number', {
        required: true,
        defaultValue: '1',
        number: { integer: true, min: 1, max: 20 },
      }),
      phoneField(`${who}.phone`),
      // The side decides the sex; kept as a hidden value so the ID's sex digit is checked.
      f(`${who}.sex`, 'Giới tính', 'Sex', 'sex', { defaultValue: sex, print: { hidden: true } }),
    ],
    print: { column: who === 'bride' ? 'left' : 'right', heading: who === 'bride' ? 'Bên nữ' : 'Bên nam' },
  };
};

/**
 * Tờ khai đăng ký kết hôn — the form annexed to Circular 04/2020/TT-BTP: the bride's and
 * groom's particulars in two columns, both sign. Both must attend in person.
 */
export const marriageRegistrationForm: FormDefInput = {
  id: 'marriage-registration',
  title: l('Tờ khai đăng ký kết hôn', 'Marriage registration declaration'),
  procedures: [...FORM_PROCEDURES['marriage-registration']],
  officialForm: {
    name: l(
      'Tờ khai đăng ký kết hôn — mẫu ban hành kèm Thông tư 04/2020/TT-BTP',
      'Marriage registration declaration — form annexed to Circular 04/2020/TT-BTP',
    ),
    legalBasis: [...CIVIL_STATUS_BASIS, 'Luật Hôn nhân và gia đình 2014 (52/2014/QH13), Điều 8'],
    note: 'Two columns (Bên nữ / Bên nam) as on the published form; marriage age per Art. 8. The pledge sentence is quoted from memory of the published form: check it against the annex before relying on the exact wording.',
  },
  sections: [
    partner('bride'),
    partner('groom'),
    { id: 'copies', title: l('Bản sao', 'Copies'), fields: copiesFields('copies') },
  ],
  print: {
    nationalHeader: true,
    title: 'TỜ KHAI ĐĂNG KÝ KẾT HÔN',
    addressee: { label: 'Kính gửi' },
    pledge:
      'Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình Việt Nam. Chúng tôi chịu trách nhiệm trước pháp luật về cam đoan của mình.',
    placeDateLine: true,
    signatures: [
      { role: l('Bên nữ', 'The bride'), hint: SIGN_HINT, nameField: 'bride.fullName', fingerprint: true },
      { role: l('Bên nam', 'The groom'), hint: SIGN_HINT, nameField: 'groom.fullName', fingerprint: true },
    ],
  },
};
