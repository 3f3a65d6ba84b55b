import type { TableKind } from '../sheet-kind.ts';

/** How a field's cells are read. */
export type FieldType =
  | 'ignored'
  | 'text'
  | 'integer'
  | 'number'
  | 'money'
  | 'year'
  | 'yearOrDate'
  | 'date'
  | 'mark'
  | 'idNumber'
  | 'category'
  | 'gender';

/**
 * One field of a sheet kind, as data: the header words officers use for it. A field with `under`
 * sits below a group header (two-row headers); `sub` are its words there.
 */
export interface FieldSpec {
  /** Field id; a column of a multi-column field is "field.option" (category.poor, reasons.capital). */
  id: string;
  type: FieldType;
  headers: readonly string[];
  under?: readonly string[];
  sub?: readonly string[];
  required?: boolean;
  /** Its headers match only as they are, not as the start of a longer label ("Tỉnh" is not "Tình hình …"). */
  exact?: boolean;
}

export interface KindSpec {
  kind: TableKind;
  /** Vietnamese name for messages. */
  label: string;
  fields: readonly FieldSpec[];
  /** Required fields (SPEC section 3); `oneOf` groups need at least one present. */
  required: readonly string[];
  requiredOneOf?: readonly (readonly string[])[];
  /** The field that names the row (used to tell data rows from group and total rows). */
  labelField: string;
}

/** The row number column (Số thứ tự) most kinds' sheets begin with: read past, never checked. */
export const SEQ_FIELD: FieldSpec = { id: 'seq', type: 'ignored', headers: ['STT', 'TT', 'Số TT'] };
