// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SubmissionRequest } from '../../shared/api.ts';
import type { ColumnMapping, Grid } from '../../shared/grid/grid.ts';
import { XUAN_HOA_2024 } from '../../shared/plans/index.ts';
import { validateWorkbook } from '../../shared/validate.ts';
import { readGrids } from '../../shared/xlsx/read-spreadsheet.ts';
import { saveUserSettings } from '../../addin/settings.ts';
import { type QueueStore, indexedDbQueue } from '../../addin/submit/queue-store.ts';
import type { TaskPane } from '../../addin/ui/app.ts';
import { SAMPLES_DIR } from '../samples.ts';
import { FakeExcel } from './fake-excel.ts';
import { SERVER, mountPane, signIn } from './mount-pane.ts';
import { ManualTimers, created, dropped, receipt, scriptedServer } from './submit-doubles.ts';

/** "Gửi" in the pane: only after a clean check, what it sends, and what it shows. */

let errors: Grid[];
let clean: Grid[];
beforeAll(async () => {
  const read = (name: string) => readGrids(readFileSync(join(SAMPLES_DIR, `${name}.xlsx`)));
  [errors, clean] = await Promise.all([read('workbook-xuan-hoa-2024-errors'), read('workbook-xuan-hoa-2024-clean')]);
});

beforeEach(signIn);

interface Mounted {
  root: HTMLElement;
  pane: TaskPane;
  timers: ManualTimers;
}

function mount(excel: FakeExcel, fetch: typeof globalThis.fetch, store: QueueStore): Mounted {
  const timers = new ManualTimers();
  const { root, pane } = mountPane(excel, fetch, { queueStore: store, timers, random: () => 0.5 });
  return { root, pane, timers };
}

const el = <T extends HTMLElement>(root: HTMLElement, selector: string) => root.querySelector(selector) as T;
const idle = (root: HTMLElement) => vi.waitFor(() => expect(el<HTMLButtonElement>(root, '#check').disabled).toBe(false), { timeout: 20_000 });
const click = async (root: HTMLElement, selector: string) => {
  el<HTMLButtonElement>(root, selector).click();
  await idle(root);
};
const place = (i: { code: string; sheet: string; row: number | null; column: string | null }) => `${i.code}|${i.sheet}|${i.row}|${i.column ?? ''}`;
const listed = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>('li.issue[data-sheet]')].map((li) =>
    place({ code: li.dataset.code ?? '', sheet: li.dataset.sheet ?? '', row: li.dataset.row ? Number(li.dataset.row) : null, column: li.dataset.column ?? null }),
  );

