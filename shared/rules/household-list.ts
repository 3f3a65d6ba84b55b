import type { HouseholdCategory } from '../plans/plan.ts';
import type { Gender } from './read-fields.ts';

/** One household as the engine understood it; the merge and the cross-sheet checks read these. */
export interface HouseholdRecord {
  sheet: string;
  row: number;
  householdCode: string | null;
  headName: string | null;
  headBirthYear: number | null;
  headGender: Gender | null;
  idNumber: string | null;
  ethnicity: string | null;
  village: string | null;
  /** The plan's spelling of the village when it matched. */
  planVillage: string | null;
  size: number | null;
  category: HouseholdCategory | null;
  beginningCategory: HouseholdCategory | null;
  income: number | null;
  b1Score: number | null;
  b2Score: number | null;
  /** Indicator ids marked (D01…D12) where the sheet has indicator columns (shared, read-only). */
  deprivations: readonly string[] | null;
  deprivationCount: number | null;
  meritFamily: boolean;
  noWorkCapacity: boolean;
  escapedYear: number | null;
  /** Poverty reasons marked (shared, read-only). */
  reasons: readonly string[];
}

const NUMBERS = 8; // row, headBirthYear, size, income, b1Score, b2Score, deprivationCount, escapedYear
const VALUES = 13; // the other fields but the sheet

const num = (n: number | null): number => (n === null ? NaN : n);
const orNull = (n: number): number | null => (n === n ? n : null);

/**
 * The household records of one sheet, kept column by column while the rules run and made into
 * HouseholdRecord objects only when something reads them: a submission stores them and the
 * cross-sheet checks index them, but a check from the task pane or the CLI never does. On a
 * 100,000-row list, 100,000 live objects cost the garbage collector more than all the rules
 * (npm run bench); numbers in one Float64Array and the rest in one flat array cost next to nothing.
 */
export class HouseholdList {
  private count = 0;
  private numbers: Float64Array;
  private values: unknown[];
  private built: HouseholdRecord[] | null = null;

  constructor(
    readonly sheet: string,
    capacity: number,
  ) {
    const n = Math.max(1, capacity);
    this.numbers = new Float64Array(n * NUMBERS);
    this.values = new Array<unknown>(n * VALUES).fill(null);
  }

  get length(): number {
    return this.count;
  }

  /** Keeps one household (the object may be reused or dropped by the caller). */
  push(r: HouseholdRecord): void {
    if (this.built !== null) throw new Error('HouseholdList: records already read');
    if (this.count * NUMBERS >= this.numbers.length) this.grow();
    const x = this.count * NUMBERS;
    const numbers = this.numbers;
    numbers[x] = r.row;
    numbers[x + 1] = num(r.headBirthYear);
    numbers[x + 2] = num(r.size);
    numbers[x + 3] = num(r.income);
    numbers[x + 4] = num(r.b1Score);
    numbers[x + 5] = num(r.b2Score);
    numbers[x + 6] = num(r.deprivationCount);
    numbers[x + 7] = num(r.escapedYear);
    const v = this.count * VALUES;
    const values = this.values;
    values[v] = r.householdCode;
    values[v + 1] = r.headName;
    values[v + 2] = r.headGender;
    values[v + 3] = r.idNumber;
    values[v + 4] = r.ethnicity;
    values[v + 5] = r.village;
    values[v + 6] = r.planVillage;
    values[v + 7] = r.category;
    values[v + 8] = r.beginningCategory;
    values[v + 9] = r.deprivations;
    values[v + 10] = r.meritFamily;
    values[v + 11] = r.noWorkCapacity;
    values[v + 12] = r.reasons;
    this.count++;
  }

  /** The records, built once on the first call. */
  records(): HouseholdRecord[] {
    if (this.built !== null) return this.built;
    const out = new Array<HouseholdRecord>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.record(i);
    this.built = out;
    this.values = [];
    return out;
  }

  private record(i: number): HouseholdRecord {
    const x = i * NUMBERS;
    const numbers = this.numbers;
    const v = i * VALUES;
    const values = this.values;
    return {
      sheet: this.sheet,
      row: numbers[x] as number,
      householdCode: values[v] as string | null,
      headName: values[v + 1] as string | null,
      headBirthYear: orNull(numbers[x + 1] as number),
      headGender: values[v + 2] as Gender | null,
      idNumber: values[v + 3] as string | null,
      ethnicity: values[v + 4] as string | null,
      village: values[v + 5] as string | null,
      planVillage: values[v + 6] as string | null,
      size: orNull(numbers[x + 2] as number),
      category: values[v + 7] as HouseholdCategory | null,
      beginningCategory: values[v + 8] as HouseholdCategory | null,
      income: orNull(numbers[x + 3] as number),
      b1Score: orNull(numbers[x + 4] as number),
      b2Score: orNull(numbers[x + 5] as number),
      deprivations: values[v + 9] as readonly string[] | null,
      deprivationCount: orNull(numbers[x + 6] as number),
      meritFamily: values[v + 10] as boolean,
      noWorkCapacity: values[v + 11] as boolean,
      escapedYear: orNull(numbers[x + 7] as number),
      reasons: values[v + 12] as readonly string[],
    };
  }

  private grow(): void {
    const numbers = new Float64Array(this.numbers.length * 2);
    numbers.set(this.numbers);
    this.numbers = numbers;
    const values = new Array<unknown>(this.values.length * 2).fill(null);
    for (let k = 0; k < this.values.length; k++) values[k] = this.values[k];
    this.values = values;
  }
}

/** Every record of several lists, in order (built on the first read of each). */
export function recordsOf(lists: readonly HouseholdList[]): HouseholdRecord[] {
  if (lists.length === 1) return (lists[0] as HouseholdList).records();
  const all: HouseholdRecord[] = [];
  for (const list of lists) for (const r of list.records()) all.push(r);
  return all;
}
