import type { SubProject } from '../plans/plan.ts';
import { projectFromTitle, resolveProject } from '../plans/resolve-project.ts';
import type { Table } from '../table/read-table.ts';
import type { CheckMemory } from '../check-memory.ts';
import { wholeYearsBetween } from '../grid/values.ts';
import { RowCells, type SheetReport } from './context.ts';
import type { HouseholdRecord } from './households.ts';
import { checkIdNumber } from './id-number.ts';
import { type Gender, readDate, readGender, readMark, readMoney, readText, readYearOrDate } from './read-fields.ts';

export interface BeneficiaryRecord {
  sheet: string;
  row: number;
  /** The plan code the row belongs to, when resolved. */
  project: string | null;
  fullName: string | null;
  birthYear: number | null;
  birthDate: string | null;
  gender: Gender | null;
  idNumber: string | null;
  householdCode: string | null;
  householdHead: string | null;
  village: string | null;
  supportType: string | null;
  supportDate: string | null;
  amount: number | null;
  disabled: boolean;
}

/** The commune's households, found by code or by head name + village. */
export class HouseholdIndex {
  private readonly byCode = new Map<string, HouseholdRecord[]>();
  private readonly byHead = new Map<string, HouseholdRecord[]>();
  readonly hasCodes: boolean;

  constructor(
    records: readonly HouseholdRecord[],
    private readonly memory: CheckMemory,
  ) {
    for (const h of records) {
      if (h.householdCode) push(this.byCode, memory.foldName(h.householdCode), h);
      if (h.headName && h.village) push(this.byHead, headKey(h.headName, h.planVillage ?? h.village, memory), h);
    }
    this.hasCodes = this.byCode.size > 0;
  }

  find(code: string | null, head: string | null, village: string | null): HouseholdRecord[] {
    if (this.hasCodes && code) return this.byCode.get(this.memory.foldName(code)) ?? [];
    if (head && village) return this.byHead.get(headKey(head, village, this.memory)) ?? [];
    return [];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function headKey(head: string, village: string, memory: CheckMemory): string {
  const v = memory.foldName(village);
  const n = /(\d+)$/.exec(v);
  return `${memory.foldName(head)}|${n ? n[1] : v}`;
}

/** Shared across a workbook's beneficiary sheets: repeats of a person within a sub-project. */
export type SeenPeople = Map<string, { sheet: string; row: number }>;

export function checkBeneficiaries(
  table: Table,
  report: SheetReport,
  households: HouseholdIndex | null,
  seen: SeenPeople,
): BeneficiaryRecord[] {
  const { env } = report;
  const { plan } = env;
  const titleProject = projectFromTitle(plan, table.titleLines);
  const projectColumn = table.columns.has('project');
  const amountUnit = table.units.get('amount') ?? 1;
  const records: BeneficiaryRecord[] = [];

  const reader = new RowCells(table, report, 0);
  for (const row of table.rows) {
    const cells = reader.at(row);
    if (cells.blank('fullName') && cells.has('fullName')) cells.required('fullName');

    let project: SubProject | null = null;
    const label = projectColumn ? readText(cells, 'project') : null;
    if (label !== null) {
      const ref = resolveProject(plan, label);
      if (ref.kind === 'subProject') project = plan.subProjects.find((s) => s.code === ref.code) ?? null;
      else cells.issue('BEN.PROJECT_UNKNOWN', 'project');
    } else if (titleProject) {
      project = plan.subProjects.find((s) => s.code === titleProject) ?? null;
    } else if (projectColumn && cells.blank('project')) {
      cells.required('project');
    }

    const fullName = readText(cells, 'fullName');
    const birth = readYearOrDate(cells, 'birthDate', 1900, env.reportYear + 1);
    const gender = readGender(cells, 'gender');
    const idNumber = checkIdNumber(cells, 'idNumber', birth?.year ?? null, gender);
    const householdCode = readText(cells, 'householdCode');
    const householdHead = readText(cells, 'householdHead');
    const village = readText(cells, 'village');
    const supportType = readText(cells, 'supportType');
    const supportDate = readDate(cells, 'supportDate');
    const amount = readMoney(cells, 'amount', amountUnit);
    const disabled = readMark(cells, 'disabled') ?? false;

    if (supportDate !== null && Number(supportDate.slice(0, 4)) !== plan.year) {
      cells.issue('BEN.DATE_OUTSIDE_YEAR', 'supportDate', { value: supportDate, params: { year: plan.year } });
    }
    const atDate = supportDate ?? env.reportDate;

    if (project) {
      const rules = project.eligibility;
      if (birth) {
        const age = birth.date ? wholeYearsBetween(birth.date, atDate) : Number(atDate.slice(0, 4)) - birth.year;
        const tooOld =
          rules.maxAgeExclusive !== undefined &&
          age >= rules.maxAgeExclusive &&
          !(rules.maxAgeExceptWomen && gender === 'female');
        const tooYoung = rules.minAge !== undefined && age < rules.minAge;
        if (tooOld || tooYoung) {
          const rule = tooOld ? `dưới ${rules.maxAgeExclusive} tuổi${rules.maxAgeExceptWomen ? ', trừ bà mẹ' : ''}` : `từ ${rules.minAge} tuổi`;
          cells.issue('BEN.AGE_RANGE', 'birthDate', { params: { age, project: project.code, rule } });
        }
      }

      if (households && rules.requiresHousehold && !(disabled && rules.disabledExempt)) {
        const refField = cells.has('householdCode') && !cells.blank('householdCode') ? 'householdCode' : 'householdHead';
        const matches = households.find(householdCode, householdHead, village);
        if (matches.length === 0) {
          if (householdCode !== null || householdHead !== null) {
            cells.issue('BEN.HOUSEHOLD_NOT_FOUND', refField, { params: { project: project.code } });
          }
        } else {
          const window = Math.floor(env.pack.newlyEscapedMonths / 12);
          const supportYear = Number(atDate.slice(0, 4));
          const reasons = matches.map((h) => {
            if (h.category === null) return null;
            if (!rules.categories.includes(h.category)) return 'category';
            if (h.category === 'newlyEscaped' && h.escapedYear !== null && (h.escapedYear < supportYear - window || h.escapedYear > supportYear)) return 'window';
            return null;
          });
          if (reasons.every((r) => r !== null)) {
            const reason = reasons.includes('window') ? 'hộ mới thoát nghèo quá thời hạn' : 'loại hộ không thuộc đối tượng';
            cells.issue('BEN.INELIGIBLE', refField, { params: { project: project.code, reason } });
          }
        }
      }

      const personKey = idNumber ? `id:${idNumber}` : fullName ? `n:${env.memory.foldName(fullName)}|${birth?.date ?? birth?.year ?? ''}` : null;
      if (personKey) {
        const key = `${project.code}|${personKey}`;
        const first = seen.get(key);
        if (first) {
          cells.issue('BEN.DUPLICATE', idNumber ? 'idNumber' : 'fullName', {
            params: { project: project.code, firstRow: first.row, firstSheet: first.sheet === table.grid.name ? null : first.sheet },
          });
        } else seen.set(key, { sheet: table.grid.name, row });
      }
    }

    records.push({
      sheet: table.grid.name,
      row,
      project: project?.code ?? null,
      fullName,
      birthYear: birth?.year ?? null,
      birthDate: birth?.date ?? null,
      gender,
      idNumber,
      householdCode,
      householdHead,
      village,
      supportType,
      supportDate,
      amount,
      disabled,
    });
  }
  return records;
}
