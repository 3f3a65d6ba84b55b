import * as z from 'zod';

/** Every stable issue code with its severity (SPEC section 4). The catalogue is data. */
export const ISSUE_SEVERITY = {
  'SHEET.UNKNOWN_KIND': 'error',
  'SHEET.MISSING_COLUMN': 'error',
  'SHEET.NO_ROWS': 'error',
  'CELL.REQUIRED': 'error',
  'CELL.TYPE': 'error',
  'CELL.FORMULA_ERROR': 'error',
  'CELL.LEGACY_ENCODING': 'warning',
  'ID.FORMAT': 'error',
  'ID.PROVINCE': 'error',
  'ID.BIRTH_MISMATCH': 'warning',
  'ID.DUPLICATE': 'error',
  'HH.CODE_DUPLICATE': 'error',
  'HH.VILLAGE_UNKNOWN': 'error',
  'HH.SIZE_RANGE': 'error',
  'HH.CATEGORY_UNKNOWN': 'error',
  'HH.DEPRIVATION_COUNT': 'error',
  'HH.B2_MISMATCH': 'error',
  'HH.CLASS_MISMATCH': 'error',
  'HH.ESCAPED_WINDOW': 'error',
  'HH.AGE_RANGE': 'warning',
  'HH.MEMBER_COUNT': 'warning',
  'BEN.PROJECT_UNKNOWN': 'error',
  'BEN.HOUSEHOLD_NOT_FOUND': 'error',
  'BEN.INELIGIBLE': 'error',
  'BEN.AGE_RANGE': 'error',
  'BEN.DATE_OUTSIDE_YEAR': 'error',
  'BEN.DUPLICATE': 'warning',
  'PRG.PROJECT_MISSING': 'error',
  'PRG.PROJECT_UNKNOWN': 'error',
  'PRG.LEAD_MISMATCH': 'warning',
  'PRG.NEGATIVE': 'error',
  'PRG.FUNDS_TOTAL': 'error',
  'PRG.OVERSPENT': 'error',
  'PRG.OVERDUE': 'warning',
  'PRG.BENEFICIARY_COUNT': 'warning',
  'SUM.COUNT': 'error',
  'SUM.TOTAL': 'error',
  'SUM.RATE': 'error',
  'SUM.LIST_MISMATCH': 'warning',
  'SUBMIT.LATE': 'warning',
} as const;

export type IssueCode = keyof typeof ISSUE_SEVERITY;
export const ISSUE_CODES = Object.keys(ISSUE_SEVERITY) as [IssueCode, ...IssueCode[]];
export const IssueCodeSchema = z.enum(ISSUE_CODES);
export const Severity = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof Severity>;

/** A value as found in a cell, made JSON-safe for an issue (dates as YYYY-MM-DD, errors as their text). */
export const IssueValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type IssueValue = z.infer<typeof IssueValue>;

/**
 * One finding. Text (`message`) is made from the catalogue in messages.ts; everything else is data.
 * `row` is the Excel row (1-based) or null for a sheet-level issue; `column` the Excel column letters or null.
 */
export const Issue = z.object({
  code: IssueCodeSchema,
  severity: Severity,
  sheet: z.string(),
  row: z.number().int().positive().nullable(),
  column: z.string().regex(/^[A-Z]{1,3}$/).nullable(),
  field: z.string().nullable(),
  value: IssueValue,
  expected: IssueValue.optional(),
  /** Extra facts the message uses (e.g. the counted marks, the province code); data, not text. */
  params: z.record(z.string(), IssueValue).optional(),
  message: z.string(),
});
export type Issue = z.infer<typeof Issue>;
/** A finding as the rules make it: data only. It gets its text at the edge (`withText`, messages.ts). */
export type Finding = Omit<Issue, 'message'>;

export function severityOf(code: IssueCode): Severity {
  return ISSUE_SEVERITY[code];
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
