import type { Finding, Issue, IssueCode, IssueValue } from '../issues.ts';

/** The only place text is made from issues: Vietnamese first, English second (SPEC section 4). */
export type Lang = 'vi' | 'en';

/** Field names as officers know them. */
export const FIELD_LABELS: Record<string, { vi: string; en: string }> = {
  householdCode: { vi: 'Mã hộ', en: 'household code' },
  headName: { vi: 'Họ và tên chủ hộ', en: 'head of household' },
  headBirthYear: { vi: 'Năm sinh', en: 'birth year' },
  'headBirthYear.male': { vi: 'Năm sinh (Nam)', en: 'birth year (male)' },
  'headBirthYear.female': { vi: 'Năm sinh (Nữ)', en: 'birth year (female)' },
  headGender: { vi: 'Giới tính', en: 'gender' },
  idNumber: { vi: 'Số CCCD / định danh', en: 'ID number' },
  ethnicity: { vi: 'Dân tộc', en: 'ethnicity' },
  village: { vi: 'Thôn', en: 'village' },
  size: { vi: 'Số nhân khẩu', en: 'household size' },
  category: { vi: 'Phân loại hộ', en: 'household category' },
  income: { vi: 'Thu nhập bình quân', en: 'average income' },
  b1Score: { vi: 'Điểm B1', en: 'B1 score' },
  b2Score: { vi: 'Điểm B2', en: 'B2 score' },
  beginningCategory: { vi: 'Phân loại đầu kỳ', en: 'start-of-year category' },
  deprivationCount: { vi: 'Tổng số chỉ số thiếu hụt', en: 'number of deprivations' },
  meritFamily: { vi: 'Hộ có người có công', en: 'merit family' },
  noWorkCapacity: { vi: 'Hộ không có khả năng lao động', en: 'no working capacity' },
  escapedYear: { vi: 'Năm thoát nghèo', en: 'year out of poverty' },
  memberName: { vi: 'Họ và tên thành viên', en: 'member name' },
  relationship: { vi: 'Quan hệ với chủ hộ', en: 'relationship to the head' },
  address: { vi: 'Địa chỉ', en: 'address' },
  commune: { vi: 'Xã', en: 'commune' },
  communeCode: { vi: 'Mã xã', en: 'commune code' },
  villageCode: { vi: 'Mã thôn', en: 'village code' },
  recognitionDecision: { vi: 'Quyết định công nhận', en: 'recognition decision' },
  recognitionDate: { vi: 'Ngày ban hành QĐ', en: 'decision date' },
  ethnicMinority: { vi: 'Hộ DTTS', en: 'ethnic minority household' },
  localEthnic: { vi: 'Hộ DTTC', en: 'local ethnic minority household' },
  reasonList: { vi: 'Nguyên nhân nghèo', en: 'reasons for poverty' },
  deprivationList: { vi: 'Các chỉ số thiếu hụt', en: 'deprived indicators' },
  project: { vi: 'Dự án / Tiểu dự án', en: 'sub-project' },
  projectCode: { vi: 'Mã dự án', en: 'sub-project code' },
  fullName: { vi: 'Họ và tên', en: 'full name' },
  birthDate: { vi: 'Ngày sinh', en: 'date of birth' },
  gender: { vi: 'Giới tính', en: 'gender' },
  householdHead: { vi: 'Chủ hộ', en: 'head of household' },
  supportType: { vi: 'Nội dung hỗ trợ', en: 'support' },
  supportDate: { vi: 'Ngày hỗ trợ', en: 'support date' },
  amount: { vi: 'Kinh phí', en: 'amount' },
  disabled: { vi: 'Người khuyết tật', en: 'disabled' },
  lead: { vi: 'Cơ quan chủ trì', en: 'lead unit' },
  beneficiaryCount: { vi: 'Số đối tượng thụ hưởng', en: 'number of beneficiaries' },
  allocatedTotal: { vi: 'Kinh phí được phân bổ (tổng)', en: 'allocated (total)' },
  allocatedCentral: { vi: 'Kinh phí NSTW', en: 'central budget' },
  allocatedLocal: { vi: 'Kinh phí NSĐP', en: 'local budget' },
  allocatedMobilised: { vi: 'Kinh phí huy động', en: 'mobilised funds' },
  disbursed: { vi: 'Kinh phí đã giải ngân', en: 'disbursed' },
  status: { vi: 'Tiến độ', en: 'status' },
  note: { vi: 'Ghi chú', en: 'note' },
  place: { vi: 'Thôn / Xã', en: 'village / commune' },
  totalHouseholds: { vi: 'Tổng số hộ dân cư', en: 'total households' },
  poor: { vi: 'Số hộ nghèo', en: 'poor households' },
  poorRate: { vi: 'Tỷ lệ hộ nghèo (%)', en: 'poverty rate (%)' },
  nearPoor: { vi: 'Số hộ cận nghèo', en: 'near-poor households' },
  nearPoorRate: { vi: 'Tỷ lệ hộ cận nghèo (%)', en: 'near-poverty rate (%)' },
  newlyEscaped: { vi: 'Số hộ mới thoát nghèo', en: 'newly escaped households' },
  newlyEscapedRate: { vi: 'Tỷ lệ hộ mới thoát nghèo (%)', en: 'newly escaped rate (%)' },
  deprivationTotal: { vi: 'Tổng số thiếu hụt', en: 'total deprivations' },
};

