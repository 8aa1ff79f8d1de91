import type { FormDefInput } from '../model.ts';
import {
  dobField,
  ethnicityField,
  f,
  idField,
  l,
  nameField,
  nationalityField,
  phoneField,
  requesterSignature,
  residenceFields,
  sexField,
} from './common.ts';
import { FORM_PROCEDURES } from '../form-procedures.ts';

const isFamily = { field: 'business.ownerKind', equals: 'family' } as const;

/**
 * Giấy đề nghị đăng ký hộ kinh doanh — application to register a household business
 * (1.001612) with the commune business registration office, under Decree 168/2025/NĐ-CP
 * on business registration (in force 1 July 2025). The field list follows the content the
 * application form has carried (name, address, lines of business, capital, workers, owner,
 * household members); the annex number of the implementing circular could not be verified,
 * so none is cited.
 */
export const householdBusinessForm: FormDefInput = {
  id: 'household-business',
  title: l('Giấy đề nghị đăng ký hộ kinh doanh', 'Household-business registration application'),
  procedures: [...FORM_PROCEDURES['household-business']],
  officialForm: {
    name: l(
      'Giấy đề nghị đăng ký hộ kinh doanh — theo Nghị định 168/2025/NĐ-CP',
      'Application for household-business registration — under Decree 168/2025/NĐ-CP',
    ),
    legalBasis: ['Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp (hộ kinh doanh)'],
    note: 'Fields per the content of the application; the official annex number is not cited because it was not verified. Check against the form in force before relying on the print layout.',
  },
  sections: [
    {
      id: 'business',
      title: l('Hộ kinh doanh', 'The business'),
      fields: [
        f('business.name', 'Tên hộ kinh doanh', 'Business name', 'text', {
          required: true,
          maxLength: 200,
          help: l('Gồm “Hộ kinh doanh” và tên riêng.', '“Hộ kinh doanh” followed by the proper name.'),
        }),
        ...residenceFields('business.address', true, 'Địa chỉ trụ sở hộ kinh doanh').map((field) => ({
          ...field,
          autofill: undefined,
        })),
        f('business.phone', 'Điện thoại', 'Phone', 'phone', { required: true }),
        f('business.email', 'Thư điện tử (nếu có)', 'Email (if any)', 'email'),
        f('business.lines', 'Ngành, nghề kinh doanh', 'Lines of business', 'textarea', {
          required: true,
          maxLength: 1000,
        }),
        f('business.capital', 'Vốn kinh doanh (đồng)', 'Business capital (VND)', 'number', {
          required: true,
          number: { integer: true, min: 0, currency: 'vnd' },
        }),
        f('business.workers', 'Số lượng lao động', 'Number of workers', 'number', {
          number: { integer: true, min: 0, max: 10000 },
        }),
        f('business.ownerKind', 'Hộ kinh doanh do', 'The business is set up by', 'select', {
          required: true,
          defaultValue: 'individual',
          options: [
            { value: 'individual', label: l('Một cá nhân', 'One individual') },
            { value: 'family', label: l('Các thành viên hộ gia đình', 'Members of a family') },
          ],
        }),
      ],
    },
    {
      id: 'owner',
      title: l('Chủ hộ kinh doanh', 'Owner'),
      acceptsIdCard: true,
      fields: [
        nameField('owner.fullName', 'Họ, chữ đệm, tên', 'Full name'),
        dobField('owner.dateOfBirth', true, { date: { notFuture: true, maxAgeYears: 120 } }),
        sexField('owner.sex'),
        ethnicityField('owner.ethnicity'),
        nationalityField('owner.nationality'),
        idField('owner.personalId', true, { dateOfBirthField: 'owner.dateOfBirth', sexField: 'owner.sex' }),
        ...residenceFields('owner.residence', true, 'Địa chỉ thường trú'),
        phoneField('owner.phone'),
        f('owner.email', 'Thư điện tử', 'Email', 'email'),
      ],
    },
    {
      id: 'members',
      title: l('Thành viên hộ gia đình', 'Family members'),
      showWhen: isFamily,
      description: l(
        'Các thành viên cùng đăng ký hộ kinh doanh; kèm biên bản họp thành viên ủy quyền cho chủ hộ.',
        'Members registering together; attach their minutes appointing the owner.',
      ),
      fields: [
        f(
          'members.list',
          'Họ tên, ngày sinh, số định danh của từng thành viên (mỗi người một dòng)',
          'Name, date of birth and ID number of each member (one per line)',
          'textarea',
          {
            requiredWhen: isFamily,
            maxLength: 2000,
          },
        ),
      ],
    },
  ],
  print: {
    nationalHeader: true,
    title: 'GIẤY ĐỀ NGHỊ ĐĂNG KÝ HỘ KINH DOANH',
    addressee: { label: 'Kính gửi' },
    pledge:
      'Tôi cam kết về tính hợp pháp, chính xác, trung thực và hoàn toàn chịu trách nhiệm trước pháp luật về nội dung kê khai trên đây.',
    placeDateLine: true,
    signatures: [{ ...requesterSignature('owner.fullName'), role: l('Chủ hộ kinh doanh', 'Business owner') }],
  },
};
