import type { TableKind } from '../sheet-kind.ts';
import type { KindSpec } from './field.ts';
import { KIND_REGISTRY } from './registry.ts';

export type { FieldSpec, FieldType, KindSpec } from './field.ts';
export { POVERTY_REASONS } from './reasons.ts';

/** Every kind's fields (shared/kinds/registry.ts), by kind and in the registry's order: what header detection reads. */
export const KIND_LIST: readonly KindSpec[] = KIND_REGISTRY.map((k) => k.spec);
export const KINDS: Readonly<Record<TableKind, KindSpec>> = Object.fromEntries(KIND_REGISTRY.map((k) => [k.id, k.spec])) as Record<TableKind, KindSpec>;
