import type { ProgressRecord } from '../../rules/progress.ts';
import { fieldHeader } from '../../messages/workbook-text.ts';
import type { KindSheet } from '../kind.ts';
import { SOURCE_COLUMNS } from '../source-columns.ts';

const ALLOCATED_GROUP = 'Kinh phí được phân bổ (đồng)';

export const PROGRESS_SHEET: KindSheet<ProgressRecord> = {
  columns: [
    ...SOURCE_COLUMNS,
    { header: fieldHeader('projectCode'), kind: 'text' },
    { header: 'Tên dự án, tiểu dự án', kind: 'text' },
    { header: fieldHeader('lead'), kind: 'text' },
    { header: fieldHeader('beneficiaryCount'), kind: 'count' },
    { header: 'Tổng', group: ALLOCATED_GROUP, kind: 'money' },
    { header: 'NSTW', group: ALLOCATED_GROUP, kind: 'money' },
    { header: 'NSĐP', group: ALLOCATED_GROUP, kind: 'money' },
    { header: 'Huy động', group: ALLOCATED_GROUP, kind: 'money' },
    { header: 'Đã giải ngân (đồng)', kind: 'money' },
    { header: 'Tình hình thực hiện', kind: 'text' },
  ],
  values(p, { communeName, projectName }) {
    return [
      communeName,
      p.sheet,
      p.row,
      p.project,
      projectName(p.project),
      p.lead,
      p.beneficiaryCount,
      p.allocatedTotal,
      p.allocatedCentral,
      p.allocatedLocal,
      p.allocatedMobilised,
      p.disbursed,
      p.status,
    ];
  },
};
