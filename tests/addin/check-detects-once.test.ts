import { beforeEach, describe, expect, it, vi } from 'vitest';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { checkWorkbook } from '../../addin/check.ts';
import * as readTableModule from '../../shared/table/read-table.ts';
import { household, householdSheet, progressSheet, sheet } from '../shared/grid-builder.ts';
import { FakeExcel } from './fake-excel.ts';

// Every header detection goes through readTable: counted here, behaviour unchanged.
vi.mock('../../shared/table/read-table.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../shared/table/read-table.ts')>();
  return { ...original, readTable: vi.fn(original.readTable) };
});
const readTable = vi.mocked(readTableModule.readTable);

const NOTES = sheet(['Ghi chú'], [['Không phải bảng']], { name: 'Ghi chú', titleLines: ['GHI CHÚ NĂM 2023'] });
const QUARTER = progressSheet([], { name: 'Tiến độ', titleLines: ['BÁO CÁO KẾT QUẢ QUÝ II NĂM 2024', 'ĐVT: triệu đồng'] });
const HOUSEHOLDS = householdSheet([household(1), household(2, { size: 0 })]);

describe('Kiểm tra finds each sheet’s header once', () => {
  beforeEach(() => {
    readTable.mockClear();
  });

  it('reads each sheet once: the title’s period picks the plan and the engine checks the same tables', async () => {
    const excel = FakeExcel.fromGrids([NOTES, QUARTER, HOUSEHOLDS]);
    const years: number[] = [];
    const outcome = await excel.run((context) =>
      checkWorkbook(context, {
        lang: 'vi',
        mappings: {},
        notes: false,
        defaultYear: 2030,
        planFor: async (year) => {
          years.push(year);
          return XUAN_HOA_2024;
        },
      }),
    );
    expect(readTable.mock.calls.map(([grid]) => grid.name)).toEqual(['Ghi chú', 'Tiến độ', HOUSEHOLDS.name]);
    expect(outcome.period).toBe('2024-Q2');
    expect(years).toEqual([2024]);
    expect(outcome.result.period).toBe('2024-Q2');
    expect(outcome.result.issues.some((i) => i.code === 'HH.SIZE_RANGE')).toBe(true);
  });

  it('with the period chosen in the pane, still once', async () => {
    const excel = FakeExcel.fromGrids([QUARTER, HOUSEHOLDS]);
    const outcome = await excel.run((context) =>
      checkWorkbook(context, { lang: 'vi', mappings: {}, notes: false, period: '2024-Y', defaultYear: 2030, planFor: async () => XUAN_HOA_2024 }),
    );
    expect(readTable).toHaveBeenCalledTimes(2);
    expect(outcome.result.period).toBe('2024-Y');
  });
});
