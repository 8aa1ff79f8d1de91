import type { FormDefInput } from '../model.ts';
import { f, idField, l, nameField, phoneField, requesterSignature, residenceFields } from './common.ts';
import { FORM_PROCEDURES } from '../form-procedures.ts';

const isCopy = { field: 'request.kind', equals: 'copy' } as const;
const isSignature = { field: 'request.kind', equals: ['signature', 'fingerprint'] };

/**
 * Phiếu yêu cầu chứng thực — the request for certification of copies from originals
 * (2.000815) and of signatures (2.000884, which also covers fingerprints and people who can
 * neither sign nor fingerprint). Basis: Decree 23/2015/NĐ-CP and Circular 01/2020/TT-BTP.
 * Certification of copies needs no declaration by law (the original and the copy are
 * enough); offices use a request slip to record who asked for what, so this slip records
 * exactly that. No official form number is cited: none could be verified.
 */
export const certificationRequestForm: FormDefInput = {
  id: 'certification-request',
  title: l('Phiếu yêu cầu chứng thực', 'Certification request'),
  procedures: [...FORM_PROCEDURES['certification-request']],
  procedureDefaults: { '2.000815': { 'request.kind': 'copy' }, '2.000884': { 'request.kind': 'signature' } },
  officialForm: {
    name: l(
      'Phiếu yêu cầu chứng thực (bản sao từ bản chính, chữ ký) — theo Nghị định 23/2015/NĐ-CP và Thông tư 01/2020/TT-BTP',
      'Certification request (copies from originals, signatures) — under Decree 23/2015/NĐ-CP and Circular 01/2020/TT-BTP',
    ),
    legalBasis: ['Nghị định 23/2015/NĐ-CP', 'Thông tư 01/2020/TT-BTP', 'Nghị định 120/2025/NĐ-CP'],
    note: 'No form number cited (not verified). Content: who asks, what is to be certified, how many copies/pages.',
  },
  sections: [
    {
      id: 'requester',
      title: l('Người yêu cầu chứng thực', 'Requester'),
      acceptsIdCard: true,
      fields: [
        nameField('requester.fullName', 'Họ, chữ đệm, tên người yêu cầu', 'Full name of the requester'),
        idField('requester.personalId', true),
        ...residenceFields('requester.residence', false, 'Địa chỉ'),
        phoneField('requester.phone'),
      ],
    },
    {
      id: 'request',
      title: l('Nội dung yêu cầu', 'What to certify'),
      fields: [
        f('request.kind', 'Loại việc chứng thực', 'Kind of certification', 'select', {
          required: true,
          options: [
            { value: 'copy', label: l('Chứng thực bản sao từ bản chính', 'Certified copy of an original') },
            { value: 'signature', label: l('Chứng thực chữ ký', 'Certification of a signature') },
            { value: 'fingerprint', label: l('Chứng thực điểm chỉ', 'Certification of a fingerprint') },
            {
              value: 'unable-to-sign',
              label: l('Người không thể ký, không thể điểm chỉ', 'Person unable to sign or fingerprint'),
            },
          ],
        }),
        f('request.documentName', 'Tên giấy tờ, văn bản', 'Name of the paper or document', 'text', {
          required: true,
          maxLength: 200,
          help: l(
            'Chọn nhanh bên dưới, hoặc gõ tên giấy tờ khác.',
            'Pick one below, or type the name of another paper.',
          ),
          // The papers most often certified at a commune desk (copies from originals for
          // school, jobs and land files); a choice people recognise, not a legal list.
          suggestions: [
            l('Giấy khai sinh', 'Birth certificate'),
            l('Căn cước công dân', 'Citizen identity card'),
            l('Bằng tốt nghiệp trung học phổ thông', 'Upper-secondary diploma'),
            l('Học bạ', 'School record'),
            l('Giấy chứng nhận quyền sử dụng đất', 'Land use right certificate'),
            l('Giấy chứng nhận kết hôn', 'Marriage certificate'),
            l('Bằng tốt nghiệp đại học', 'University degree'),
            l('Giấy phép lái xe', 'Driving licence'),
          ],
        }),
        f('request.copies', 'Số bản cần chứng thực', 'Number of copies to certify', 'number', {
          required: true,
          defaultValue: '1',
          number: { integer: true, min: 1, max: 100 },
          suggestions: [l('1', '1'), l('2', '2'), l('3', '3'), l('5', '5')],
        }),
        f('request.pagesPerCopy', 'Số trang mỗi bản', 'Pages per copy', 'number', {
          showWhen: isCopy,
          requiredWhen: isCopy,
          defaultValue: '1',
          number: { integer: true, min: 1, max: 500 },
          // The fee is counted on the original's pages (Thông tư 226/2016/TT-BTC).
          help: l(
            'Đếm số trang của bản chính. Lệ phí tính theo số trang và số bản.',
            "Count the original's pages. The fee depends on the pages and the number of copies.",
          ),
        }),
        f(
          'request.signedInPerson',
          'Tôi sẽ ký (điểm chỉ) trước mặt người thực hiện chứng thực',
          'I will sign (fingerprint) in front of the certifying officer',
          'checkbox',
          {
            showWhen: isSignature,
            requiredWhen: isSignature,
          },
        ),
      ],
    },
  ],
  print: {
    nationalHeader: true,
    title: 'PHIẾU YÊU CẦU CHỨNG THỰC',
    addressee: { label: 'Kính gửi' },
    pledge:
      'Tôi cam đoan giấy tờ, văn bản yêu cầu chứng thực là hợp pháp và chịu trách nhiệm trước pháp luật về nội dung yêu cầu của mình.',
    placeDateLine: true,
    signatures: [requesterSignature('requester.fullName')],
  },
};
