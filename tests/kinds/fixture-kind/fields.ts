import type { KindSpec } from '../../../shared/kinds/field.ts';
import type { TableKind } from '../../../shared/sheet-kind.ts';

/**
 * A test-only kind: a list of the people trained by a sub-project (Danh sách học viên tập huấn).
 * Its header words are its own, so no sheet of the product's kinds is taken for it.
 */
export const TRAININGS: KindSpec = {
  // The product's TableKind does not list it: only the tests' registry (tests/kinds/registry.ts) does.
  kind: 'trainings' as TableKind,
  label: 'Danh sách học viên tập huấn',
  fields: [
    { id: 'seq', type: 'ignored', headers: ['STT'] },
    { id: 'trainee', type: 'text', headers: ['Họ và tên học viên', 'Tên học viên'], required: true },
    { id: 'course', type: 'text', headers: ['Khoá tập huấn', 'Lớp tập huấn'], required: true },
    { id: 'sessions', type: 'integer', headers: ['Số buổi tham dự', 'Số buổi'] },
  ],
  required: ['trainee', 'course'],
  labelField: 'trainee',
};
