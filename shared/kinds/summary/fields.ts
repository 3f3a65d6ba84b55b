import type { HouseholdCategory } from '../../plans/plan.ts';
import { INDICATORS } from '../../standards/index.ts';
import { type FieldSpec, type KindSpec, SEQ_FIELD } from '../field.ts';
import { DEPRIVATION_GROUP } from '../households/fields.ts';

/**
 * The summary forms the commune fills after the review (docs/official-forms-research.md §5), one
 * row a village (or a commune, in the district's copy) and a total row:
 * - report 1, "TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO": total households, then per
 *   category the number of households and its rate ("3=2/1*100");
 * - reports 4 and 6, "PHÂN TÍCH CÁC CHỈ SỐ THIẾU HỤT …": the category's households, the sum of
 *   the deprivations, and the households deprived on each of the 12 indicators.
 * One kind holds both: a sheet has the columns of one or the other, and the checks use what is there.
 */

/** Not "Tổng số hộ" as a group: it would also be the start of "Tổng số hộ nghèo". */
const TOTAL_GROUP = ['Tổng số hộ dân cư', 'Hộ dân cư', 'Tổng số hộ chung', 'Tổng số hộ dân cư trên địa bàn'];
const COUNT_SUB = ['Số hộ', 'Tổng số', 'Số lượng'];
const RATE_SUB = ['Tỷ lệ', 'Tỷ lệ %', 'Tỷ lệ hộ'];

/** A category's two columns: its count and its rate, as "Hộ nghèo: Số hộ | Tỷ lệ (%)" or in one row. */
function categoryFields(id: HouseholdCategory, group: readonly string[], counts: readonly string[], rates: readonly string[]): FieldSpec[] {
  return [
    { id, type: 'integer', headers: counts, under: group, sub: COUNT_SUB },
    { id: `${id}Rate`, type: 'number', headers: rates, under: group, sub: RATE_SUB },
  ];
}

export const SUMMARY: KindSpec = {
  kind: 'summary',
  label: 'Bảng tổng hợp',
  fields: [
    SEQ_FIELD,
    {
      id: 'place',
      type: 'text',
      headers: [
        'Thôn',
        'Thôn, xóm',
        'Thôn/Xóm',
        'Thôn, bản',
        'Thôn, bản, tổ dân phố',
        'Xóm',
        'Tên thôn',
        'Địa bàn',
        'Đơn vị',
        'Tên đơn vị',
        'Đơn vị hành chính',
        'Xã',
        'Phường/Xã',
        'Xã/Phường',
        'Xã, phường, thị trấn',
      ],
      required: true,
    },
    {
      id: 'totalHouseholds',
      type: 'integer',
      headers: [...TOTAL_GROUP, 'Tổng số hộ', 'Số hộ dân cư', 'Tổng số hộ trên địa bàn'],
      under: TOTAL_GROUP,
      sub: COUNT_SUB,
    },
    ...categoryFields(
      'poor',
      ['Hộ nghèo', 'Kết quả rà soát hộ nghèo', 'Số hộ nghèo'],
      ['Số hộ nghèo', 'Tổng số hộ nghèo', 'Hộ nghèo', 'Số hộ nghèo sau rà soát'],
      ['Tỷ lệ hộ nghèo', 'Tỷ lệ nghèo'],
    ),
    ...categoryFields(
      'nearPoor',
      ['Hộ cận nghèo', 'Kết quả rà soát hộ cận nghèo', 'Số hộ cận nghèo'],
      ['Số hộ cận nghèo', 'Tổng số hộ cận nghèo', 'Hộ cận nghèo', 'Số hộ cận nghèo sau rà soát'],
      ['Tỷ lệ hộ cận nghèo', 'Tỷ lệ cận nghèo'],
    ),
    ...categoryFields(
      'newlyEscaped',
      ['Hộ mới thoát nghèo', 'Hộ thoát nghèo', 'Số hộ thoát nghèo'],
      ['Số hộ mới thoát nghèo', 'Số hộ thoát nghèo', 'Hộ mới thoát nghèo', 'Hộ thoát nghèo', 'Tổng số hộ thoát nghèo', 'Tổng số hộ mới thoát nghèo'],
      ['Tỷ lệ hộ mới thoát nghèo', 'Tỷ lệ hộ thoát nghèo', 'Tỷ lệ thoát nghèo'],
    ),
    {
      id: 'deprivationTotal',
      type: 'integer',
      headers: ['Tổng số thiếu hụt', 'Tổng số chỉ số thiếu hụt', 'Tổng số lượt thiếu hụt', 'Tổng chỉ số thiếu hụt'],
    },
    ...INDICATORS.map(
      (d): FieldSpec => ({ id: d.id, type: 'integer', headers: [d.name, ...d.aliases], under: DEPRIVATION_GROUP, sub: [d.name, ...d.aliases] }),
    ),
    { id: 'note', type: 'text', headers: ['Ghi chú'] },
  ],
  required: ['place'],
  labelField: 'place',
};

/** Each category's count column and rate column, in the order the form has them. */
export const SUMMARY_CATEGORIES: readonly { category: HouseholdCategory; count: string; rate: string }[] = [
  { category: 'poor', count: 'poor', rate: 'poorRate' },
  { category: 'nearPoor', count: 'nearPoor', rate: 'nearPoorRate' },
  { category: 'newlyEscaped', count: 'newlyEscaped', rate: 'newlyEscapedRate' },
];

/** The title words that say whose deprivations a report counts ("… CỦA HỘ CẬN NGHÈO"), near-poor first (it contains "hộ nghèo" only after "cận"). */
export const DEPRIVATION_TITLES: readonly { category: HouseholdCategory; words: RegExp }[] = [
  { category: 'nearPoor', words: /\bcua ho can ngheo\b/ },
  { category: 'poor', words: /\bcua ho ngheo\b/ },
];

/** The row labels that name the whole table, not a village: the total row, when it is written as a row of the table. */
export const SUMMARY_TOTAL_LABELS: readonly string[] = ['tong cong', 'tong so', 'tong', 'cong', 'toan xa', 'tong cong toan xa', 'cong toan xa', 'toan huyen', 'toan tinh'];
