import type { ProgressRecord } from '../../rules/progress.ts';
import { recordShape } from '../record-shape.ts';

/** A sub-project's progress as stored with a submission (ProgressRecord of shared/rules/progress.ts). */
export const PROGRESS_RECORD = recordShape<ProgressRecord>({
  sheet: 'text',
  row: 'int',
  project: 'text',
  lead: 'text?',
  beneficiaryCount: 'number?',
  allocatedTotal: 'number?',
  allocatedCentral: 'number?',
  allocatedLocal: 'number?',
  allocatedMobilised: 'number?',
  disbursed: 'number?',
  status: 'text?',
});
