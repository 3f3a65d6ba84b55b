import { storedKind } from '../../../shared/kinds/kind.ts';
import { SOURCE_COLUMNS } from '../../../shared/kinds/source-columns.ts';
import { TRAININGS } from './fields.ts';
import { TRAINEE_RECORD } from './record.ts';
import { type TraineeRecord, checkTrainings } from './rules.ts';

/** A fourth stored kind for the tests: due every period, checked by its own rules, merged into its own sheet, counted in no figure. */
export const TRAININGS_KIND = storedKind({
  id: 'trainings',
  stored: true,
  spec: TRAININGS,
  names: { vi: 'Danh sách học viên tập huấn', en: 'Trainee list', inline: 'danh sách học viên tập huấn' },
  pageNames: { vi: 'Danh sách học viên', en: 'Trainees' },
  due: ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'Y'],
  check: checkTrainings,
  records: (result) => (result.checked?.['trainings'] ?? []) as readonly TraineeRecord[],
  record: TRAINEE_RECORD,
  workbook: {
    kindName: 'Danh sách học viên tập huấn',
    statusGroup: 'Danh sách học viên',
    sheetName: 'Học viên',
    sheetTitle: 'DANH SÁCH HỌC VIÊN TẬP HUẤN',
    unit: '',
    sheet: {
      columns: [
        ...SOURCE_COLUMNS,
        { header: 'Họ và tên học viên', kind: 'text', minWidth: 18 },
        { header: 'Khoá tập huấn', kind: 'text' },
        { header: 'Số buổi tham dự', kind: 'count' },
      ],
      values: (t, { communeName }) => [communeName, t.sheet, t.row, t.trainee, t.course, t.sessions],
    },
  },
});
