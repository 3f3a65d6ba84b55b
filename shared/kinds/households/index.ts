import { engineKind } from '../kind.ts';
import { HOUSEHOLD_RECORD } from './record.ts';
import { HOUSEHOLDS } from './fields.ts';
import { HOUSEHOLD_SHEET } from './sheet.ts';

/** Danh sách hộ: the poor, near-poor and newly escaped households of the commune (SPEC section 3). Its rules: shared/rules/households.ts. */
export const HOUSEHOLDS_KIND = engineKind({
  id: 'households',
  spec: HOUSEHOLDS,
  names: { vi: 'Danh sách hộ', en: 'Household list', inline: 'danh sách hộ' },
  due: ['H1', 'Y'],
  record: HOUSEHOLD_RECORD,
  workbook: {
    kindName: 'Danh sách hộ',
    statusGroup: 'Danh sách hộ',
    sheetName: 'Hộ',
    sheetTitle: 'DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO, HỘ MỚI THOÁT NGHÈO',
    unit: 'Thu nhập: đồng/người/tháng; x: có.',
    sheet: HOUSEHOLD_SHEET,
  },
  tally: {
    count: (tally, h, mergedRow) => tally.household(h, mergedRow),
    previous: (tally, h) => tally.previousHousehold(h),
    end: (tally) => tally.endHouseholds(),
  },
});
