import type { SubmissionRequest } from '../../shared/api.ts';
import type { CheckOutcome } from '../check.ts';

/**
 * What "Gửi" sends: for the period the check used, every sheet the check recognised (a table of
 * some kind), as the very grid the check validated, with the officer's saved mapping. Sheets with
 * no table (a cover page, instructions) are not sent. Null when the check had no period or found
 * no table.
 */
export function submissionRequest(outcome: CheckOutcome): SubmissionRequest | null {
  const period = outcome.period;
  if (period === null) return null;
  const sheets: SubmissionRequest['sheets'] = [];
  outcome.inputs.forEach((input, i) => {
    if (outcome.result.sheets[i]?.kind == null) return;
    sheets.push(input.mapping ? { grid: input.grid, mapping: input.mapping } : { grid: input.grid });
  });
  return sheets.length > 0 ? { period, sheets } : null;
}
