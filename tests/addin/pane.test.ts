// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Grid } from '../../shared/grid/grid.ts';
import { readGrids } from '../../shared/xlsx/read-spreadsheet.ts';
import { ISSUES_SHEET } from '../../addin/excel/read-workbook.ts';
import { type PaneDeps, mountTaskPane } from '../../addin/ui/app.ts';
import { SAMPLES_DIR } from '../samples.ts';
import { FakeExcel, FakeOfficeError } from './fake-excel.ts';

const SHEET = 'DS ho ngheo 2024';
let grids: Grid[];
beforeAll(async () => {
  grids = await readGrids(readFileSync(join(SAMPLES_DIR, 'households-classic-errors.xlsx')));
});

function mount(excel: FakeExcel, overrides: { run?: PaneDeps['run']; fetch?: typeof fetch } = {}) {
  document.body.innerHTML = '<main id="app"></main>';
  const root = document.getElementById('app') as HTMLElement;
  mountTaskPane(root, {
    run: overrides.run ?? ((work) => excel.run(work)),
    documentSettings: excel.documentSettings(),
    storage: window.localStorage,
    fetch: overrides.fetch ?? (vi.fn(async () => new Response('{}', { status: 500 })) as unknown as typeof fetch),
    notes: true,
    defaultServerUrl: 'https://localhost:8787',
    now: () => new Date('2024-12-05T08:00:00+07:00'),
  });
  return root;
}

const button = (root: HTMLElement, id: string) => root.querySelector(`#${id}`) as HTMLButtonElement;
const idle = (root: HTMLElement) => vi.waitFor(() => expect(button(root, 'check').disabled).toBe(false), { timeout: 20_000 });

async function checked(excel: FakeExcel, root = mount(excel)) {
  button(root, 'check').click();
  await vi.waitFor(() => expect(root.querySelector('#issues-title, .status')?.textContent).toBeTruthy());
  await idle(root);
  await vi.waitFor(() => expect(root.querySelector('#issues-title')).not.toBeNull());
  return root;
}

beforeEach(() => window.localStorage.clear());