describe('Gửi in the task pane', () => {
  it('is enabled only once a check finds no error, and says why not until then', async () => {
    const excel = FakeExcel.fromGrids(errors);
    const server = scriptedServer([]);
    const { root } = mount(excel, server.fetch, indexedDbQueue(new IDBFactory()));
    const submit = () => el<HTMLButtonElement>(root, '#submit');
    expect(submit().disabled).toBe(true);
    expect(el(root, '#submit-note').textContent).toBe('Bấm Kiểm tra trước; khi không còn lỗi thì gửi được.');

    await click(root, '#check');
    expect(submit().disabled).toBe(true);
    expect(el(root, '#submit-note').textContent).toBe('Chưa gửi được: còn 15 lỗi. Sửa các ô được đánh dấu rồi bấm Kiểm tra lại.');

    excel.typeCells(clean);
    await click(root, '#check');
    expect(submit().disabled).toBe(false);
    expect(submit().textContent).toBe('Gửi báo cáo — Cả năm 2024');
    expect(el(root, '#submit-note').textContent).toBe('Sẽ gửi 5 trang: Ho ngheo, DA3.2 dinh duong, DA4.1 hoc nghe, Ho tro sinh ke, Tien do.');

    // No token: nothing can be sent.
    saveUserSettings(window.localStorage, { serverUrl: SERVER, token: '', lang: 'vi' });
    const again = mount(excel, server.fetch, indexedDbQueue(new IDBFactory()));
    await click(again.root, '#check');
    expect(el<HTMLButtonElement>(again.root, '#submit').disabled).toBe(true);
    expect(el(again.root, '#submit-note').textContent).toBe('Chưa có mã truy cập: vào Cài đặt để nhập địa chỉ máy chủ và mã truy cập.');
    expect(server.sent).toEqual([]);
  });

  it('sends the grids exactly as the check built them, with the saved mappings, for the chosen period; then shows the receipt', async () => {
    const excel = FakeExcel.fromGrids(clean);
    // The officer corrected a mapping once (here: the one the engine guesses, saved explicitly).
    const summary = validateWorkbook([{ grid: clean[0] as Grid }], { plan: XUAN_HOA_2024 }).sheets[0];
    const saved: ColumnMapping = { kind: 'households', headerRow: summary?.headerRow ?? 1, headerRows: summary?.headerRows ?? 1, columns: { ...summary?.columns } };
    excel.documentSettings().set('gnbv.mappings.v1', { 'Ho ngheo': saved });
    const warning = { code: 'SUBMIT.LATE', severity: 'warning', sheet: '', row: null, column: null, field: null, value: '2024-12-11T03:00:00.000Z', expected: '2024-12-10', message: 'muộn' } as const;
    const server = scriptedServer([created(receipt({ version: 3, late: true, receivedAt: '2024-12-11T03:00:00.000Z', warnings: [warning] }))], XUAN_HOA_2024);
    const { root } = mount(excel, server.fetch, indexedDbQueue(new IDBFactory()));

    const picker = el<HTMLSelectElement>(root, '#period');
    picker.value = '2024-Y';
    picker.dispatchEvent(new Event('change'));
    await click(root, '#check');
    const syncsBefore = excel.syncs;
    await click(root, '#submit');

    expect(excel.syncs).toBeGreaterThan(syncsBefore); // the workbook was read again before sending
    expect(server.sent).toHaveLength(1);
    const body = SubmissionRequest.parse(server.sent[0]?.json);
    expect(body.period).toBe('2024-Y');
    expect(body.sheets.map((s) => s.grid)).toEqual(clean);
    expect(body.sheets.map((s) => s.mapping ?? null)).toEqual([saved, null, null, null, null]);
    expect(server.sent[0]?.headers['content-encoding']).toBe('gzip');

    const receiptEl = el(root, '#receipt');
    expect(document.activeElement).toBe(receiptEl);
    const facts = [...receiptEl.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
    expect(facts).toEqual([
      ['Phiên bản', '3'],
      ['Kỳ báo cáo', 'Cả năm 2024'],
      ['Thời gian nhận', '11/12/2024 10:00:00 (giờ Việt Nam)'],
      ['Thời hạn', 'Nộp muộn (hạn nộp kỳ này: 10/12/2024)'],
      ['Nội dung', 'Danh sách hộ: 50 dòng dữ liệu; Danh sách đối tượng được hỗ trợ: 36 dòng dữ liệu; Báo cáo tiến độ: 9 dòng dữ liệu'],
      ['Mã kiểm tra', 'abababababababab'],
    ]);
    expect(el(receiptEl, '.receipt-warnings summary').textContent).toBe('Cảnh báo kèm theo: 1');
    expect(el(receiptEl, '.receipt-warnings li').dataset.code).toBe('SUBMIT.LATE');
  });

  it('after an edit since the check, Gửi checks again first and sends nothing while there are errors', async () => {
    const excel = FakeExcel.fromGrids(clean);
    const server = scriptedServer([created()]);
    const { root } = mount(excel, server.fetch, indexedDbQueue(new IDBFactory()));
    await click(root, '#check');
    expect(el<HTMLButtonElement>(root, '#submit').disabled).toBe(false);

    excel.typeCells(errors); // edited after the check
    await click(root, '#submit');
    expect(server.sent).toEqual([]);
    expect(el(root, '.status').textContent).toBe('Sổ đã thay đổi sau lần kiểm tra nên đã kiểm tra lại: còn 15 lỗi, chưa gửi.');
    expect(el(root, '.count.error').textContent).toBe('15 lỗi');
    expect(el<HTMLButtonElement>(root, '#submit').disabled).toBe(true);
    expect(excel.sheet('Ho ngheo').at('Z60').fill.pattern).toBe('Solid'); // marked by the new check

    excel.typeCells(clean); // fixed again: a check, then Gửi sends the fixed grids
    await click(root, '#check');
    await click(root, '#submit');
    expect(SubmissionRequest.parse(server.sent[0]?.json).sheets.map((s) => s.grid)).toEqual(clean);
  });

  it('a 422 shows the server’s issues in the list and blocks Gửi until the next check', async () => {
    const excel = FakeExcel.fromGrids(clean);
    const serverIssues = validateWorkbook(
      errors.map((grid) => ({ grid })),
      { plan: XUAN_HOA_2024, period: '2024-Y' },
    ).issues;
    const server = scriptedServer([
      Response.json({ error: { code: 'VALIDATION_FAILED', message: 'Bảng còn 15 lỗi, chưa nhận báo cáo', issues: serverIssues } }, { status: 422 }),
    ]);
    const { root, timers } = mount(excel, server.fetch, indexedDbQueue(new IDBFactory()));
    await click(root, '#check');
    expect(listed(root)).toEqual([]);
    await click(root, '#submit');

    expect(el(root, '#submit-refused').textContent).toBe(
      'Máy chủ kiểm tra lại và thấy các lỗi dưới đây; chưa nhận báo cáo.Bảng còn 15 lỗi, chưa nhận báo cáo',
    );
    expect(listed(root).sort()).toEqual(serverIssues.map(place).sort());
    expect(el(root, '.count.error').textContent).toBe('15 lỗi');
    expect(el<HTMLButtonElement>(root, '#submit').disabled).toBe(true);
    expect(timers.retryDelays()).toEqual([]);
    // A click on one of the server's issues selects its cell.
    el<HTMLButtonElement>(root, 'li.issue[data-code="PRG.OVERSPENT"] button.issue-go').click();
    await idle(root);
    expect(excel.selection).toEqual({ sheet: 'Tien do', address: 'I14' });
  });

  it('a dropped connection: "Mất kết nối — sẽ tự gửi lại…", and the `online` event sends it again with the same key', async () => {
    const excel = FakeExcel.fromGrids(clean);
    const server = scriptedServer([dropped(), created()]);
    const { root, timers } = mount(excel, server.fetch, indexedDbQueue(new IDBFactory()));
    await click(root, '#check');
    await click(root, '#submit');

    const waiting = el(root, '#submit-waiting');
    expect(el(waiting, 'strong').textContent).toBe('Mất kết nối — sẽ tự gửi lại…');
    expect(waiting.textContent).toContain(
      'Đã thử 1 lần; thử lại lúc 08:00:02 hoặc ngay khi có mạng. Báo cáo (Cả năm 2024) được giữ trên máy này và sẽ không bị nộp hai lần.',
    );
    expect(el<HTMLButtonElement>(root, '#submit').disabled).toBe(true);
    expect(el(root, '#submit-note').textContent).toBe('Đang chờ gửi lại báo cáo trước; bấm Thử lại ngay hoặc Huỷ gửi.');
    expect(el<HTMLButtonElement>(root, '#check').disabled).toBe(false); // the pane stays usable meanwhile
    expect(timers.retryDelays()).toEqual([2_000]);

    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(root.querySelector('#receipt')).not.toBeNull());
    expect(server.sent.map((s) => s.headers['idempotency-key'])).toEqual([server.sent[0]?.headers['idempotency-key'], server.sent[0]?.headers['idempotency-key']]);
    expect(root.querySelector('#submit-waiting')).toBeNull();
  });

  it('a submission left waiting when the pane closed is sent when the pane opens again', async () => {
    const idb = new IDBFactory();
    const excel = FakeExcel.fromGrids(clean);
    const offline = scriptedServer([dropped()]);
    const first = mount(excel, offline.fetch, indexedDbQueue(idb));
    await click(first.root, '#check');
    await click(first.root, '#submit');
    expect(first.root.querySelector('#submit-waiting')).not.toBeNull();
    first.pane.dispose();

    const online = scriptedServer([created()]);
    const second = mount(excel.reopen(), online.fetch, indexedDbQueue(idb));
    await vi.waitFor(() => expect(second.root.querySelector('#receipt')).not.toBeNull());
    expect(online.sent[0]?.headers['idempotency-key']).toBe(offline.sent[0]?.headers['idempotency-key']);
    expect(online.sent[0]?.bytes.equals(offline.sent[0]?.bytes ?? Buffer.alloc(0))).toBe(true);
    expect(await indexedDbQueue(idb).load()).toBeNull();
  });

  it('"Huỷ gửi" drops the waiting submission', async () => {
    const idb = new IDBFactory();
    const excel = FakeExcel.fromGrids(clean);
    const { root, timers } = mount(excel, scriptedServer([dropped()]).fetch, indexedDbQueue(idb));
    await click(root, '#check');
    await click(root, '#submit');
    el<HTMLButtonElement>(root, '#cancel-send').click();
    await vi.waitFor(() => expect(el(root, '.status').textContent).toBe('Đã huỷ báo cáo đang chờ gửi.'));
    expect(root.querySelector('#submit-waiting')).toBeNull();
    expect(el<HTMLButtonElement>(root, '#submit').disabled).toBe(false);
    expect(timers.retryDelays()).toEqual([]);
    expect(await indexedDbQueue(idb).load()).toBeNull();
  });
});
