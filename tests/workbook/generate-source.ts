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
 *
 * The rows reach the writer as the Worker's do: the route stores a kind's rows as JSON text, a
 * page of `pageSize` rows a chunk (worker/routes/submissions.ts, ROWS_PER_CHUNK), and
 * worker/db/district-source.ts reads a part's chunks a query at a time (as many as fit in
 * PART_BYTES_PER_QUERY of UTF-8, at least one), holds that query's texts, and JSON.parses them
 * one at a time, each text let go once its page is yielded. So the records the writer sees are
 * JSON.parse's objects, not object literals of this file, and the figures measured on them include
 * the parse. Generating and serialising a page stand in for D1's read of it.
 */

export interface GenerateOptions {
  communes: number;
  households: number;
  beneficiaries: number;
  /** Rows per stored chunk (a page): worker/db/submissions.ts's ROWS_PER_CHUNK by default. */
  pageSize?: number;
  seed?: number;
}

/** worker/db/submissions.ts's ROWS_PER_CHUNK (not imported: it would bring the Worker's types into the benches). */
export const STORED_ROWS_PER_CHUNK = 500;
/** worker/db/district-source.ts's PART_BYTES_PER_QUERY (likewise; tests/workbook/generate-source.test.ts checks both). */
export const STORED_BYTES_PER_QUERY = 8 * 1024 * 1024;

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

/** A part's chunks as the route stores them: each page of rows as its JSON text, generated when asked for. */
function* storedChunks<T>(total: number, pageSize: number, seed: number, make: (rand: () => number, n: number) => T): Generator<string> {
  const rand = prng(seed);
  for (let start = 0; start < total; start += pageSize) {
    const page: T[] = [];
    for (let n = start; n < Math.min(total, start + pageSize); n++) page.push(make(rand, n));
    yield JSON.stringify(page);
  }
}

const utf8 = new TextEncoder();
let scratch = new Uint8Array(0);
/** The UTF-8 bytes of a chunk's text (D1's length(CAST(body AS BLOB))), counted without keeping them. */
function utf8Bytes(text: string): number {
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  return utf8.encodeInto(text, scratch).written;
}

/**
 * A part's pages as worker/db/district-source.ts's pagesOf gives them: one query's chunks at a time
 * (those whose running total fits the byte budget, at least one), each JSON.parsed when its page is
 * asked for. A chunk that did not fit a query waits for the next one, as it would in D1.
 */
async function* paged<T>(total: number, pageSize: number, seed: number, make: (rand: () => number, n: number) => T): AsyncGenerator<T[]> {
  const stored = storedChunks(total, pageSize, seed, make);
  let next = stored.next();
  while (!next.done) {
    const chunks: string[] = [];
    let bytes = 0;
    do {
      bytes += utf8Bytes(next.value);
      if (chunks.length > 0 && bytes > STORED_BYTES_PER_QUERY) break;
      chunks.push(next.value);
      next = stored.next();
    } while (!next.done);
    while (chunks.length > 0) yield JSON.parse(chunks.shift() as string) as T[];
  }
}

export function generatedSource(options: GenerateOptions): WorkbookSource {
  const { households, beneficiaries, pageSize = STORED_ROWS_PER_CHUNK, seed = 2024 } = options;
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
