import type { SubProject } from '../plans/plan.ts';
import { type ProjectRef, resolveProject } from '../plans/resolve-project.ts';
import type { Table } from '../table/read-table.ts';
import { fold, foldName } from '../text/normalize.ts';
import { RowCells, type SheetReport } from './context.ts';
import { readNumber, readText } from './read-fields.ts';

export interface ProgressRecord {
  sheet: string;
  row: number;
  project: string;
  lead: string | null;
  beneficiaryCount: number | null;
  /** Money in whole đồng. */
  allocatedTotal: number | null;
  allocatedCentral: number | null;
  allocatedLocal: number | null;
  allocatedMobilised: number | null;
  disbursed: number | null;
  status: string | null;
}

const VALUE_FIELDS = ['lead', 'beneficiaryCount', 'allocatedTotal', 'allocatedCentral', 'allocatedLocal', 'allocatedMobilised', 'disbursed', 'status'];
const SOURCES = ['allocatedCentral', 'allocatedLocal', 'allocatedMobilised'] as const;

function isDone(status: string): boolean {
  const s = fold(status);
  return s.includes('hoan thanh') && !s.includes('chua hoan thanh');
}

/** A number that must not be negative: PRG.NEGATIVE, and null so no other rule uses it. */
function readNonNegative(cells: RowCells, field: string, unit: number): number | null {
  const n = readNumber(cells, field, field === 'beneficiaryCount' ? 'integer' : 'money');
  if (n === null) return null;
  if (n < 0) {
    cells.issue('PRG.NEGATIVE', field);
    return null;
  }
  return Math.round(n * unit);
}

/**
 * Progress rows: each resolves to a plan sub-project (parent rows "Dự án 3: …" give the context of
 * their child rows); funds add up, are not overspent, and each sub-project has a row.
 * `beneficiaryRows` counts the rows of each sub-project's beneficiary lists in the same workbook.
 */
export function checkProgress(table: Table, report: SheetReport, beneficiaryRows: ReadonlyMap<string, number>): ProgressRecord[] {
  const { plan, reportDate } = report.env;
  const records: ProgressRecord[] = [];
  const seen = new Set<string>();
  let parent: number | null = null;

  const reader = new RowCells(table, report, 0);
  for (const row of table.rows) {
    const cells = reader.at(row);
    const hasValues = VALUE_FIELDS.some((f) => !cells.blank(f));
    const codeText = readText(cells, 'projectCode');
    const label = readText(cells, 'project');
    let ref: ProjectRef | null = codeText ? resolveProject(plan, codeText, parent) : null;
    if (!ref || ref.kind === 'unknown') ref = label ? resolveProject(plan, label, parent) : ref;
    if (!ref) {
      if (hasValues) cells.required(table.columns.has('project') ? 'project' : 'projectCode');
      continue;
    }
    if (ref.kind === 'parent') {
      parent = ref.project;
      continue;
    }
    if (ref.kind === 'unknown') {
      cells.issue('PRG.PROJECT_UNKNOWN', label ? 'project' : 'projectCode');
      continue;
    }
    const sp = plan.subProjects.find((s) => s.code === ref.code) as SubProject;
    if (sp.subProject === null) parent = sp.project;
    seen.add(sp.code);

    const unit = (f: string): number => table.units.get(f) ?? 1;
    const lead = readText(cells, 'lead');
    const beneficiaryCount = readNonNegative(cells, 'beneficiaryCount', 1);
    const total = readNonNegative(cells, 'allocatedTotal', unit('allocatedTotal'));
    const sources = SOURCES.map((f) => ({ f, present: table.columns.has(f) && !cells.blank(f), value: readNonNegative(cells, f, unit(f)) }));
    const disbursed = readNonNegative(cells, 'disbursed', unit('disbursed'));
    const status = readText(cells, 'status');

    const sourcesUsable = sources.every((s) => !s.present || s.value !== null);
    const anySource = sources.some((s) => s.present);
    const sourceSum = sources.reduce((sum, s) => sum + (s.value ?? 0), 0);
    if (total !== null && anySource && sourcesUsable && SOURCES.every((f) => table.columns.has(f)) && total !== sourceSum) {
      cells.issue('PRG.FUNDS_TOTAL', 'allocatedTotal', { expected: sourceSum / unit('allocatedTotal'), params: { totalDong: total, sumDong: sourceSum } });
    }
    const allocated = total ?? (anySource && sourcesUsable ? sourceSum : null);
    if (disbursed !== null && allocated !== null && disbursed > allocated) {
      cells.issue('PRG.OVERSPENT', 'disbursed', { expected: allocated / unit('disbursed') });
    }

    const due = `${plan.year}-${sp.due}`;
    if (table.columns.has('status') && reportDate > due && !(status !== null && isDone(status)) && !cells.flagged('status')) {
      cells.issue('PRG.OVERDUE', 'status', { params: { project: sp.code, due: `${sp.due.slice(3)}/${sp.due.slice(0, 2)}/${plan.year}` } });
    }

    if (lead !== null) {
      const unitSpec = plan.units.find((u) => u.id === sp.lead);
      const names = unitSpec ? [unitSpec.name, ...unitSpec.aliases].map(foldName) : [];
      if (unitSpec && !names.includes(foldName(lead))) {
        cells.issue('PRG.LEAD_MISMATCH', 'lead', { expected: unitSpec.name });
      }
    }

    const listed = beneficiaryRows.get(sp.code);
    if (listed !== undefined && beneficiaryCount !== null && beneficiaryCount !== listed) {
      cells.issue('PRG.BENEFICIARY_COUNT', 'beneficiaryCount', { expected: listed, params: { project: sp.code } });
    }

    records.push({
      sheet: table.grid.name,
      row,
      project: sp.code,
      lead,
      beneficiaryCount,
      allocatedTotal: total,
      allocatedCentral: sources[0]?.value ?? null,
      allocatedLocal: sources[1]?.value ?? null,
      allocatedMobilised: sources[2]?.value ?? null,
      disbursed,
      status,
    });
  }

  for (const sp of plan.subProjects) {
    if (!seen.has(sp.code)) {
      report.add({ code: 'PRG.PROJECT_MISSING', row: null, column: null, field: 'project', value: null, expected: sp.code, params: { name: sp.name } });
    }
  }
  return records;
}
