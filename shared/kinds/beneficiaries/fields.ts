import { type KindSpec, SEQ_FIELD } from '../field.ts';

export const BENEFICIARIES: KindSpec = {
  kind: 'beneficiaries',
  label: 'Danh sách đối tượng được hỗ trợ',
  fields: [
    SEQ_FIELD,
    {
      id: 'project',
      type: 'text',
      headers: ['Dự án/Tiểu dự án', 'Dự án', 'Tiểu dự án', 'Mã dự án', 'Thuộc dự án', 'Dự án, tiểu dự án', 'Chương trình/Dự án'],
    },
    {
      id: 'fullName',
      type: 'text',
      headers: [
        'Họ và tên',
        'Họ tên',
        'Họ tên người được hỗ trợ',
        'Họ và tên người được hỗ trợ',
        'Họ và tên đối tượng',
        'Tên đối tượng',
        'Họ và tên người thụ hưởng',
      ],
      required: true,
    },
    { id: 'birthDate', type: 'yearOrDate', headers: ['Ngày sinh', 'Năm sinh', 'Ngày tháng năm sinh', 'Ngày, tháng, năm sinh'] },
    { id: 'gender', type: 'gender', headers: ['Giới tính'] },
    {
      id: 'idNumber',
      type: 'idNumber',
      headers: ['Số CCCD', 'Mã định danh', 'Số định danh cá nhân', 'CCCD/CMND', 'CMND/CCCD', 'Số CCCD/CMND', 'Mã định danh cá nhân', 'Số định danh', 'CCCD'],
    },
    { id: 'householdCode', type: 'text', headers: ['Mã hộ', 'Mã số hộ', 'Mã hộ gia đình'] },
    { id: 'householdHead', type: 'text', headers: ['Chủ hộ', 'Họ tên chủ hộ', 'Họ và tên chủ hộ', 'Tên chủ hộ', 'Thuộc hộ'] },
    { id: 'village', type: 'text', headers: ['Thôn', 'Thôn/Xóm', 'Xóm', 'Thôn, xóm', 'Thôn/bản'] },
    { id: 'supportType', type: 'text', headers: ['Nội dung hỗ trợ', 'Hình thức hỗ trợ', 'Nội dung', 'Loại hỗ trợ'] },
    { id: 'supportDate', type: 'date', headers: ['Ngày hỗ trợ', 'Thời gian', 'Thời gian hỗ trợ', 'Ngày nhận hỗ trợ', 'Ngày nhận'] },
    { id: 'amount', type: 'money', headers: ['Kinh phí', 'Số tiền', 'Kinh phí hỗ trợ', 'Số tiền hỗ trợ', 'Thành tiền', 'Mức hỗ trợ'] },
    { id: 'disabled', type: 'mark', headers: ['Người khuyết tật', 'NKT', 'Khuyết tật', 'Là người khuyết tật'] },
    { id: 'note', type: 'text', headers: ['Ghi chú'] },
  ],
  required: ['project', 'fullName'],
  labelField: 'fullName',
};