const CATEGORY_LABELS: Record<string, { vi: string; en: string }> = {
  poor: { vi: 'hộ nghèo', en: 'poor' },
  nearPoor: { vi: 'hộ cận nghèo', en: 'near-poor' },
  newlyEscaped: { vi: 'hộ mới thoát nghèo', en: 'newly escaped' },
};

export function fieldLabel(field: string | null, lang: Lang): string {
  if (!field) return '';
  const known = FIELD_LABELS[field];
  if (known) return known[lang];
  if (/^D\d\d$/.test(field)) return lang === 'vi' ? `Chỉ số thiếu hụt ${field}` : `deprivation ${field}`;
  if (field.startsWith('category.')) return FIELD_LABELS.category?.[lang] ?? field;
  if (field.startsWith('reasons.')) return lang === 'vi' ? 'Nguyên nhân nghèo' : 'reason for poverty';
  return field;
}

function show(v: IssueValue | undefined): string {
  if (v === null || v === undefined || v === '') return '(trống)';
  return String(v);
}

function showEn(v: IssueValue | undefined): string {
  return v === null || v === undefined || v === '' ? '(blank)' : String(v);
}

/** dd/mm/yyyy for an ISO date, as officers write dates. */
function day(v: IssueValue | undefined): string {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(v) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : show(v);
}

/**
 * One formatter (toLocaleString builds a new one on every call: slow with thousands of issues),
 * made on first use: loading the locale's data costs ~30 ms, a tenth of `gnbv`'s start-up.
 */
let viNumber: Intl.NumberFormat | null = null;

function money(v: IssueValue | undefined): string {
  return typeof v === 'number' ? `${(viNumber ??= new Intl.NumberFormat('vi-VN')).format(v)} đồng` : show(v);
}

const decimalFormats = new Map<string, Intl.NumberFormat>();

/** A number with the decimals a form shows, as Vietnamese (0,76) or English (0.76) write it. */
function decimal(v: IssueValue | undefined, digits: IssueValue | undefined, lang: Lang): string {
  if (typeof v !== 'number') return lang === 'vi' ? show(v) : showEn(v);
  const d = typeof digits === 'number' ? Math.min(Math.max(Math.trunc(digits), 0), 15) : 2;
  const key = `${lang}${d}`;
  let format = decimalFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
    decimalFormats.set(key, format);
  }
  return format.format(v);
}

/** Where a summary row's figures are: "ở Thôn 3", or the total row. */
function summaryPlace(i: Finding, lang: Lang): string {
  const place = p(i, 'place');
  if (p(i, 'total') === true) return lang === 'vi' ? `ở dòng "${show(place)}" (cả danh sách)` : `on the "${showEn(place)}" row (the whole list)`;
  return lang === 'vi' ? `ở ${show(place)}` : `in ${showEn(place)}`;
}

