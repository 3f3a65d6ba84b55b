import type { SheetKind } from '../sheet-kind.ts';
import type { KindSpec } from './field.ts';
import { HOUSEHOLDS } from './households.ts';
import { BENEFICIARIES } from './beneficiaries.ts';
import { PROGRESS } from './progress.ts';

export type { FieldSpec, FieldType, KindSpec } from './field.ts';
export { POVERTY_REASONS } from './reasons.ts';

export const KINDS: Readonly<Record<SheetKind, KindSpec>> = {
  households: HOUSEHOLDS,
  beneficiaries: BENEFICIARIES,
  progress: PROGRESS,
};
export const KIND_LIST: readonly KindSpec[] = [HOUSEHOLDS, BENEFICIARIES, PROGRESS];
