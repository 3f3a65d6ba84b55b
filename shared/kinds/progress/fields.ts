import { type KindSpec, SEQ_FIELD } from '../field.ts';

const ALLOCATED = ['Kinh phí được giao', 'Kinh phí được phân bổ', 'Kinh phí phân bổ', 'Kinh phí giao', 'Kế hoạch vốn', 'Vốn được giao', 'Dự toán được giao', 'Kinh phí'];
const DISBURSED = ['Kinh phí đã giải ngân', 'Đã giải ngân', 'Giải ngân', 'Kinh phí đã thực hiện', 'Đã thực hiện', 'Kinh phí thực hiện', 'Kết quả giải ngân'];
const TOTAL = ['Tổng', 'Tổng số', 'Cộng', 'Tổng cộng'];

export const PROGRESS: KindSpec = {
  kind: 'progress',
  label: 'Báo cáo tiến độ',
  fields: [
    SEQ_FIELD,
    { id: 'projectCode', type: 'text', headers: ['Mã', 'Mã dự án', 'Mã số', 'Mã DA'] },
    {
      id: 'project',
      type: 'text',
      headers: ['Nội dung', 'Dự án/Tiểu dự án', 'Dự án, tiểu dự án', 'Tên dự án, tiểu dự án', 'Tên dự án', 'Dự án', 'Tiểu dự án', 'Nội dung thực hiện', 'Chỉ tiêu'],
    },
    { id: 'lead', type: 'text', headers: ['Cơ quan chủ trì', 'Đơn vị chủ trì', 'Chủ trì', 'Cơ quan, đơn vị chủ trì', 'Đơn vị thực hiện'] },
    {
      id: 'beneficiaryCount',
      type: 'number',
      headers: ['Số đối tượng thụ hưởng', 'Số người được hỗ trợ', 'Số đối tượng', 'Số người hưởng lợi', 'Số đối tượng được hỗ trợ', 'Số người thụ hưởng'],
    },
    { id: 'allocatedTotal', type: 'money', headers: ALLOCATED, under: ALLOCATED, sub: TOTAL },
    { id: 'allocatedCentral', type: 'money', headers: ['NSTW', 'Ngân sách Trung ương', 'Kinh phí NSTW'], under: ALLOCATED, sub: ['NSTW', 'Ngân sách Trung ương', 'Trung ương', 'Vốn NSTW'] },
    { id: 'allocatedLocal', type: 'money', headers: ['NSĐP', 'Ngân sách địa phương', 'Kinh phí NSĐP'], under: ALLOCATED, sub: ['NSĐP', 'Ngân sách địa phương', 'Địa phương', 'Vốn NSĐP'] },
    { id: 'allocatedMobilised', type: 'money', headers: ['Huy động', 'Vốn huy động', 'Kinh phí huy động'], under: ALLOCATED, sub: ['Huy động', 'Vốn huy động', 'Nguồn huy động', 'Huy động khác'] },
    { id: 'disbursed', type: 'money', headers: DISBURSED, under: DISBURSED, sub: TOTAL },
    { id: 'status', type: 'text', headers: ['Tiến độ', 'Tình hình thực hiện', 'Tiến độ thực hiện', 'Kết quả thực hiện', 'Tình trạng'] },
    { id: 'obstacles', type: 'text', headers: ['Khó khăn, vướng mắc', 'Khó khăn', 'Vướng mắc', 'Tồn tại, vướng mắc'] },
    { id: 'proposals', type: 'text', headers: ['Kiến nghị, đề xuất', 'Kiến nghị', 'Đề xuất'] },
  ],
  required: ['project'],
  requiredOneOf: [['beneficiaryCount', 'allocatedTotal', 'disbursed']],
  labelField: 'project',
};