function category(v: IssueValue | undefined, lang: Lang): string {
  if (v === null || v === undefined) return lang === 'vi' ? 'không thuộc diện nghèo, cận nghèo' : 'neither poor nor near-poor';
  return CATEGORY_LABELS[String(v)]?.[lang] ?? String(v);
}

type Render = (i: Finding, lang: Lang, f: string) => string;
const p = (i: Finding, key: string): IssueValue | undefined => i.params?.[key];

const CATALOGUE: Record<IssueCode, { vi: Render; en: Render }> = {
  'SHEET.UNKNOWN_KIND': {
    vi: (i) =>
      p(i, 'summaryOnly') === true
        ? 'Sổ chỉ có bảng tổng hợp (đã kiểm tra các số liệu của bảng), không có danh sách hộ, danh sách đối tượng hỗ trợ hay báo cáo tiến độ để gửi.'
        : 'Không nhận ra bảng nào (danh sách hộ, danh sách đối tượng hỗ trợ, báo cáo tiến độ) từ tiêu đề cột.',
    en: (i) =>
      p(i, 'summaryOnly') === true
        ? 'The workbook has only summary tables (their figures were checked): no household list, beneficiary list or progress report to submit.'
        : 'No household list, beneficiary list or progress report was recognised from the headers.',
  },
  'SHEET.MISSING_COLUMN': {
    vi: (_i, _l, f) => `Thiếu cột bắt buộc "${f}". Hãy thêm cột hoặc chỉ lại cột trong phần ghép cột.`,
    en: (_i, _l, f) => `Required column "${f}" is missing. Add it or map it in the column mapping.`,
  },
  'SHEET.NO_ROWS': {
    vi: () => 'Bảng không có dòng dữ liệu nào dưới tiêu đề.',
    en: () => 'The table has no data rows under its header.',
  },
  'CELL.REQUIRED': {
    vi: (_i, _l, f) => `Ô "${f}" không được để trống.`,
    en: (_i, _l, f) => `"${f}" is required.`,
  },
  'CELL.TYPE': {
    vi: (i, _l, f) => {
      const t = p(i, 'expectedType');
      const want = t === 'year' ? 'một năm (ví dụ 1975)' : t === 'date' ? 'một ngày (dd/mm/yyyy)' : t === 'integer' ? 'một số nguyên' : t === 'mark' ? 'dấu x hoặc để trống' : t === 'gender' ? 'Nam hoặc Nữ' : t === 'indicatorList' ? 'các chỉ số thiếu hụt, theo số 1–12 (ví dụ "1, 4, 9"), mã (CS1, D01) hoặc tên' : 'một số';
      return `"${f}" phải là ${want}, nhưng ô ghi "${show(i.value)}".`;
    },
    en: (i, _l, f) => `"${f}" must be a ${String(p(i, 'expectedType') ?? 'number')}, but the cell holds "${showEn(i.value)}".`,
  },
  'CELL.FORMULA_ERROR': {
    vi: (i) => `Ô đang báo lỗi công thức ${show(i.value)}; hãy sửa công thức hoặc nhập giá trị.`,
    en: (i) => `The cell shows the formula error ${showEn(i.value)}; fix the formula or type the value.`,
  },
  'CELL.LEGACY_ENCODING': {
    vi: (i) => `Chữ "${show(i.value)}" đang ở bảng mã cũ ${String(p(i, 'encoding') ?? '').toUpperCase()}${p(i, 'font') ? ` (phông ${String(p(i, 'font'))})` : ''}; có thể chuyển sang Unicode.`,
    en: (i) => `"${showEn(i.value)}" is in the legacy ${String(p(i, 'encoding') ?? '').toUpperCase()} encoding; it can be converted to Unicode.`,
  },
  'ID.FORMAT': {
    vi: (i) =>
      p(i, 'leadingZeroLost')
        ? `Số định danh "${show(i.value)}" chỉ có 11 chữ số vì Excel đã bỏ số 0 ở đầu; có thể khôi phục thành ${show(i.expected)} (định dạng ô Văn bản).`
        : p(i, 'oldIdCard')
          ? `"${show(i.value)}" là số CMND 9 chữ số cũ; nên cập nhật số định danh cá nhân 12 chữ số.`
          : `Số định danh "${show(i.value)}" phải gồm đúng 12 chữ số.`,
    en: (i) =>
      p(i, 'leadingZeroLost')
        ? `ID "${showEn(i.value)}" has 11 digits because Excel dropped the leading 0; it can be restored as ${showEn(i.expected)}.`
        : p(i, 'oldIdCard')
          ? `"${showEn(i.value)}" is an old 9-digit identity card number; update it to the 12-digit personal ID.`
          : `ID "${showEn(i.value)}" must have exactly 12 digits.`,
  },
  'ID.PROVINCE': {
    vi: (i) => `Ba chữ số đầu "${show(p(i, 'province'))}" của số định danh không phải mã tỉnh nào.`,
    en: (i) => `The first three digits "${showEn(p(i, 'province'))}" of the ID are no province code.`,
  },
  'ID.BIRTH_MISMATCH': {
    vi: (i) => `Số định danh ghi năm sinh ${show(p(i, 'idYear'))} (${p(i, 'idGender') === 'male' ? 'nam' : 'nữ'}), khác với năm sinh/giới tính trên dòng.`,
    en: (i) => `The ID encodes birth year ${showEn(p(i, 'idYear'))} (${String(p(i, 'idGender'))}), which disagrees with the row's birth year or gender.`,
  },
  'ID.DUPLICATE': {
    vi: (i) => `Số định danh ${show(i.value)} trùng với dòng ${show(p(i, 'firstRow'))}.`,
    en: (i) => `ID ${showEn(i.value)} repeats row ${showEn(p(i, 'firstRow'))}.`,
  },
  'HH.CODE_DUPLICATE': {
    vi: (i) => `Mã hộ ${show(i.value)} trùng với dòng ${show(p(i, 'firstRow'))}.`,
    en: (i) => `Household code ${showEn(i.value)} repeats row ${showEn(p(i, 'firstRow'))}.`,
  },
  'HH.VILLAGE_UNKNOWN': {
    vi: (i) => `Thôn "${show(i.value)}" không có trong kế hoạch của xã (${show(p(i, 'villages'))}).`,
    en: (i) => `Village "${showEn(i.value)}" is not in the commune plan (${showEn(p(i, 'villages'))}).`,
  },
  'HH.SIZE_RANGE': {
    vi: (i) => `Số nhân khẩu "${show(i.value)}" phải là số nguyên từ ${show(p(i, 'min'))} đến ${show(p(i, 'max'))}.`,
    en: (i) => `Household size "${showEn(i.value)}" must be a whole number from ${showEn(p(i, 'min'))} to ${showEn(p(i, 'max'))}.`,
  },
  'HH.CATEGORY_UNKNOWN': {
    vi: (i) =>
      i.column === null
        ? p(i, 'marked') === 0
          ? 'Chưa đánh dấu hộ thuộc loại nào (nghèo, cận nghèo, mới thoát nghèo).'
          : 'Hộ được đánh dấu ở nhiều loại cùng lúc; chỉ được chọn một.'
        : p(i, 'notTarget') === true
          ? `"${show(i.value)}": hộ không nghèo không thuộc danh sách hộ nghèo, cận nghèo, mới thoát nghèo; bỏ dòng này khỏi danh sách gửi hoặc sửa phân loại.`
          : `Phân loại hộ "${show(i.value)}" không hợp lệ; dùng Hộ nghèo (N), Hộ cận nghèo (CN) hoặc Hộ mới thoát nghèo (MTN).`,
    en: (i) =>
      i.column === null
        ? 'Mark exactly one category (poor, near-poor, newly escaped).'
        : p(i, 'notTarget') === true
          ? `"${showEn(i.value)}": a household that is not poor belongs to no list to submit; remove the row or correct its category.`
          : `Category "${showEn(i.value)}" is not recognised; use poor (N), near-poor (CN) or newly escaped (MTN).`,
  },
  'HH.DEPRIVATION_COUNT': {
    vi: (i) => `Tổng số chỉ số thiếu hụt ghi ${show(i.value)}, nhưng đếm được ${show(i.expected)} dấu x.`,
    en: (i) => `The stated number of deprivations is ${showEn(i.value)}, but ${showEn(i.expected)} are marked.`,
  },
  'HH.B2_MISMATCH': {
    vi: (i) => `Điểm B2 là ${show(i.value)}, nhưng phải bằng 10 × số chỉ số thiếu hụt = ${show(i.expected)}.`,
    en: (i) => `B2 is ${showEn(i.value)} but must be 10 × the deprivations = ${showEn(i.expected)}.`,
  },
  'HH.CLASS_MISMATCH': {
    vi: (i, l) =>
      `Hộ ghi là ${category(i.value, l)}, nhưng với ${p(i, 'incomeSide') === 'b1' ? `điểm B1 ${show(p(i, 'income'))} (chuẩn ${show(p(i, 'line'))})` : `thu nhập ${money(p(i, 'income'))} (chuẩn ${money(p(i, 'line'))})`} và ${show(p(i, 'deprivations'))} chỉ số thiếu hụt thì theo chuẩn ${show(p(i, 'pack'))} là ${category(i.expected, l)}.`,
    en: (i, l) =>
      `Recorded as ${category(i.value, l)}, but with ${p(i, 'incomeSide') === 'b1' ? `B1 ${showEn(p(i, 'income'))} (line ${showEn(p(i, 'line'))})` : `income ${showEn(p(i, 'income'))} (line ${showEn(p(i, 'line'))})`} and ${showEn(p(i, 'deprivations'))} deprivations the ${showEn(p(i, 'pack'))} standard says ${category(i.expected, l)}.`,
  },
  'HH.ESCAPED_WINDOW': {
    vi: (i) =>
      i.value === null
        ? 'Hộ mới thoát nghèo phải ghi năm thoát nghèo.'
        : `Năm thoát nghèo ${show(i.value)} nằm ngoài thời hạn hộ mới thoát nghèo (${show(p(i, 'from'))}–${show(p(i, 'to'))}).`,
    en: (i) =>
      i.value === null
        ? 'A newly escaped household needs its year out of poverty.'
        : `Year out of poverty ${showEn(i.value)} is outside the newly-escaped window (${showEn(p(i, 'from'))}–${showEn(p(i, 'to'))}).`,
  },
  'HH.AGE_RANGE': {
    vi: (i) => `Chủ hộ ${show(p(i, 'age'))} tuổi, ngoài khoảng ${show(p(i, 'min'))}–${show(p(i, 'max'))}; kiểm tra lại năm sinh.`,
    en: (i) => `The head is ${showEn(p(i, 'age'))} years old, outside ${showEn(p(i, 'min'))}–${showEn(p(i, 'max'))}; check the birth year.`,
  },
  'HH.MEMBER_COUNT': {
    vi: (i) =>
      `Số nhân khẩu ghi ${show(i.value)} nhưng danh sách có ${show(i.expected)} người (chủ hộ và ${show(p(i, 'members'))} thành viên ở các dòng dưới); kiểm tra lại số nhân khẩu hoặc các dòng thành viên.`,
    en: (i) =>
      `Household size says ${showEn(i.value)} but the list has ${showEn(i.expected)} people (the head and ${showEn(p(i, 'members'))} members on the rows below); check the size or the member rows.`,
  },
  'BEN.PROJECT_UNKNOWN': {
    vi: (i) => `"${show(i.value)}" không phải dự án/tiểu dự án nào trong kế hoạch của xã.`,
    en: (i) => `"${showEn(i.value)}" is no sub-project of the commune plan.`,
  },
  'BEN.HOUSEHOLD_NOT_FOUND': {
    vi: (i) => `Không tìm thấy hộ "${show(i.value)}" trong danh sách hộ nghèo, cận nghèo, mới thoát nghèo của xã; ${show(p(i, 'project'))} chỉ hỗ trợ người thuộc các hộ này.`,
    en: (i) => `Household "${showEn(i.value)}" is not on the commune's list; ${showEn(p(i, 'project'))} serves only listed households.`,
  },
  'BEN.INELIGIBLE': {
    vi: (i) => `Hộ "${show(i.value)}" không thuộc diện được ${show(p(i, 'project'))} hỗ trợ tại ngày hỗ trợ (${show(p(i, 'reason'))}).`,
    en: (i) => `Household "${showEn(i.value)}" is not eligible for ${showEn(p(i, 'project'))} at the support date (${showEn(p(i, 'reason'))}).`,
  },
  'BEN.AGE_RANGE': {
    vi: (i) => `Người được hỗ trợ ${show(p(i, 'age'))} tuổi tại ngày hỗ trợ, không thuộc độ tuổi của ${show(p(i, 'project'))} (${show(p(i, 'rule'))}).`,
    en: (i) => `The beneficiary is ${showEn(p(i, 'age'))} at the support date, outside ${showEn(p(i, 'project'))}'s ages (${showEn(p(i, 'rule'))}).`,
  },
  'BEN.DATE_OUTSIDE_YEAR': {
    vi: (i) => `Ngày hỗ trợ ${day(i.value)} nằm ngoài năm kế hoạch ${show(p(i, 'year'))}.`,
    en: (i) => `Support date ${showEn(i.value)} is outside the plan year ${showEn(p(i, 'year'))}.`,
  },
  'BEN.DUPLICATE': {
    vi: (i) => `Người này đã có trong ${show(p(i, 'project'))} ở dòng ${show(p(i, 'firstRow'))}${p(i, 'firstSheet') ? ` (trang ${show(p(i, 'firstSheet'))})` : ''}.`,
    en: (i) => `This person is already listed for ${showEn(p(i, 'project'))} at row ${showEn(p(i, 'firstRow'))}.`,
  },
  'PRG.PROJECT_MISSING': {
    vi: (i) => `Báo cáo thiếu dòng của ${show(i.expected)} (${show(p(i, 'name'))}) có trong kế hoạch.`,
    en: (i) => `The report has no row for ${showEn(i.expected)} (${showEn(p(i, 'name'))}) of the plan.`,
  },
  'PRG.PROJECT_UNKNOWN': {
    vi: (i) => `"${show(i.value)}" không phải dự án/tiểu dự án nào trong kế hoạch của xã.`,
    en: (i) => `"${showEn(i.value)}" names no sub-project of the commune plan.`,
  },
  'PRG.LEAD_MISMATCH': {
    vi: (i) => `Cơ quan chủ trì "${show(i.value)}" khác với kế hoạch: ${show(i.expected)}.`,
    en: (i) => `Lead unit "${showEn(i.value)}" differs from the plan: ${showEn(i.expected)}.`,
  },
  'PRG.NEGATIVE': {
    vi: (i, _l, f) => `"${f}" không được âm (${show(i.value)}).`,
    en: (i, _l, f) => `"${f}" cannot be negative (${showEn(i.value)}).`,
  },
  'PRG.FUNDS_TOTAL': {
    vi: (i) => `Tổng kinh phí ${show(i.value)} khác tổng NSTW + NSĐP + huy động = ${show(i.expected)}.`,
    en: (i) => `Allocated total ${showEn(i.value)} differs from central + local + mobilised = ${showEn(i.expected)}.`,
  },
  'PRG.OVERSPENT': {
    vi: (i) => `Kinh phí đã giải ngân ${show(i.value)} lớn hơn kinh phí được phân bổ ${show(i.expected)}.`,
    en: (i) => `Disbursed ${showEn(i.value)} exceeds allocated ${showEn(i.expected)}.`,
  },
  'PRG.OVERDUE': {
    vi: (i) => `${show(p(i, 'project'))} có hạn hoàn thành ${show(p(i, 'due'))} nhưng tiến độ ghi "${show(i.value)}".`,
    en: (i) => `${showEn(p(i, 'project'))} was due ${showEn(p(i, 'due'))} but its status is "${showEn(i.value)}".`,
  },
  'PRG.BENEFICIARY_COUNT': {
    vi: (i) => `Số đối tượng ${show(i.value)} khác số dòng trong danh sách đối tượng của ${show(p(i, 'project'))}: ${show(i.expected)}.`,
    en: (i) => `The count ${showEn(i.value)} differs from the ${showEn(i.expected)} rows of ${showEn(p(i, 'project'))}'s beneficiary list.`,
  },
  'SUM.COUNT': {
    vi: (i, _l, f) =>
      p(i, 'reason') === 'negative'
        ? `"${f}" là số hộ, không được âm (ô ghi ${show(i.value)}).`
        : `"${f}" là số hộ, phải là số nguyên, nhưng ô ghi ${show(i.value)}.`,
    en: (i, _l, f) =>
      p(i, 'reason') === 'negative'
        ? `"${f}" is a number of households and cannot be negative (the cell holds ${showEn(i.value)}).`
        : `"${f}" is a number of households and must be a whole number, but the cell holds ${showEn(i.value)}.`,
  },
  'SUM.TOTAL': {
    vi: (i, _l, f) =>
      p(i, 'across') === 'indicators'
        ? `Tổng số thiếu hụt ghi ${show(i.value)}, nhưng cộng 12 chỉ số thiếu hụt của dòng này được ${show(i.expected)}.`
        : `Dòng tổng ghi ${show(i.value)} ở cột "${f}", nhưng cộng ${show(p(i, 'rows'))} dòng ở trên được ${show(i.expected)}.`,
    en: (i, _l, f) =>
      p(i, 'across') === 'indicators'
        ? `The total deprivations say ${showEn(i.value)}, but the row's 12 indicators add up to ${showEn(i.expected)}.`
        : `The total row says ${showEn(i.value)} in "${f}", but the ${showEn(p(i, 'rows'))} rows above add up to ${showEn(i.expected)}.`,
  },
  'SUM.RATE': {
    vi: (i, l, f) =>
      `"${f}" ghi ${decimal(i.value, p(i, 'decimals'), l)}, nhưng ${show(p(i, 'count'))} / ${show(p(i, 'total'))} hộ × 100 = ${decimal(i.expected, p(i, 'decimals'), l)}.`,
    en: (i, l, f) =>
      `"${f}" says ${decimal(i.value, p(i, 'decimals'), l)}, but ${showEn(p(i, 'count'))} / ${showEn(p(i, 'total'))} households × 100 = ${decimal(i.expected, p(i, 'decimals'), l)}.`,
  },
  'SUM.LIST_MISMATCH': {
    vi: (i, l) =>
      p(i, 'indicator') !== undefined
        ? `Bảng tổng hợp ghi ${show(p(i, 'summary'))} ${category(p(i, 'category'), l)} thiếu hụt "${show(p(i, 'indicatorName'))}" ${summaryPlace(i, l)}, danh sách hộ có ${show(p(i, 'list'))}.`
        : `Bảng tổng hợp ghi ${show(p(i, 'summary'))} ${category(p(i, 'category'), l)} ${summaryPlace(i, l)}, danh sách hộ có ${show(p(i, 'list'))}.`,
    en: (i, l) =>
      p(i, 'indicator') !== undefined
        ? `The summary counts ${showEn(p(i, 'summary'))} ${category(p(i, 'category'), l)} households deprived on "${showEn(p(i, 'indicatorName'))}" ${summaryPlace(i, l)}; the household list has ${showEn(p(i, 'list'))}.`
        : `The summary counts ${showEn(p(i, 'summary'))} ${category(p(i, 'category'), l)} households ${summaryPlace(i, l)}; the household list has ${showEn(p(i, 'list'))}.`,
  },
  'SUBMIT.LATE': {
    vi: (i) => `Nộp sau hạn báo cáo ${day(i.expected)} (23:59 giờ Việt Nam).`,
    en: (i) => `Submitted after the deadline ${showEn(i.expected)}.`,
  },
};

export function renderMessage(issue: Finding, lang: Lang = 'vi'): string {
  const entry = CATALOGUE[issue.code];
  return entry[lang](issue, lang, fieldLabel(issue.field, lang));
}

/**
 * A finding with its text in `lang`: the one place an issue gets words on its way out of the
 * engine (validateWorkbook) or of the Worker, its fields in the order the engine has always given them.
 */
export function withText(finding: Finding, lang: Lang): Issue {
  const issue: Issue = {
    code: finding.code,
    severity: finding.severity,
    sheet: finding.sheet,
    row: finding.row,
    column: finding.column,
    field: finding.field,
    value: finding.value,
    message: renderMessage(finding, lang),
  };
  if (finding.expected !== undefined) issue.expected = finding.expected;
  if (finding.params !== undefined) issue.params = finding.params;
  return issue;
}
