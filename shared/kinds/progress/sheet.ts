import type { ProgressRecord } from '../../rules/progress.ts';
import { fieldHeader } from '../../messages/workbook-text.ts';
import { type Column, columnsOf, type KindSheet } from '../kind.ts';
import { PROJECT_RECORD_COLUMNS, projectRecordCells } from '../project-record.ts';

/** The money a sub-project was given, by source, under one group, then what it has spent (also the Dự án sheet's). */
export const FUNDING_COLUMNS: readonly Column[] = [
  ...columnsOf('money', ['Tổng', 'NSTW', 'NSĐP', 'Huy động'], 'Kinh phí được phân bổ (đồng)'),
  { header: 'Đã giải ngân (đồng)', kind: 'money' },
];

/** The last column, what the commune wrote of the work (also the Dự án sheet's). */
export const STATUS_COLUMN: Column = { header: 'Tình hình thực hiện', kind: 'text' };

export const PROGRESS_SHEET: KindSheet<ProgressRecord> = {
  columns: [
    ...PROJECT_RECORD_COLUMNS,
    { header: fieldHeader('lead'), kind: 'text' },
    { header: fieldHeader('beneficiaryCount'), kind: 'count' },
    ...FUNDING_COLUMNS,
    STATUS_COLUMN,
  ],
  values(p, context) {
    return projectRecordCells(
      p,
      context,
      p.lead,
      p.beneficiaryCount,
      p.allocatedTotal,
      p.allocatedCentral,
      p.allocatedLocal,
      p.allocatedMobilised,
      p.disbursed,
      p.status,
    );
  },
};
