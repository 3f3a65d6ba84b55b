import * as z from 'zod';
import type { StoredKind } from './kinds/kind.ts';
import { KIND_REGISTRY } from './kinds/registry.ts';

type Registered = (typeof KIND_REGISTRY)[number];

/**
 * Every kind of table the engine reads (shared/kinds/registry.ts): the kinds officers keep and
 * submit, and the commune's summary forms (Tổng hợp kết quả rà soát; the deprivation counts). A
 * summary is a kind of its own, not a layout of the household list, because its rows are villages
 * (or communes) and its cells are counts: no household rule applies to it. It is checked (its own
 * totals and rates, and against the household list in the same workbook) but never stored or
 * merged: the district's summary is made from the lists, so a stored copy would only be a second,
 * possibly different, set of the same figures.
 */
export type TableKind = Registered['id'];

/** The kinds that are stored with a submission (SPEC section 3): each is stored, merged and reported on. */
export type SheetKind = Extract<Registered, { stored: true }>['id'];

/** The stored kinds' definitions, in the registry's order. */
export const STORED_KINDS: readonly StoredKind<SheetKind>[] = KIND_REGISTRY.filter((k): k is Extract<Registered, { stored: true }> => k.stored);

const STORED_IDS: ReadonlySet<string> = new Set(STORED_KINDS.map((k) => k.id));

export const SheetKind = z.enum(STORED_KINDS.map((k) => k.id) as [SheetKind, ...SheetKind[]]);
export const TableKind = z.enum(KIND_REGISTRY.map((k) => k.id) as [TableKind, ...TableKind[]]);

/** The kind is one that is stored with a submission. */
export function isSheetKind(kind: TableKind): kind is SheetKind {
  return STORED_IDS.has(kind);
}

const BY_ID: ReadonlyMap<string, StoredKind<SheetKind>> = new Map(STORED_KINDS.map((k) => [k.id, k]));

/** A stored kind's definition. */
export function storedKindOf(kind: SheetKind): StoredKind<SheetKind> {
  const found = BY_ID.get(kind);
  if (found === undefined) throw new Error(`unknown sheet kind ${kind}`);
  return found;
}

/** A stored kind's record, as its definition gives it (HouseholdRecord for households). */
export type RecordOf<K extends SheetKind> = Extract<Registered, { id: K }> extends StoredKind<K, infer R> ? R : never;
