import type { CellValue, Grid } from '../shared/grid/grid.ts';
import { columnLetters } from '../shared/grid/address.ts';
import type { IssueCode } from '../shared/issues.ts';
import { INDICATORS } from '../shared/standards/index.ts';
import { prng } from './prng.ts';

/**
 * A deterministic household list ("danh sách hộ nghèo, cận nghèo, mới thoát nghèo") in the classic
 * commune layout, for the benchmark: title lines, a two-row merged header, a numbering row, village
 * group rows, valid households under the mdp-2022 rules, a "Tổng cộng" row and a signature block.
 * Errors are planted at known rows; everything else is valid, so the engine must report exactly the
 * planted list.
 */

export interface PlantedIssue {
  code: IssueCode;
  /** Excel row (1-based), as issues report it. */
  row: number;
}

export interface GeneratedSheet {
  grid: Grid;
  planted: PlantedIssue[];
}

export interface GenerateOptions {
  seed?: number;
  /** Plant one error on every n-th household (n-th, 2n-th, …); 0 plants none. */
  plantEvery?: number;
  name?: string;
}

// ---- layout (1-based columns) ----
const COL = {
  seq: 1,
  name: 2,
  birthMale: 3,
  birthFemale: 4,
  id: 5,
  ethnicity: 6,
  village: 7,
  size: 8,
  category: 9,
  income: 10,
  firstIndicator: 11, // K … V: the 12 indicators
  deprivationCount: 23,
  meritFamily: 24,
  noWorkCapacity: 25,
  escapedYear: 26,
  note: 27,
} as const;
const WIDTH = 27;
const LAST = columnLetters(WIDTH);
const HEADER_ROW = 5;

