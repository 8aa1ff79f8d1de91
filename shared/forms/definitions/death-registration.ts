import type { FormDefInput } from '../model.ts';
import {
  CIVIL_STATUS_BASIS,
  CIVIL_STATUS_PLEDGE,
  copiesFields,
  dobField,
  ethnicityField,
  f,
  idField,
  l,
  nameField,
  nationalityField,
  phoneField,
  placePicks,
  RELATIONSHIP_PICKS,
  requesterSignature,
  residenceFields,
  sexField,
} from './common.ts';
import { FORM_PROCEDURES } from '../form-procedures.ts';

/**
 * Tờ khai đăng ký khai tử — form annexed to Circular 04/2020/TT-BTP: requester, the
 * deceased (last residence), time, place and cause of death, the death notice (giấy báo
 * tử or its substitute), copies.
 */
export const deathRegistrationForm: FormDefInput = {
  id: 'death-registration',
  title: l('Tờ khai đăng ký khai tử', 'Death registration declaration'),
  procedures: [...FORM_PROCEDURES['death-registration']],
  officialForm: {
    name: l(
      'Tờ khai đăng ký khai tử — mẫu ban hành kèm Thông tư 04/2020/TT-BTP',
      'Death registration declaration — form annexed to Circular 04/2020/TT-BTP',
    ),
    legalBasis: CIVIL_STATUS_BASIS,
    note: 'Fields checked against the published text of the form.',
  },
  sections: [
    {
      id: 'requester',
      title: l('Người đi khai tử', 'Person registering the death'),
      acceptsIdCard: true,
      fields: [
        nameField('requester.fullName', 'Họ, chữ đệm, tên người yêu cầu', 'Full name of the requester'),
        ...residenceFields('requester.residence', true),
        idField('requester.personalId', true),
        f('requester.relationship', 'Quan hệ với người đã chết', 'Relationship to the deceased', 'text', {
          required: true,
          maxLength: 100,
          suggestions: RELATIONSHIP_PICKS,
        }),
        phoneField('requester.phone'),
      ],
    },
    {
      id: 'deceased',
      title: l('Người đã chết', 'The deceased'),
      acceptsIdCard: true,
      fields: [
        nameField('deceased.fullName', 'Họ, chữ đệm, tên', 'Full name'),
        dobField('deceased.dateOfBirth'),
        sexField('deceased.sex'),
        ethnicityField('deceased.ethnicity'),
        nationalityField('deceased.nationality'),
        ...residenceFields('deceased.residence', true, 'Nơi cư trú cuối cùng'),
        idField('deceased.personalId', false, {
          dateOfBirthField: 'deceased.dateOfBirth',
          sexField: 'deceased.sex',
        }),
      ],
    },
    {
      id: 'death',
      title: l('Thông tin về việc chết', 'The death'),
      fields: [
        f('death.time', 'Giờ chết (giờ:phút)', 'Time of death (hh:mm)', 'time', {
          print: { label: 'Đã chết vào lúc' },
        }),
        f('death.date', 'Ngày chết', 'Date of death', 'date', {
          required: true,
          date: { notFuture: true, notBeforeField: 'deceased.dateOfBirth' },
          print: { sameLine: true, label: 'ngày' },
        }),
        f('death.place', 'Nơi chết', 'Place of death', 'text', {
          required: true,
          maxLength: 200,
          capitalise: 'words',
          suggestions: placePicks('deceased.residence'),
        }),
        f('death.cause', 'Nguyên nhân chết', 'Cause of death', 'text', { required: true, maxLength: 200 }),
        f(
          'death.noticeNumber',
          'Số Giấy báo tử / giấy tờ thay thế',
          'Death notice (or substitute) number',
          'text',
          {
            required: true,
            maxLength: 50,
            print: { label: 'Số Giấy báo tử/Giấy tờ thay thế Giấy báo tử' },
          },
        ),
        f('death.noticeIssuer', 'Cơ quan cấp', 'Issued by', 'text', {
          required: true,
          maxLength: 200,
          print: { label: 'do', sameLine: true },
        }),
        f('death.noticeDate', 'Ngày cấp', 'Date of issue', 'date', {
          required: true,
          date: { notFuture: true, notBeforeField: 'death.date' },
          print: { label: 'cấp ngày', sameLine: true },
        }),
        ...copiesFields('copies'),
      ],
    },
  ],
  print: {
    nationalHeader: true,
    title: 'TỜ KHAI ĐĂNG KÝ KHAI TỬ',
    addressee: { label: 'Kính gửi' },
    pledge: CIVIL_STATUS_PLEDGE,
    placeDateLine: true,
    signatures: [requesterSignature('requester.fullName')],
  },
};
