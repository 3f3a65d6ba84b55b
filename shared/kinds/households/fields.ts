import type { KindSpec, FieldSpec } from '../field.ts';
import { INDICATORS } from '../../standards/index.ts';
import { POVERTY_REASONS } from '../reasons.ts';

const BIRTH_GROUP = ['Năm sinh', 'Ngày sinh', 'Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'Năm sinh chủ hộ'];
const CATEGORY_GROUP = ['Phân loại hộ', 'Loại hộ', 'Phân loại', 'Kết quả phân loại'];
/** The group header over the twelve indicator columns (the summary forms use it too). */
export const DEPRIVATION_GROUP = [
  'Các chỉ số thiếu hụt dịch vụ xã hội cơ bản',
  'Các chỉ số thiếu hụt',
  'Chỉ số thiếu hụt',
  'Thiếu hụt dịch vụ xã hội cơ bản',
  'Mức độ thiếu hụt',
  'Các chỉ số thiếu hụt đo lường nghèo đa chiều',
];
const REASON_GROUP = ['Nguyên nhân nghèo', 'Nguyên nhân', 'Nguyên nhân nghèo, cận nghèo'];
/** "CHIA HỘ NGHÈO THEO: Nghèo mới | Tái nghèo | Nghèo cũ" (the national software's detail list, docs/official-forms-research.md §4.2). */
const POOR_SPLIT = ['Chia hộ nghèo theo', 'Hộ nghèo chia theo', 'Chia ra hộ nghèo'];
const NEAR_POOR_SPLIT = ['Chia hộ cận nghèo theo', 'Hộ cận nghèo chia theo', 'Chia ra hộ cận nghèo'];

/** "Chính sách hỗ trợ tiếp cận với các dịch vụ xã hội cơ bản": the support a household receives (research §4.2). */
const SUPPORT_GROUP = ['Chính sách hỗ trợ tiếp cận với các dịch vụ xã hội cơ bản', 'Chính sách hỗ trợ', 'Chính sách được hỗ trợ', 'Hỗ trợ tiếp cận dịch vụ xã hội cơ bản'];
const SUPPORTS: readonly [string, string[]][] = [
  ['health', ['Hỗ trợ y tế', 'Y tế']],
  ['education', ['Hỗ trợ giáo dục', 'Giáo dục']],
  ['production', ['Hỗ trợ sản xuất', 'Sản xuất']],
  ['credit', ['Hỗ trợ vay vốn tín dụng', 'Vay vốn tín dụng', 'Tín dụng', 'Vay vốn']],
  ['housing', ['Hỗ trợ nhà ở', 'Nhà ở']],
  ['other', ['Khác', 'Hỗ trợ khác']],
];

/** A category mark under a "CHIA HỘ … THEO" group: any one of them names the category. */
function splitMark(id: string, under: readonly string[], sub: string[]): FieldSpec {
  return { id, type: 'mark', headers: [], under, sub };
}

const fields: FieldSpec[] = [
  { id: 'seq', type: 'ignored', headers: ['STT', 'TT', 'Số TT', 'Số thứ tự', 'STT chủ hộ', 'STT hộ', 'Số TT hộ'] },
  // Person-per-row lists (a head row, then one row per member): research §4.1 and §4.2.
  { id: 'memberSeq', type: 'ignored', headers: ['STT thành viên hộ', 'STT thành viên', 'STT nhân khẩu', 'STT người'] },
  { id: 'householdCode', type: 'text', headers: ['Mã hộ', 'Mã số hộ', 'Mã hộ gia đình', 'Mã HGĐ'] },
  {
    id: 'headName',
    type: 'text',
    headers: [
      'Họ và tên chủ hộ',
      'Họ tên chủ hộ',
      'Chủ hộ',
      'Tên chủ hộ',
      'Họ và tên chủ hộ gia đình',
      // One name column for the head and, on the rows under it, the members.
      'Họ, tên chủ hộ và thành viên trong hộ',
      'Họ và tên chủ hộ và thành viên trong hộ',
      'Họ và tên chủ hộ và thành viên',
      'Họ tên chủ hộ và thành viên',
    ],
    required: true,
  },
  {
    id: 'memberName',
    type: 'text',
    headers: ['Họ và tên thành viên', 'Họ tên thành viên', 'Tên thành viên', 'Họ và tên thành viên hộ', 'Họ và tên thành viên trong hộ'],
  },
  {
    id: 'relationship',
    type: 'text',
    headers: ['Quan hệ với chủ hộ', 'Quan hệ với chủ hộ gia đình', 'Quan hệ với CH', 'QH với chủ hộ', 'Quan hệ'],
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
    headers: [
      'Thôn',
      'Thôn/Xóm',
      'Xóm',
      'Thôn, xóm',
      'Thôn/bản',
      'Bản',
      'Thôn/tổ dân phố',
      'Địa chỉ (thôn)',
      'Thôn, bon, buôn, tổ dân phố',
      'Thôn, bản, tổ dân phố',
      'Tổ dân phố',
    ],
    required: true,
  },
  // An address ("Thôn 3, xã Xuân Hoà"): where a list has no village column, the village is read from it.
  { id: 'address', type: 'text', headers: ['Địa chỉ', 'Địa chỉ thường trú', 'Nơi cư trú', 'Nơi ở hiện nay', 'Địa chỉ cư trú'] },
  // Where the national software's exports say where the household lives (research §4.1): carried, not checked.
  { id: 'villageCode', type: 'text', headers: ['Mã thôn', 'Mã thôn/tổ'] },
  { id: 'commune', exact: true, type: 'text', headers: ['Xã', 'Tên xã', 'Xã/phường', 'Phường/Xã', 'Xã, phường, thị trấn'] },
  { id: 'communeCode', type: 'text', headers: ['Mã xã', 'Mã đơn vị hành chính xã'] },
  { id: 'district', exact: true, type: 'text', headers: ['Huyện', 'Quận/Huyện', 'Huyện/thị xã'] },
  { id: 'districtCode', type: 'text', headers: ['Mã huyện'] },
  { id: 'province', exact: true, type: 'text', headers: ['Tỉnh', 'Tỉnh/Thành phố', 'Tỉnh/TP'] },
  { id: 'provinceCode', type: 'text', headers: ['Mã tỉnh'] },
  { id: 'age', exact: true, type: 'integer', headers: ['Tuổi'] },
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
  splitMark('category.poorNew', POOR_SPLIT, ['Nghèo mới', 'Hộ nghèo mới', 'Phát sinh mới']),
  splitMark('category.poorAgain', POOR_SPLIT, ['Tái nghèo', 'Hộ tái nghèo']),
  splitMark('category.poorOld', POOR_SPLIT, ['Nghèo cũ', 'Hộ nghèo cũ']),
  splitMark('category.nearPoorNew', NEAR_POOR_SPLIT, ['Cận nghèo mới', 'Hộ cận nghèo mới', 'Phát sinh mới']),
  splitMark('category.nearPoorAgain', NEAR_POOR_SPLIT, ['Tái cận nghèo', 'Hộ tái cận nghèo']),
  splitMark('category.nearPoorOld', NEAR_POOR_SPLIT, ['Cận nghèo cũ', 'Hộ cận nghèo cũ']),
  {
    id: 'recognitionDecision',
    type: 'text',
    headers: ['Quyết định công nhận', 'Số quyết định công nhận', 'QĐ công nhận', 'Số QĐ công nhận', 'Số quyết định', 'Số QĐ'],
  },
  {
    id: 'recognitionDate',
    type: 'date',
    headers: ['Ngày ban hành QĐ', 'Ngày ban hành quyết định', 'Ngày quyết định', 'Ngày QĐ', 'Ngày công nhận'],
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
  {
    id: 'b1Score',
    type: 'number',
    headers: ['Điểm B1', 'Tổng điểm B1', 'B1', 'Điểm thu nhập (B1)', 'Điểm phiếu B1', 'Tổng điểm phiếu B1'],
  },
  {
    id: 'b2Score',
    type: 'number',
    headers: ['Điểm B2', 'Tổng điểm B2', 'B2', 'Điểm thiếu hụt (B2)', 'Điểm phiếu B2', 'Tổng điểm phiếu B2'],
  },
  { id: 'quickScreen', type: 'text', headers: ['Kết quả phiếu rà soát nhanh', 'Kết quả phiếu A', 'Phiếu A'] },
  {
    id: 'beginningCategory',
    type: 'category',
    headers: ['Phân loại đầu kỳ', 'Đầu năm', 'Phân loại đầu năm', 'Loại hộ đầu kỳ', 'Loại hộ đầu năm', 'Đầu kỳ'],
  },
  // The reasons in one column ("Thiếu vốn; Thiếu đất sản xuất", or their numbers 1–8), as exports write them.
  { id: 'reasonList', type: 'text', headers: [...REASON_GROUP, 'Nguyên nhân nghèo chính', 'Nguyên nhân chính'] },
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
  // The deprived indicators in one column ("1, 4, 9", "CS1; CS4", or their names), as exports write them.
  {
    id: 'deprivationList',
    type: 'text',
    headers: ['Các chỉ số thiếu hụt', 'Các chỉ số bị thiếu hụt', 'Mã chỉ số thiếu hụt', 'Mã các chỉ số thiếu hụt', 'Các chỉ số thiếu hụt dịch vụ xã hội cơ bản'],
  },
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
    headers: [
      'Hộ có người có công',
      'Người có công',
      'Có người có công',
      'Hộ người có công',
      'Hộ NCC',
      'Hộ chính sách có công',
      'Hộ CSCC',
      'Hộ có thành viên là người có công',
      'Hộ có thành viên là người có công với cách mạng',
    ],
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
      'Hộ KCKNLĐ',
      'Hộ không KNLĐ',
    ],
  },
  { id: 'ethnicMinority', type: 'mark', headers: ['Hộ DTTS', 'Hộ dân tộc thiểu số', 'Hộ là dân tộc thiểu số'] },
  { id: 'localEthnic', type: 'mark', headers: ['Hộ DTTC', 'Hộ dân tộc thiểu số tại chỗ', 'Hộ DT tại chỗ'] },
  { id: 'escapedYear', type: 'year', headers: ['Năm thoát nghèo', 'Thoát nghèo năm'] },
  ...SUPPORTS.map(([id, sub]): FieldSpec => ({ id: `support.${id}`, type: 'mark', headers: [], under: SUPPORT_GROUP, sub })),
  { id: 'note', type: 'text', headers: ['Ghi chú'] },
];

export const HOUSEHOLDS: KindSpec = {
  kind: 'households',
  label: 'Danh sách hộ',
  fields,
  required: ['headName', 'idNumber', 'village', 'size', 'category'],
  labelField: 'headName',
};