const VILLAGES = ['Thôn 1', 'Thôn 2', 'Thôn 3', 'Thôn 4', 'Thôn 5', 'Thôn 6', 'Thôn 7'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** mdp-2022, rural. */
const INCOME_LINE = 1_500_000;
const POOR_MIN_DEPRIVATIONS = 3;

const SURNAMES = ['Nguyễn', 'Lê', 'Trần', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Đặng', 'Ngô', 'Lò', 'Hà', 'Cầm', 'Trịnh', 'Mai', 'Lương'];
const MALE_MIDDLE = ['Văn', 'Văn', 'Văn', 'Đức', 'Hữu', 'Xuân', 'Công', 'Đình', 'Quang', 'Minh'];
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Hồng'];
const MALE_GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hùng', 'Hải', 'Long', 'Nam', 'Sơn', 'Thành', 'Tuấn', 'Việt', 'Quân', 'Toàn', 'Thắng', 'Lực'];
const FEMALE_GIVEN = ['Hà', 'Hương', 'Lan', 'Mai', 'Nga', 'Hoa', 'Hằng', 'Thảo', 'Yến', 'Liên', 'Nhung', 'Loan', 'Tuyết', 'Dung', 'Hạnh', 'Oanh'];
const NOTES = ['Chủ hộ là người cao tuổi', 'Có người khuyết tật', 'Hộ đơn thân', 'Mới tách hộ', 'Có con đang đi học'];

type Category = 'poor' | 'nearPoor' | 'newlyEscaped';
const CATEGORY_TEXT: Record<Category, { full: string; short: string }> = {
  poor: { full: 'Hộ nghèo', short: 'N' },
  nearPoor: { full: 'Hộ cận nghèo', short: 'CN' },
  newlyEscaped: { full: 'Hộ mới thoát nghèo', short: 'MTN' },
};

const PLANTS: readonly IssueCode[] = ['HH.VILLAGE_UNKNOWN', 'HH.SIZE_RANGE', 'CELL.TYPE', 'HH.CLASS_MISMATCH', 'HH.DEPRIVATION_COUNT'];

/** "1.250.000" as officers type money in text cells. */
function dotted(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export function generateHouseholds(n: number, options: GenerateOptions = {}): GeneratedSheet {
  const rnd = prng(options.seed ?? 20241205);
  const plantEvery = options.plantEvery ?? 50;
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

  const rows: CellValue[][] = [];
  const merges: string[] = [];
  const planted: PlantedIssue[] = [];
  const put = (cells: CellValue[]): number => {
    rows.push(cells);
    return rows.length; // Excel row number
  };
  const blankRow = (): CellValue[] => new Array<CellValue>(WIDTH).fill(null);

  // ---- titles ----
  put(['UBND XÃ XUÂN HOÀ']);
  merges.push('A1:F1');
  put(['DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO, HỘ MỚI THOÁT NGHÈO NĂM 2024']);
  merges.push(`A2:${LAST}2`);
  const unitLine = blankRow();
  unitLine[WIDTH - 3] = 'ĐVT: đồng';
  put(unitLine);
  merges.push(`${columnLetters(WIDTH - 2)}3:${LAST}3`);
  put([]);

  // ---- two-row header ----
  const top = blankRow();
  const sub = blankRow();
  const single = (col: number, label: string): void => {
    top[col - 1] = label;
    merges.push(`${columnLetters(col)}${HEADER_ROW}:${columnLetters(col)}${HEADER_ROW + 1}`);
  };
  single(COL.seq, 'STT');
  single(COL.name, 'Họ và tên chủ hộ');
  top[COL.birthMale - 1] = 'Năm sinh';
  sub[COL.birthMale - 1] = 'Nam';
  sub[COL.birthFemale - 1] = 'Nữ';
  merges.push(`${columnLetters(COL.birthMale)}${HEADER_ROW}:${columnLetters(COL.birthFemale)}${HEADER_ROW}`);
  single(COL.id, 'Số CCCD');
  single(COL.ethnicity, 'Dân tộc');
  single(COL.village, 'Thôn');
  single(COL.size, 'Số nhân khẩu');
  single(COL.category, 'Phân loại hộ');
  single(COL.income, 'Thu nhập bình quân (đồng/người/tháng)');
  top[COL.firstIndicator - 1] = 'Các chỉ số thiếu hụt dịch vụ xã hội cơ bản';
  INDICATORS.forEach((d, k) => {
    sub[COL.firstIndicator - 1 + k] = d.name;
  });
  merges.push(
    `${columnLetters(COL.firstIndicator)}${HEADER_ROW}:${columnLetters(COL.firstIndicator + INDICATORS.length - 1)}${HEADER_ROW}`,
  );
  single(COL.deprivationCount, 'Tổng số chỉ số thiếu hụt');
  single(COL.meritFamily, 'Hộ có người có công');
  single(COL.noWorkCapacity, 'Hộ không có khả năng lao động');
  single(COL.escapedYear, 'Năm thoát nghèo');
  single(COL.note, 'Ghi chú');
  put(top);
  put(sub);
  // numbering row (1) … (27)
  put(Array.from({ length: WIDTH }, (_, k) => `(${k + 1})`));

  // ---- households, grouped by village ----
  const weights = VILLAGES.map(() => 0.6 + rnd() * 0.8);
  const total = weights.reduce((a, b) => a + b, 0);
  const perVillage = weights.map((w) => Math.floor((n * w) / total));
  perVillage[0] = (perVillage[0] ?? 0) + n - perVillage.reduce((a, b) => a + b, 0);

  const sums = { size: 0, indicators: new Array<number>(INDICATORS.length).fill(0), deprivations: 0, merit: 0, noWork: 0 };
  const idOffset = int(0, 999_999);
  let seq = 0;
  for (let v = 0; v < VILLAGES.length; v++) {
    const village = VILLAGES[v] as string;
    const group = blankRow();
    group[0] = ROMAN[v] ?? String(v + 1);
    group[1] = village;
    const gr = put(group);
    merges.push(`B${gr}:${LAST}${gr}`);

    for (let h = 0; h < (perVillage[v] ?? 0); h++) {
      const i = seq++; // 0-based household index
      const plantKind = plantEvery > 0 && (i + 1) % plantEvery === 0 ? (PLANTS[((i + 1) / plantEvery - 1) % PLANTS.length] as IssueCode) : null;
      const cells = blankRow();

      const male = rnd() < 0.62;
      const birthYear = int(1940, 2000);
      // Household category and the facts that make it consistent with mdp-2022.
      const r = rnd();
      let category: Category = r < 0.3 ? 'poor' : r < 0.75 ? 'nearPoor' : 'newlyEscaped';
      if (plantKind === 'HH.CLASS_MISMATCH') category = 'nearPoor';
      let income: number;
      let deprivations: number;
      if (category === 'poor') {
        income = rnd() < 0.05 ? INCOME_LINE : int(400, 1_500) * 1_000;
        deprivations = int(POOR_MIN_DEPRIVATIONS, 7);
      } else if (category === 'nearPoor') {
        income = rnd() < 0.05 ? INCOME_LINE : int(700, 1_500) * 1_000;
        deprivations = int(0, POOR_MIN_DEPRIVATIONS - 1);
      } else {
        income = int(1_501, 2_800) * 1_000;
        deprivations = int(0, 4);
      }
      if (plantKind === 'HH.CLASS_MISMATCH') deprivations = 4; // near-poor with 4 deprivations: should be poor

      // Which indicators: a partial Fisher–Yates over the 12.
      const order = INDICATORS.map((_, k) => k);
      for (let k = 0; k < deprivations; k++) {
        const j = k + Math.floor(rnd() * (order.length - k));
        const t = order[k] as number;
        order[k] = order[j] as number;
        order[j] = t;
      }
      for (let k = 0; k < deprivations; k++) {
        const idx = order[k] as number;
        cells[COL.firstIndicator - 1 + idx] = rnd() < 0.9 ? 'x' : 'X';
        sums.indicators[idx] = (sums.indicators[idx] ?? 0) + 1;
      }

      // 12-digit personal ID: 038 (Thanh Hoá) + century/gender digit + birth year's last two digits + 6 digits.
      // The 6 digits are i·523573 + offset mod 10⁶ — a bijection on 0…999,999, so IDs are unique for n ≤ 10⁶.
      const centuryDigit = (birthYear >= 2000 ? 2 : 0) + (male ? 0 : 1);
      const serial = (i * 523_573 + idOffset) % 1_000_000;
      const id = `038${centuryDigit}${String(birthYear % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`;

      const given = male ? pick(MALE_GIVEN) : pick(FEMALE_GIVEN);
      const middle = male ? pick(MALE_MIDDLE) : pick(FEMALE_MIDDLE);
      const size = int(1, 8);
      const e = rnd();

      cells[COL.seq - 1] = seq;
      cells[COL.name - 1] = `${pick(SURNAMES)} ${middle} ${given}`;
      cells[(male ? COL.birthMale : COL.birthFemale) - 1] = birthYear;
      cells[COL.id - 1] = id;
      cells[COL.ethnicity - 1] = e < 0.85 ? 'Kinh' : e < 0.95 ? 'Mường' : 'Thái';
      cells[COL.village - 1] = village;
      cells[COL.size - 1] = size;
      const words = CATEGORY_TEXT[category];
      cells[COL.category - 1] = rnd() < 0.9 ? words.full : words.short;
      cells[COL.income - 1] = rnd() < 0.85 ? income : dotted(income);
      cells[COL.deprivationCount - 1] = deprivations;
      if (rnd() < 0.05) {
        cells[COL.meritFamily - 1] = 'x';
        sums.merit++;
      }
      if (rnd() < 0.03) {
        cells[COL.noWorkCapacity - 1] = 'x';
        sums.noWork++;
      }
      if (category === 'newlyEscaped') cells[COL.escapedYear - 1] = int(2021, 2024);
      if (rnd() < 0.03) cells[COL.note - 1] = pick(NOTES);

      switch (plantKind) {
        case 'HH.VILLAGE_UNKNOWN':
          cells[COL.village - 1] = 'Thôn 9';
          break;
        case 'HH.SIZE_RANGE':
          cells[COL.size - 1] = 0;
          break;
        case 'CELL.TYPE':
          cells[COL.income - 1] = 'abc';
          break;
        case 'HH.DEPRIVATION_COUNT':
          cells[COL.deprivationCount - 1] = deprivations + 1;
          break;
        default:
          break;
      }
      sums.size += cells[COL.size - 1] as number;
      sums.deprivations += cells[COL.deprivationCount - 1] as number;

      const row = put(cells);
      if (plantKind) planted.push({ code: plantKind, row });
    }
  }

  // ---- "Tổng cộng" ----
  const totals = blankRow();
  totals[COL.name - 1] = 'Tổng cộng';
  totals[COL.size - 1] = sums.size;
  sums.indicators.forEach((c, k) => {
    totals[COL.firstIndicator - 1 + k] = c;
  });
  totals[COL.deprivationCount - 1] = sums.deprivations;
  totals[COL.meritFamily - 1] = sums.merit;
  totals[COL.noWorkCapacity - 1] = sums.noWork;
  put(totals);

  // ---- signature block ----
  const right = WIDTH - 4; // 0-based column of the right-hand signature
  const sig = (left: string | null, rightText: string | null): void => {
    const cells = blankRow();
    if (left !== null) cells[COL.name - 1] = left;
    if (rightText !== null) cells[right] = rightText;
    const r = put(cells);
    if (rightText !== null) merges.push(`${columnLetters(right + 1)}${r}:${LAST}${r}`);
  };
  put([]);
  sig(null, 'Xuân Hoà, ngày 05 tháng 12 năm 2024');
  sig('NGƯỜI LẬP BIỂU', 'TM. UBND XÃ');
  sig(null, 'CHỦ TỊCH');
  sig('(Ký, ghi rõ họ tên)', '(Ký tên, đóng dấu)');
  put([]);
  put([]);
  sig('Lê Thị Hương', 'Nguyễn Văn Thành');

  return { grid: { name: options.name ?? 'DS hộ nghèo 2024', rows, merges }, planted };
}
