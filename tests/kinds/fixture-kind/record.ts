import { recordShape } from '../../../shared/kinds/record-shape.ts';
import type { TraineeRecord } from './rules.ts';

/** A trainee as stored with a submission. */
export const TRAINEE_RECORD = recordShape<TraineeRecord>({
  sheet: 'text',
  row: 'int',
  trainee: 'text?',
  course: 'text?',
  sessions: 'number?',
});
