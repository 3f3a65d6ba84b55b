import { COMMUNE } from '../messages/workbook-text.ts';
import type { Column } from './kind.ts';

/** The first columns of every kind's merged sheet: where the row comes from. */
export const SOURCE_COLUMNS: readonly Column[] = [
  { header: COMMUNE, kind: 'text' },
  { header: 'Sheet gốc', kind: 'text' },
  { header: 'Dòng gốc', kind: 'plain' },
];
