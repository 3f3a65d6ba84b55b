import type { TableKind } from '../sheet-kind.ts';
import type { KindSpec } from './field.ts';
import { HOUSEHOLDS } from './households.ts';
import { BENEFICIARIES } from './beneficiaries.ts';
import { PROGRESS } from './progress.ts';
import { SUMMARY } from './summary.ts';

export type { FieldSpec, FieldType, KindSpec } from './field.ts';
export { POVERTY_REASONS } from './reasons.ts';

export const KINDS: Readonly<Record<TableKind, KindSpec>> = {
  households: HOUSEHOLDS,
  beneficiaries: BENEFICIARIES,
  progress: PROGRESS,
  summary: SUMMARY,
};
export const KIND_LIST: readonly KindSpec[] = [HOUSEHOLDS, BENEFICIARIES, PROGRESS, SUMMARY];
