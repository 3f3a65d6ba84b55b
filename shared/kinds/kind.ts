import type { PeriodPart } from '../periods.ts';
import type { CommuneTally } from '../report/commune-tally.ts';
import type { SheetReport, RuleEnv } from '../rules/context.ts';
import type { Table } from '../table/read-table.ts';
import type { WorkbookResult } from '../validate.ts';
import type { CellKind } from '../xlsx/write/styles.ts';
import type { KindSpec } from './field.ts';
import type { RecordShape } from './record-shape.ts';

/**
 * A sheet kind, whole: what officers' sheets of it look like (fields and header aliases, as data),
 * its names, and for a kind that is submitted, when it is due, how its rows are stored, counted for
 * the district's figures and written into the merged workbook. One folder per kind
 * (shared/kinds/<kind>/) holds one of these; shared/kinds/registry.ts lists them, and the engine,
 * the API, storage, the workbook writer and the front ends iterate that list.
 *
 * The kinds of the product check each other (households first, beneficiaries against them,
 * progress against the beneficiaries, the summary against the households), so shared/validate.ts
 * runs their rules (shared/rules/<kind>.ts) in that order. A kind whose rules stand alone gives
 * them here, as `check`, and the engine runs it after the others.
 */
interface KindBase<Id extends string> {
  id: Id;
  spec: KindSpec;
  /** The kind's name beside its issues: the task pane and the upload page (vi, en), the command line ("inline"). */
  names: { vi: string; en: string; inline: string };
  /** The kind's own rules, for a kind no other kind's rules depend on: its records, in row order. */
  check?(table: Table, report: SheetReport, env: RuleEnv): unknown[];
}

/** A kind that is only checked, never stored (the summary forms: see shared/sheet-kind.ts). */
export interface CheckedKind<Id extends string = string> extends KindBase<Id> {
  stored: false;
}

/**
 * A column of a kind's merged sheet, as the writer takes it (Column of shared/xlsx/write/sheet-xml.ts,
 * which this stays assignable to): named here so that what reads the registry (the front ends) does
 * not take in the writer.
 */
export interface Column {
  header: string;
  group?: string;
  kind: CellKind;
  /** Lower bound for the width, in characters. */
  minWidth?: number;
}

/** Columns of one cell kind, side by side, all under `group` when one is given. */
export function columnsOf(kind: CellKind, headers: readonly string[], group?: string): Column[] {
  return headers.map((header): Column => (group === undefined ? { header, kind } : { header, group, kind }));
}

/** A cell of a merged sheet's row (Cell of shared/xlsx/write/sheet-xml.ts). */
export type Cell = string | number | boolean | null | undefined;

/** One commune's row of a merged sheet: the commune, and the names of its plan's sub-projects. */
export interface RowContext {
  communeName: string;
  projectName(code: string | null): string | null;
}

/** A per-kind sheet of the merged workbook: every commune's rows, commune first, then the record's fields. */
export interface KindSheet<R> {
  columns: readonly Column[];
  values(record: R, context: RowContext): Cell[];
}

/** How a kind's records are counted into a commune's figures (shared/report/commune-tally.ts). */
export interface KindTally<R> {
  count(tally: CommuneTally, record: R, mergedRow: number | null): void;
  /** The commune's previous annual list, counted before its rows (households: the start of the year). */
  previous?(tally: CommuneTally, record: R): void;
  /** After a commune's rows. */
  end?(tally: CommuneTally): void;
}

/** A kind that is submitted: stored with a submission, due in some periods, merged for the district. */
export interface StoredKind<Id extends string = string, R = unknown> extends KindBase<Id> {
  stored: true;
  /** The periods it is due in (SPEC section 5). */
  due: readonly PeriodPart[];
  /** Its records in a checked workbook, as stored and merged. */
  records(result: WorkbookResult): readonly R[];
  /** Its record, field by field (shared/kinds/record-shape.ts): how its stored rows are read back. */
  record: RecordShape<R>;
  /**
   * Where each commune's rows come from when several versions are kept: without it, the latest
   * version; with it, each part (a beneficiary list's sub-project) from the newest version that has
   * it, older versions filling in only what newer ones lack.
   */
  partOf?(record: R): string | null;
  /** Its name on the district page. */
  pageNames: { vi: string; en: string };
  /**
   * The merged workbook: its name in the Kiểm tra and Nguồn sheets, the group over its status
   * columns in Tổng hợp, its own sheet's tab, title, unit line and columns.
   */
  workbook: { kindName: string; statusGroup: string; sheetName: string; sheetTitle: string; unit: string; sheet: KindSheet<R> };
  /** Its part in the district's figures; a kind without one is merged but not counted. */
  tally?: KindTally<R>;
}

export type KindDefinition = CheckedKind | StoredKind;

/** A stored kind, with its id's literal type kept (the registry's types come from it). */
export function storedKind<const Id extends string, R>(kind: StoredKind<Id, R>): StoredKind<Id, R> {
  return kind;
}

/** The kinds whose rules the engine runs itself (shared/validate.ts): their records are the checked workbook's field of their id. */
type EngineKindId = 'households' | 'beneficiaries' | 'progress';
type EngineRecord<Id extends EngineKindId> = WorkbookResult[Id][number];

/**
 * A stored kind the engine checks: its records are `result[id]`, and its name on the district page
 * is its names' vi and en unless `pageNames` says otherwise.
 */
export function engineKind<const Id extends EngineKindId>(
  kind: Omit<StoredKind<Id, EngineRecord<Id>>, 'stored' | 'records' | 'pageNames'> & { pageNames?: StoredKind['pageNames'] },
): StoredKind<Id, EngineRecord<Id>> {
  const { vi, en } = kind.names;
  return { ...kind, stored: true, pageNames: kind.pageNames ?? { vi, en }, records: (result) => result[kind.id] };
}

export function checkedKind<const Id extends string>(kind: CheckedKind<Id>): CheckedKind<Id> {
  return kind;
}
