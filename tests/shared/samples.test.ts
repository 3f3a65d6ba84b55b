import { describe, expect, it } from 'vitest';
import { validateWorkbook } from '../../shared/validate.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { loadSamples, matchKey, sampleGrids } from '../samples.ts';

describe('the sample workbooks give exactly the issues of their answer keys', () => {
  for (const sample of loadSamples()) {
    it(sample.name, async () => {
      const grids = await sampleGrids(sample.file);
      const result = validateWorkbook(grids.map((grid) => ({ grid })), { plan: XUAN_HOA_2024, reportDate: sample.date });
      expect(matchKey(result.issues, sample.issues)).toEqual({ missed: [], extra: [] });
      if (sample.issues.length === 0) expect(result.ok).toBe(true);
      for (const s of result.sheets) expect(s.kind).not.toBeNull();
    });
  }
});

describe('column mapping of the samples', () => {
  it('maps the classic household layout, the Năm sinh → Nam / Nữ pair and the 12 indicators', async () => {
    const [grid] = await sampleGrids(loadSamples().find((s) => s.name === 'households-classic-clean')!.file);
    const result = validateWorkbook([{ grid: grid! }], { plan: XUAN_HOA_2024, reportDate: '2024-12-05' });
    expect(result.sheets[0]).toMatchObject({
      kind: 'households',
      headerRow: 7,
      headerRows: 2,
      columns: {
        seq: 'A', headName: 'B', headBirthYear: 'C', 'headBirthYear.male': 'C', 'headBirthYear.female': 'D', idNumber: 'E',
        ethnicity: 'F', village: 'G', size: 'H', category: 'I', income: 'J', D01: 'K', D06: 'P', D12: 'V',
        deprivationCount: 'W', meritFamily: 'X', noWorkCapacity: 'Y', escapedYear: 'Z', note: 'AA',
      },
    });
  });

  it('maps the one-row header with category mark columns and codes', async () => {
    const [grid] = await sampleGrids(loadSamples().find((s) => s.name === 'households-simple-errors')!.file);
    const result = validateWorkbook([{ grid: grid! }], { plan: XUAN_HOA_2024, reportDate: '2024-12-05' });
    expect(result.sheets[0]).toMatchObject({
      kind: 'households',
      headerRow: 4,
      headerRows: 1,
      columns: {
        seq: 'A', householdCode: 'B', headName: 'C', headGender: 'D', headBirthYear: 'E', idNumber: 'F', village: 'G', size: 'H',
        'category.poor': 'I', 'category.nearPoor': 'J', 'category.newlyEscaped': 'K', income: 'L', D01: 'M', D12: 'X',
        deprivationCount: 'Y', meritFamily: 'Z', noWorkCapacity: 'AA', escapedYear: 'AB', note: 'AC',
      },
    });
  });

  it('maps the scores layout with B1, B2 and the reasons for poverty', async () => {
    const [grid] = await sampleGrids(loadSamples().find((s) => s.name === 'households-scores-errors')!.file);
    const result = validateWorkbook([{ grid: grid! }], { plan: XUAN_HOA_2024, reportDate: '2024-12-05' });
    expect(result.sheets[0]?.columns).toMatchObject({
      b1Score: 'J', b2Score: 'X', deprivationCount: 'W', meritFamily: 'Y', noWorkCapacity: 'Z', escapedYear: 'AA',
      'reasons.land': 'AB', 'reasons.capital': 'AC', 'reasons.illness': 'AH', 'reasons.other': 'AI', note: 'AJ',
    });
  });

  it('maps the whole commune workbook: beneficiary lists and the progress report with its fund group', async () => {
    const grids = await sampleGrids(loadSamples().find((s) => s.name === 'workbook-xuan-hoa-2024-clean')!.file);
    const result = validateWorkbook(grids.map((grid) => ({ grid })), { plan: XUAN_HOA_2024, reportDate: '2024-12-05' });
    expect(result.sheets.map((s) => [s.name, s.kind, s.headerRow])).toEqual([
      ['Ho ngheo', 'households', 7],
      ['DA3.2 dinh duong', 'beneficiaries', 6],
      ['DA4.1 hoc nghe', 'beneficiaries', 6],
      ['Ho tro sinh ke', 'beneficiaries', 6],
      ['Tien do', 'progress', 6],
    ]);
    expect(result.sheets[3]?.columns).toMatchObject({
      project: 'B', fullName: 'C', birthDate: 'D', gender: 'E', idNumber: 'F', householdCode: 'G', householdHead: 'H',
      village: 'I', supportType: 'J', supportDate: 'K', amount: 'L', disabled: 'M', note: 'N',
    });
    expect(result.sheets[4]?.columns).toMatchObject({
      project: 'B', lead: 'C', beneficiaryCount: 'D', allocatedTotal: 'E', allocatedCentral: 'F', allocatedLocal: 'G',
      allocatedMobilised: 'H', disbursed: 'I', status: 'J', obstacles: 'K', proposals: 'L',
    });
    expect(result.period).toBe('2024-Y');
  });
});