describe('the task pane', () => {
  it('"Kiểm tra" lists the issues grouped by code, errors first, and says which plan it used', async () => {
    const root = await checked(FakeExcel.fromGrids(grids));
    const groups = [...root.querySelectorAll('details.group')];
    const severities = groups.map((g) => (g.classList.contains('error') ? 'error' : 'warning'));
    expect(severities).toEqual([...severities].sort());
    expect(groups[0]?.querySelector('.group-title')?.textContent).toBe('Sai kiểu dữ liệu');
    expect(root.querySelector('.count.error')?.textContent).toBe('15 lỗi');
    expect(root.querySelector('.count.warning')?.textContent).toBe('3 cảnh báo');
    expect(root.querySelector('[role="note"]')?.textContent).toContain('kế hoạch mẫu của xã Xuân Hoà năm 2024');
    expect(root.querySelector('.sheets')?.textContent).toContain('Danh sách hộ, tiêu đề dòng 7');
  });

  it('a workbook with no list or report in it is an error, never "0 lỗi", and Gửi stays off', async () => {
    const cover: Grid = { name: 'Huong dan', rows: [['HƯỚNG DẪN NHẬP LIỆU'], ['1. Nhập mỗi hộ một dòng']], merges: [] };
    const root = await checked(FakeExcel.fromGrids([cover]));
    expect(root.querySelector('.count.error')?.textContent).toBe('1 lỗi');
    expect(root.querySelector('details.group .group-title')?.textContent).toBeTruthy();
    expect(root.textContent).toContain('Không nhận ra bảng nào');
    expect(button(root, 'submit').disabled).toBe(true);
  });

  it('clicking an issue selects its cell; "Lỗi tiếp theo" walks the list', async () => {
    const excel = FakeExcel.fromGrids(grids);
    const root = await checked(excel);
    const items = [...root.querySelectorAll('li.issue button.issue-go')] as HTMLButtonElement[];
    items[2]?.click();
    await idle(root);
    const place = items[2]?.querySelector('.place')?.textContent ?? '';
    expect(`${excel.selection?.sheet}!${excel.selection?.address}`).toBe(place);
    button(root, 'next').click();
    await idle(root);
    const third = (root.querySelectorAll('li.issue .place')[3] as HTMLElement).textContent;
    expect(`${excel.selection?.sheet}!${excel.selection?.address}`).toBe(third);
    expect(root.querySelectorAll('li.issue')[3]?.getAttribute('aria-current')).toBe('true');
  });

  it('exports the list to the sheet "GNBV - Danh sách lỗi", text kept as text', async () => {
    const excel = FakeExcel.fromGrids(grids);
    const root = await checked(excel);
    button(root, 'export').click();
    await idle(root);
    const sheet = excel.sheet(ISSUES_SHEET);
    expect(sheet.at('A1').value).toBe('STT');
    expect(sheet.at('K1').value).toBe('Nội dung');
    expect(sheet.at('A19').value).toBe(18);
    expect(sheet.at('A20').value).toBeNull();
    expect(sheet.at('B2').value).toBe('Lỗi');
    expect(sheet.at('K2').numberFormat).toBe('@');
    expect(excel.activeSheet).toBe(ISSUES_SHEET);
  });

  it('"Sửa" converts the legacy text of that one cell', async () => {
    const excel = FakeExcel.fromGrids(grids);
    const root = await checked(excel);
    const item = [...root.querySelectorAll('li.issue')].find((li) => li.querySelector('.place')?.textContent === `${SHEET}!B52`) as HTMLElement;
    (item.querySelector('button.small') as HTMLButtonElement).click();
    await idle(root);
    expect(excel.sheet(SHEET).at('B52').value).toBe('Lò Văn Tuấn');
    const again = [...root.querySelectorAll('li.issue')].find((li) => li.querySelector('.place')?.textContent === `${SHEET}!B52`);
    expect(again?.querySelector('.tag')?.textContent).toBe('Đã sửa');
  });

  it('a failed button shows one Vietnamese sentence (Excel busy editing a cell)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const excel = FakeExcel.fromGrids(grids);
    const root = mount(excel, {
      run: async () => {
        throw new FakeOfficeError('InvalidOperationInCellEditMode', 'editing');
      },
    });
    button(root, 'check').click();
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe('Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc rồi bấm lại.'));
  });

  it('keeps the token in this computer’s storage, never in the workbook', async () => {
    const excel = FakeExcel.fromGrids(grids);
    const root = mount(excel);
    (root.querySelector('header button') as HTMLButtonElement).click();
    (root.querySelector('#token') as HTMLInputElement).value = 'demo-xuan-hoa';
    (root.querySelector('form.settings') as HTMLFormElement).requestSubmit();
    await vi.waitFor(() => expect(window.localStorage.getItem('gnbv.settings.v1')).toContain('demo-xuan-hoa'));
    await checked(excel, root);
    expect(JSON.stringify([...excel.settings])).not.toContain('demo-xuan-hoa');
    expect(JSON.stringify(excel.valuesSnapshot())).not.toContain('demo-xuan-hoa');
  });

  it('a corrected column is saved in the workbook and used by the next check', async () => {
    const excel = FakeExcel.fromGrids(grids);
    const root = await checked(excel);
    const select = [...root.querySelectorAll('.mapping select')].find((s) => s.id.endsWith('-village')) as HTMLSelectElement;
    expect(select.value).toBe('G');
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await idle(root);
    expect(excel.savedSettings.get('gnbv.mappings.v1')).toMatchObject({ [SHEET]: { headerRow: 7, columns: { headName: 'B' } } });
    expect((excel.savedSettings.get('gnbv.mappings.v1') as Record<string, { columns: Record<string, string> }>)[SHEET]?.columns.village).toBeUndefined();
    await checked(excel, root);
    expect(root.textContent).toContain('Thiếu cột bắt buộc');
  });
});
