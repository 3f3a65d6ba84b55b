import type { HouseholdCategory } from '../../shared/plans/plan.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import type { BeneficiaryRecord } from '../../shared/rules/beneficiaries.ts';
import type { HouseholdRecord } from '../../shared/rules/households.ts';
import type { ProgressRecord } from '../../shared/rules/progress.ts';
import { INDICATORS } from '../../shared/standards/index.ts';
import { POVERTY_REASONS } from '../../shared/kinds/reasons.ts';
import type { WorkbookCommune, WorkbookSource } from '../../worker/workbook/index.ts';
import { prng } from '../../bench/prng.ts';

/**
 * A deterministic district of any size, generated page by page (nothing is held): for the memory
 * test and the benchmark. Every call of a row function starts a fresh iterator giving the same
 * rows. Each commune after the first has one household whose ID number repeats one of the
 * previous commune's (a cross-commune duplicate), and every fourth commune has a previous annual list.
 */

export interface GenerateOptions {
  communes: number;
  households: number;
  beneficiaries: number;
  pageSize?: number;
  seed?: number;
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Ngô', 'Đặng', 'Lương', 'Mai'];
const MIDDLE = ['Văn', 'Thị', 'Đình', 'Ngọc', 'Xuân', 'Hữu'];
const GIVEN = ['An', 'Bình', 'Cúc', 'Dũng', 'Én', 'Giang', 'Hoa', 'Khánh', 'Long', 'Minh', 'Nga', 'Phúc', 'Quang', 'Sơn', 'Tâm', 'Uyên'];
const ETHNICITIES = ['Kinh', 'Kinh', 'Kinh', 'Kinh', 'Mường', 'Thái', 'Dao'];
const CATEGORIES: HouseholdCategory[] = ['poor', 'nearPoor', 'nearPoor', 'newlyEscaped'];
const VILLAGES = XUAN_HOA_2024.villages;
const PROJECTS = XUAN_HOA_2024.subProjects.map((s) => s.code);

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function idNumber(commune: number, n: number): string {
  return `038${String(commune).padStart(3, '0')}${String(n).padStart(6, '0')}`;
}

function name(rand: () => number): string {
  return `${pick(rand, SURNAMES)} ${pick(rand, MIDDLE)} ${pick(rand, GIVEN)}`;
}

function householdRecord(rand: () => number, commune: number, n: number, sheet: string): HouseholdRecord {
  const category = pick(rand, CATEGORIES);
  const count = category === 'poor' ? 3 + Math.floor(rand() * 4) : Math.floor(rand() * 3);
  const deprivations = [...INDICATORS].sort(() => rand() - 0.5).slice(0, count).map((d) => d.id).sort();
  const reasons = category === 'newlyEscaped' ? [] : POVERTY_REASONS.filter(() => rand() < 0.2).map((r) => r.id);
  // The 100th household of each commune after the first repeats an ID of the commune before.
  const id = n === 100 && commune > 0 ? idNumber(commune - 1, 200) : idNumber(commune, n);
  const village = pick(rand, VILLAGES);
  return {
    sheet,
    row: 8 + n,
    householdCode: `HN-${String(n + 1).padStart(5, '0')}`,
    headName: name(rand),
    headBirthYear: 1940 + Math.floor(rand() * 60),
    headGender: rand() < 0.6 ? 'male' : 'female',
    idNumber: id,
    ethnicity: pick(rand, ETHNICITIES),
    village,
    planVillage: village,
    size: 1 + Math.floor(rand() * 7),
    category,
    beginningCategory: commune % 4 === 0 ? null : pick(rand, CATEGORIES),
    income: 600_000 + Math.floor(rand() * 900) * 1000,
    b1Score: null,
    b2Score: count * 10,
    deprivations,
    deprivationCount: count,
    meritFamily: rand() < 0.05,
    noWorkCapacity: rand() < 0.08,
    escapedYear: category === 'newlyEscaped' ? 2022 + Math.floor(rand() * 3) : null,
    reasons,
  };
}

function beneficiaryRecord(rand: () => number, commune: number, n: number): BeneficiaryRecord {
  const project = pick(rand, PROJECTS);
  const birthYear = 1950 + Math.floor(rand() * 70);
  return {
    sheet: `DS ${project}`,
    row: 6 + n,
    project,
    fullName: name(rand),
    birthYear,
    birthDate: `${birthYear}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
    gender: rand() < 0.5 ? 'male' : 'female',
    idNumber: idNumber(500 + commune, n),
    householdCode: `HN-${String(1 + Math.floor(rand() * 2500)).padStart(5, '0')}`,
    householdHead: name(rand),
    village: pick(rand, VILLAGES),
    supportType: pick(rand, ['Hỗ trợ giống cây trồng', 'Tập huấn kỹ thuật', 'Hỗ trợ học nghề', 'Hỗ trợ dinh dưỡng']),
    supportDate: `2024-${String(1 + Math.floor(rand() * 11)).padStart(2, '0')}-15`,
    amount: Math.floor(rand() * 50) * 100_000,
    disabled: rand() < 0.03,
  };
}

async function* paged<T>(total: number, pageSize: number, seed: number, make: (rand: () => number, n: number) => T): AsyncGenerator<T[]> {
  const rand = prng(seed);
  for (let start = 0; start < total; start += pageSize) {
    const page: T[] = [];
    for (let n = start; n < Math.min(total, start + pageSize); n++) page.push(make(rand, n));
    yield page;
  }
}

export function generatedSource(options: GenerateOptions): WorkbookSource {
  const { households, beneficiaries, pageSize = 500, seed = 2024 } = options;
  const communes: WorkbookCommune[] = Array.from({ length: options.communes }, (_, c) => {
    const id = `xa-${String(c + 1).padStart(3, '0')}`;
    const name = `Xã số ${c + 1}`;
    return {
      id,
      name,
      plan: { ...XUAN_HOA_2024, id: `${id}-2024`, commune: { ...XUAN_HOA_2024.commune, id, name, code: `X${c + 1}` } },
      submissions: (['households', 'beneficiaries', 'progress'] as const).map((kind, k) => ({
        kind,
        version: 1 + (c % 3),
        receivedAt: new Date(Date.UTC(2024, 11, 1 + (c % 12), 2 + k)).toISOString(),
        late: c % 12 >= 10,
        checksum: `sha256:${id}-${kind}`,
        rulePack: 'mdp-2022',
        submittedBy: `Cán bộ ${name}`,
      })),
      missing: [],
    };
  });
  const index = new Map(communes.map((c, i) => [c.id, i]));
  const at = (id: string): number => index.get(id) ?? 0;
  return {
    region: { id: 'tho-xuan', name: 'Thọ Xuân', level: 'district' },
    period: '2024-Y',
    generatedAt: new Date('2024-12-20T01:30:00Z'),
    communes,
    households: (id) => paged(households, pageSize, seed * 1000 + at(id), (rand, n) => householdRecord(rand, at(id), n, 'DS hộ 2024')),
    previousHouseholds: (id) =>
      paged(at(id) % 4 === 0 ? households : 0, pageSize, seed * 3000 + at(id), (rand, n) => householdRecord(rand, at(id), n, 'DS hộ 2023')),
    beneficiaries: (id) => paged(beneficiaries, pageSize, seed * 7000 + at(id), (rand, n) => beneficiaryRecord(rand, at(id), n)),
    progress: (id) =>
      paged(PROJECTS.length, pageSize, seed * 9000 + at(id), (rand, n): ProgressRecord => {
        const central = Math.floor(rand() * 100) * 1_000_000;
        const local = Math.floor(rand() * 20) * 1_000_000;
        return {
          sheet: 'Tiến độ',
          row: 7 + n,
          project: PROJECTS[n] as string,
          lead: 'UBND xã',
          beneficiaryCount: Math.floor(rand() * 400),
          allocatedTotal: central + local,
          allocatedCentral: central,
          allocatedLocal: local,
          allocatedMobilised: 0,
          disbursed: Math.floor((central + local) * rand()),
          status: pick(rand, ['Hoàn thành', 'Đang thực hiện']),
        };
      }),
  };
}
