import { engineKind } from '../kind.ts';
import { BENEFICIARY_RECORD } from './record.ts';
import { BENEFICIARIES } from './fields.ts';
import { BENEFICIARY_SHEET } from './sheet.ts';

/** Danh sách đối tượng được hỗ trợ: the people each sub-project supported (SPEC section 3). Its rules: shared/rules/beneficiaries.ts. */
export const BENEFICIARIES_KIND = engineKind({
  id: 'beneficiaries',
  spec: BENEFICIARIES,
  names: { vi: 'Danh sách đối tượng được hỗ trợ', en: 'Beneficiary list', inline: 'danh sách đối tượng hỗ trợ' },
  pageNames: { vi: 'Danh sách đối tượng hỗ trợ', en: 'Beneficiary lists' },
  due: ['H1', 'Y'],
  record: BENEFICIARY_RECORD,
  // A commune may send each sub-project's list on its own.
  partOf: (b) => b.project,
  workbook: {
    kindName: 'Danh sách đối tượng hỗ trợ',
    statusGroup: 'Danh sách đối tượng',
    sheetName: 'Đối tượng hỗ trợ',
    sheetTitle: 'DANH SÁCH ĐỐI TƯỢNG ĐƯỢC HỖ TRỢ',
    unit: 'Kinh phí: đồng; x: có.',
    sheet: BENEFICIARY_SHEET,
  },
  tally: { count: (tally, b) => tally.beneficiary(b) },
});
