import type { FieldDefInput, FormDefInput } from '../model.ts';
import {
  CIVIL_STATUS_BASIS,
  CIVIL_STATUS_PLEDGE,
  copiesFields,
  ethnicityField,
  f,
  idField,
  l,
  nameField,
  nationalityField,
  phoneField,
  placePicks,
  requesterSignature,
  residenceFields,
  sexField,
} from './common.ts';
import { FORM_PROCEDURES } from '../form-procedures.ts';

/** Shown while the father is being declared (the "not determined" box is not ticked). */
const FATHER_DECLARED = { field: 'father.undetermined', equals: '' } as const;

const parentSection = (who: 'mother' | 'father'): FormDefInput['sections'][number] => {
  const vi = who === 'mother' ? 'mẹ' : 'cha';
  // The father's details are asked only while he is declared; the mother's always.
  const onlyDeclared = who === 'father' ? { showWhen: FATHER_DECLARED } : {};
  const fields: FieldDefInput[] = [
    nameField(
      `${who}.fullName`,
      `Họ, chữ đệm, tên người ${vi}`,
      `${who === 'mother' ? "Mother's" : "Father's"} full name`,
    ),
    // The official form asks for the parents' year of birth ("Năm sinh"); a card scan
    // fills it from the date of birth, and it cross-checks the ID number.
    f(`${who}.birthYear`, 'Năm sinh', 'Year of birth', 'number', {
      required: true,
      number: { integer: true, min: 1900, maxCurrentYear: true },
      autofill: 'birthYear',
      print: { label: 'Năm sinh' },
    }),
    ethnicityField(`${who}.ethnicity`),
    nationalityField(`${who}.nationality`),
    ...residenceFields(`${who}.residence`, true),
    idField(`${who}.personalId`, false, { birthYearField: `${who}.birthYear`, sexField: `${who}.sex` }),
    // Fixed by the section (the card's sex is checked against it); not asked, not printed.
    f(`${who}.sex`, 'Giới tính', 'Sex', 'sex', {
      defaultValue: who === 'mother' ? 'female' : 'male',
      print: { hidden: true },
    }),
  ].map((field) => ({ ...field, ...onlyDeclared }));
  return {
    id: who,
    title: who === 'mother' ? l('Thông tin người mẹ', 'The mother') : l('Thông tin người cha', 'The father'),
    acceptsIdCard: true,
    // The declarant is this parent: their name, ID and residence are already entered.
    samePersonAs: { section: 'requester', when: { field: 'requester.relationship', equals: who } },
    fields:
      who === 'father'
        ? [
            // One clear choice on the father's own step; when ticked, nothing else is asked
            // and the father's part is not printed: "phần ghi về cha … để trống" when the
            // father is not determined (Nghị định 123/2015/NĐ-CP, Art. 15(2)).
            f('father.undetermined', 'Chưa xác định được cha', 'The father is not determined', 'checkbox', {
              help: l(
                'Đánh dấu nếu chưa xác định được người cha. Phần thông tin người cha sẽ để trống và không in.',
                "Tick if the father is not determined. The father's part stays blank and is not printed.",
              ),
              print: { hidden: true },
            }),
            ...fields,
          ]
        : fields,
  };
};

/**
 * Tờ khai đăng ký khai sinh — the form annexed to Circular 04/2020/TT-BTP. Field order
 * and notes follow the published form: requester, the child, mother, father, copies.
 */
export const birthRegistrationForm: FormDefInput = {
  id: 'birth-registration',
  title: l('Tờ khai đăng ký khai sinh', 'Birth registration declaration'),
  procedures: [...FORM_PROCEDURES['birth-registration']],
  officialForm: {
    name: l(
      'Tờ khai đăng ký khai sinh — mẫu ban hành kèm Thông tư 04/2020/TT-BTP',
      'Birth registration declaration — form annexed to Circular 04/2020/TT-BTP',
    ),
    legalBasis: CIVIL_STATUS_BASIS,
    note: 'Fields checked against the published text of the form (requester, child, mother, father, copies).',
  },
  sections: [
    {
      id: 'requester',
      title: l('Người đi khai sinh', 'Person registering the birth'),
      acceptsIdCard: true,
      fields: [
        nameField('requester.fullName', 'Họ, chữ đệm, tên người yêu cầu', 'Full name of the requester'),
        ...residenceFields('requester.residence', true),
        idField('requester.personalId', true),
        f(
          'requester.relationship',
          'Quan hệ với người được khai sinh',
          'Relationship to the child',
          'select',
          {
            required: true,
            options: [
              { value: 'mother', label: l('Mẹ', 'Mother') },
              { value: 'father', label: l('Cha', 'Father') },
              { value: 'grandparent', label: l('Ông/bà', 'Grandparent') },
              { value: 'relative', label: l('Người thân thích khác', 'Other relative') },
              { value: 'carer', label: l('Người đang nuôi dưỡng', 'Carer') },
            ],
          },
        ),
        phoneField('requester.phone'),
      ],
    },
    {
      id: 'child',
      title: l('Người được khai sinh', 'The child'),
      description: l('Ghi theo giấy chứng sinh.', 'As on the hospital birth certificate (giấy chứng sinh).'),
      fields: [
        f('child.fullName', 'Họ, chữ đệm, tên', 'Full name', 'name', {
          required: true,
          maxLength: 100,
          print: { label: 'Họ, chữ đệm, tên' },
        }),
        f('child.dateOfBirth', 'Ngày, tháng, năm sinh', 'Date of birth', 'date', {
          required: true,
          date: { notFuture: true, maxAgeYears: 120 },
        }),
        sexField('child.sex'),
        ethnicityField('child.ethnicity'),
        nationalityField('child.nationality'),
        f('child.placeOfBirth', 'Nơi sinh', 'Place of birth', 'text', {
          capitalise: 'words',
          required: true,
          maxLength: 200,
          help: l(
            'Tên cơ sở y tế nếu sinh tại bệnh viện, trạm y tế; nếu không, ghi xã, tỉnh.',
            'The hospital or health station; otherwise the commune and province.',
          ),
          suggestions: placePicks('requester.residence'),
        }),
        f('child.hometown', 'Quê quán', 'Home town (quê quán)', 'text', {
          capitalise: 'words',
          required: true,
          maxLength: 200,
          help: l(
            'Theo quê quán của cha hoặc mẹ, theo thỏa thuận.',
            "The father's or mother's home town, as agreed.",
          ),
          suggestions: placePicks('requester.residence'),
        }),
      ],
    },
    parentSection('mother'),
    parentSection('father'),
    {
      id: 'copies',
      title: l('Bản sao', 'Copies'),
      fields: copiesFields('copies'),
    },
  ],
  print: {
    nationalHeader: true,
    title: 'TỜ KHAI ĐĂNG KÝ KHAI SINH',
    addressee: { label: 'Kính gửi' },
    pledge: CIVIL_STATUS_PLEDGE,
    placeDateLine: true,
    signatures: [requesterSignature('requester.fullName')],
  },
};
