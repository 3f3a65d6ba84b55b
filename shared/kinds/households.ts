import type { KindSpec, FieldSpec } from './field.ts';
import { INDICATORS } from '../standards/index.ts';
import { POVERTY_REASONS } from './reasons.ts';

const BIRTH_GROUP = ['Năm sinh', 'Ngày sinh', 'Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'Năm sinh chủ hộ'];
const CATEGORY_GROUP = ['Phân loại hộ', 'Loại hộ', 'Phân loại', 'Kết quả phân loại'];
const DEPRIVATION_GROUP = [
  'Các chỉ số thiếu hụt dịch vụ xã hội cơ bản',
  'Các chỉ số thiếu hụt',
  'Chỉ số thiếu hụt',
  'Thiếu hụt dịch vụ xã hội cơ bản',
  'Mức độ thiếu hụt',
  'Các chỉ số thiếu hụt đo lường nghèo đa chiều',
];
const REASON_GROUP = ['Nguyên nhân nghèo', 'Nguyên nhân', 'Nguyên nhân nghèo, cận nghèo'];

const fields: FieldSpec[] = [
  { id: 'seq', type: 'ignored', headers: ['STT', 'TT', 'Số TT', 'Số thứ tự'] },
  { id: 'householdCode', type: 'text', headers: ['Mã hộ', 'Mã số hộ', 'Mã hộ gia đình', 'Mã HGĐ'] },
  {
    id: 'headName',
    type: 'text',
    headers: ['Họ và tên chủ hộ', 'Họ tên chủ hộ', 'Chủ hộ', 'Tên chủ hộ', 'Họ và tên chủ hộ gia đình'],
    required: true,
  },
  { id: 'headBirthYear', type: 'yearOrDate', headers: BIRTH_GROUP },
  { id: 'headBirthYear.male', type: 'yearOrDate', headers: [], under: BIRTH_GROUP, sub: ['Nam'] },
  { id: 'headBirthYear.female', type: 'yearOrDate', headers: [], under: BIRTH_GROUP, sub: ['Nữ'] },
  { id: 'headGender', type: 'gender', headers: ['Giới tính', 'Giới tính chủ hộ'] },
  {
    id: 'idNumber',
    type: 'idNumber',
    headers: [
      'Số CCCD',
      'Số định danh cá nhân',
      'CCCD/CMND',
      'CMND/CCCD',
      'Số CCCD/CMND',
      'Số CMND/CCCD',
      'Số CMND',
      'CCCD',
      'Số định danh',
      'Mã định danh',
      'Mã định danh cá nhân',
      'Số căn cước công dân',
      'Số căn cước',
    ],
    required: true,
  },
  { id: 'ethnicity', type: 'text', headers: ['Dân tộc'] },
  {
    id: 'village',
    type: 'text',
    headers: ['Thôn', 'Thôn/Xóm', 'Xóm', 'Thôn, xóm', 'Thôn/bản', 'Bản', 'Thôn/tổ dân phố', 'Địa chỉ (thôn)'],
    required: true,
  },
  {
    id: 'size',
    type: 'integer',
    headers: ['Số nhân khẩu', 'Số khẩu', 'Nhân khẩu', 'Số người trong hộ', 'Số thành viên'],
    required: true,
  },
  { id: 'category', type: 'category', headers: CATEGORY_GROUP, required: true },
  { id: 'category.poor', type: 'mark', headers: ['Hộ nghèo'], under: CATEGORY_GROUP, sub: ['Hộ nghèo', 'Nghèo'] },
  {
    id: 'category.nearPoor',
    type: 'mark',
    headers: ['Hộ cận nghèo'],
    under: CATEGORY_GROUP,
    sub: ['Hộ cận nghèo', 'Cận nghèo'],
  },
  {
    id: 'category.newlyEscaped',
    type: 'mark',
    headers: ['Hộ mới thoát nghèo'],
    under: CATEGORY_GROUP,
    sub: ['Hộ mới thoát nghèo', 'Mới thoát nghèo'],
  },
  {
    id: 'income',
    type: 'money',
    headers: [
      'Thu nhập bình quân',
      'TNBQ',
      'Thu nhập bình quân đầu người',
      'Thu nhập bình quân người/tháng',
      'Thu nhập',
    ],
  },
  { id: 'b1Score', type: 'number', headers: ['Điểm B1', 'Tổng điểm B1', 'B1', 'Điểm thu nhập (B1)'] },
  { id: 'b2Score', type: 'number', headers: ['Điểm B2', 'Tổng điểm B2', 'B2', 'Điểm thiếu hụt (B2)'] },
  {
    id: 'beginningCategory',
    type: 'category',
    headers: ['Phân loại đầu kỳ', 'Đầu năm', 'Phân loại đầu năm', 'Loại hộ đầu kỳ', 'Loại hộ đầu năm', 'Đầu kỳ'],
  },
  ...POVERTY_REASONS.map(
    (r): FieldSpec => ({ id: `reasons.${r.id}`, type: 'mark', headers: r.aliases, under: REASON_GROUP, sub: r.aliases }),
  ),
  ...INDICATORS.map(
    (d): FieldSpec => ({
      id: d.id,
      type: 'mark',
      headers: [d.name, ...d.aliases],
      under: DEPRIVATION_GROUP,
      sub: [d.name, ...d.aliases],
    }),
  ),
  {
    id: 'deprivationCount',
    type: 'integer',
    headers: [
      'Tổng số chỉ số thiếu hụt',
      'Số chỉ số thiếu hụt',
      'Tổng chỉ số thiếu hụt',
      'Tổng số chỉ số thiếu hụt dịch vụ xã hội cơ bản',
      'Số chỉ số thiếu hụt dịch vụ xã hội cơ bản',
      'Tổng số thiếu hụt',
    ],
  },
  {
    id: 'meritFamily',
    type: 'mark',
    headers: ['Hộ có người có công', 'Người có công', 'Có người có công', 'Hộ người có công', 'Hộ NCC'],
  },
  {
    id: 'noWorkCapacity',
    type: 'mark',
    headers: [
      'Hộ không có khả năng lao động',
      'Không có KNLĐ',
      'Không có khả năng lao động',
      'Hộ không có KNLĐ',
      'Hộ không còn khả năng lao động',
    ],
  },
  { id: 'escapedYear', type: 'year', headers: ['Năm thoát nghèo', 'Thoát nghèo năm'] },
  { id: 'note', type: 'text', headers: ['Ghi chú'] },
];

export const HOUSEHOLDS: KindSpec = {
  kind: 'households',
  label: 'Danh sách hộ',
  fields,
  required: ['headName', 'idNumber', 'village', 'size', 'category'],
  labelField: 'headName',
};
