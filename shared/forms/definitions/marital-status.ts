import type { FormDefInput } from '../model.ts';
import {
  CIVIL_STATUS_BASIS,
  CIVIL_STATUS_PLEDGE,
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

const forOther = { field: 'request.forWhom', equals: 'other' } as const;
const previouslyMarried = { field: 'status.current', equals: ['divorced', 'widowed'] };

/**
 * Tờ khai cấp Giấy xác nhận tình trạng hôn nhân — form annexed to Circular 04/2020/TT-BTP.
 * The marital status is written as Circular 04/2020 Art. 33 describes (never married,
 * married to…, divorced by judgment no…, widowed by death certificate no…); the proof of a
 * previous marriage's end is asked only when the person was married before.
 */
export const maritalStatusForm: FormDefInput = {
  id: 'marital-status',
  title: l('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'Marital-status certificate declaration'),
  procedures: [...FORM_PROCEDURES['marital-status']],
  officialForm: {
    name: l(
      'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân — mẫu ban hành kèm Thông tư 04/2020/TT-BTP',
      'Declaration for a marital-status certificate — form annexed to Circular 04/2020/TT-BTP',
    ),
    legalBasis: [...CIVIL_STATUS_BASIS, 'Thông tư 04/2020/TT-BTP, Điều 33 (cách ghi tình trạng hôn nhân)'],
  },
  sections: [
    {
      id: 'requester',
      title: l('Người yêu cầu', 'Requester'),
      acceptsIdCard: true,
      fields: [
        nameField('requester.fullName', 'Họ, chữ đệm, tên người yêu cầu', 'Full name of the requester'),
        dobField('requester.dateOfBirth'),
        sexField('requester.sex'),
        ethnicityField('requester.ethnicity'),
        nationalityField('requester.nationality'),
        ...residenceFields('requester.residence', true),
        idField('requester.personalId', true, {
          dateOfBirthField: 'requester.dateOfBirth',
          sexField: 'requester.sex',
        }),
        phoneField('requester.phone'),
        f('request.forWhom', 'Xác nhận cho ai', 'Certificate for whom', 'select', {
          required: true,
          defaultValue: 'self',
          options: [
            { value: 'self', label: l('Cho bản thân tôi', 'For myself') },
            { value: 'other', label: l('Cho người khác', 'For someone else') },
          ],
          print: { hidden: true },
        }),
        f('request.relationship', 'Quan hệ với người được xác nhận', 'Relationship to that person', 'text', {
          showWhen: forOther,
          requiredWhen: forOther,
          maxLength: 100,
          suggestions: RELATIONSHIP_PICKS,
        }),
      ],
    },
    {
      id: 'subject',
      title: l('Người được xác nhận', 'Person to certify'),
      showWhen: forOther,
      acceptsIdCard: true,
      fields: [
        nameField('subject.fullName', 'Họ, chữ đệm, tên', 'Full name'),
        dobField('subject.dateOfBirth'),
        sexField('subject.sex'),
        ethnicityField('subject.ethnicity'),
        nationalityField('subject.nationality'),
        ...residenceFields('subject.residence', true),
        idField('subject.personalId', true, {
          dateOfBirthField: 'subject.dateOfBirth',
          sexField: 'subject.sex',
        }),
      ],
      print: { heading: 'Đề nghị cấp Giấy xác nhận tình trạng hôn nhân cho người có tên dưới đây' },
    },
    {
      id: 'status',
      title: l('Tình trạng hôn nhân', 'Marital status'),
      fields: [
        f('status.current', 'Tình trạng hôn nhân hiện tại', 'Current marital status', 'select', {
          required: true,
          options: [
            { value: 'never-married', label: l('Chưa đăng ký kết hôn với ai', 'Never married') },
            { value: 'married', label: l('Đang có vợ/chồng', 'Married') },
            { value: 'divorced', label: l('Đã ly hôn, chưa kết hôn mới', 'Divorced, not remarried') },
            { value: 'widowed', label: l('Vợ/chồng đã chết, chưa kết hôn mới', 'Widowed, not remarried') },
          ],
        }),
        f('status.spouseName', 'Họ, chữ đệm, tên vợ/chồng', "Spouse's full name", 'name', {
          showWhen: { field: 'status.current', equals: ['married', 'divorced', 'widowed'] },
          requiredWhen: { field: 'status.current', equals: ['married', 'divorced', 'widowed'] },
          maxLength: 100,
        }),
        f(
          'status.previousMarriageEnd',
          'Giấy tờ chấm dứt hôn nhân trước (bản án/quyết định ly hôn, giấy chứng tử/trích lục khai tử): số, cơ quan cấp',
          'Proof the previous marriage ended (divorce judgment or death certificate): number and issuer',
          'text',
          { showWhen: previouslyMarried, requiredWhen: previouslyMarried, maxLength: 200 },
        ),
        f('status.previousMarriageEndDate', 'Ngày cấp giấy tờ đó', 'Date of that document', 'date', {
          showWhen: previouslyMarried,
          requiredWhen: previouslyMarried,
          date: { notFuture: true },
        }),
        f(
          'status.previousResidences',
          'Nơi đã cư trú trước đây và thời gian (nếu cần xác nhận)',
          'Previous places of residence and periods (when they must be certified)',
          'textarea',
          { maxLength: 500 },
        ),
      ],
    },
    {
      id: 'purpose',
      title: l('Mục đích sử dụng', 'Purpose'),
      fields: [
        f('purpose.kind', 'Mục đích sử dụng giấy xác nhận', 'What the certificate is for', 'select', {
          required: true,
          options: [
            { value: 'marriage', label: l('Để đăng ký kết hôn', 'To register a marriage') },
            { value: 'other', label: l('Mục đích khác', 'Another purpose') },
          ],
        }),
        f('purpose.partnerName', 'Kết hôn với (họ, chữ đệm, tên)', 'Marrying (full name)', 'name', {
          showWhen: { field: 'purpose.kind', equals: 'marriage' },
          requiredWhen: { field: 'purpose.kind', equals: 'marriage' },
          maxLength: 100,
        }),
        f('purpose.where', 'Nơi dự định đăng ký kết hôn', 'Where the marriage will be registered', 'text', {
          capitalise: 'words',
          showWhen: { field: 'purpose.kind', equals: 'marriage' },
          maxLength: 200,
          suggestions: placePicks('requester.residence'),
        }),
        f('purpose.other', 'Mục đích', 'Purpose', 'text', {
          showWhen: { field: 'purpose.kind', equals: 'other' },
          requiredWhen: { field: 'purpose.kind', equals: 'other' },
          maxLength: 200,
        }),
      ],
    },
  ],
  print: {
    nationalHeader: true,
    title: 'TỜ KHAI CẤP GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN',
    addressee: { label: 'Kính gửi' },
    pledge: CIVIL_STATUS_PLEDGE,
    placeDateLine: true,
    signatures: [requesterSignature('requester.fullName')],
  },
};
