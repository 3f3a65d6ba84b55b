import { PERIOD_PARTS } from '../../plans/plan.ts';
import { engineKind } from '../kind.ts';
import { PROGRESS_RECORD } from './record.ts';
import { PROGRESS } from './fields.ts';
import { PROGRESS_SHEET } from './sheet.ts';

/** Báo cáo tiến độ: each sub-project's funds and progress, every period (SPEC section 3). Its rules: shared/rules/progress.ts. */
export const PROGRESS_KIND = engineKind({
  id: 'progress',
  spec: PROGRESS,
  names: { vi: 'Báo cáo tiến độ', en: 'Progress report', inline: 'báo cáo tiến độ' },
  due: PERIOD_PARTS,
  record: PROGRESS_RECORD,
  workbook: {
    kindName: 'Báo cáo tiến độ',
    statusGroup: 'Báo cáo tiến độ',
    sheetName: 'Tiến độ',
    sheetTitle: 'BÁO CÁO TIẾN ĐỘ THỰC HIỆN CÁC DỰ ÁN, TIỂU DỰ ÁN',
    unit: 'Kinh phí: đồng; x: có.',
    sheet: PROGRESS_SHEET,
  },
  tally: { count: (tally, p) => tally.progress(p) },
});
