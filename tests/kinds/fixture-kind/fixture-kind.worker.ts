import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { StatusResponse, SubmissionDetail, SubmissionListResponse, SubmissionReceipt, ValidationFailedEnvelope } from '../../../shared/api.ts';
import type { Grid } from '../../../shared/grid/grid.ts';
import { clock } from '../../../worker/clock.ts';
import { TOKENS, call, seedFixture } from '../../worker/helpers.ts';

/**
 * The fixture kind (tests/kinds/fixture-kind) through the Worker, in workerd against a real local
 * D1: submitted, stored, listed, in the district's status and in the merged workbook. Nothing of
 * the Worker names it: the registry of this project has it.
 */

const TRAINEES: Grid = {
  name: 'Hoc vien',
  rows: [
    ['DANH SÁCH HỌC VIÊN TẬP HUẤN NĂM 2024'],
    ['STT', 'Họ và tên học viên', 'Khoá tập huấn', 'Số buổi tham dự'],
    [1, 'Lê Văn An', 'Trồng lúa', 3],
    [2, 'Trần Thị Bình', 'Chăn nuôi', 2],
    [3, 'Phạm Văn Cường', 'Chăn nuôi', 4],
  ],
  merges: [],
};

async function submit(grid: Grid): Promise<Response> {
  return call('POST', '/api/submissions', { token: TOKENS.commune, json: { period: '2024-Y', sheets: [{ grid }] } });
}

beforeEach(async () => {
  await seedFixture();
  clock.now = () => new Date('2024-12-05T03:00:00Z');
});
afterEach(() => {
  clock.now = () => new Date();
});

describe('a fourth sheet kind through POST /api/submissions, the status and the merged workbook', () => {
  it('is stored with its row count, listed by its kind and read back whole', async () => {
    const res = await submit(TRAINEES);
    expect(res.status).toBe(201);
    const receipt = SubmissionReceipt.parse(await res.json());
    expect(receipt.kinds).toEqual(['trainings']);
    expect(receipt.rowCounts).toEqual({ households: 0, beneficiaries: 0, progress: 0, trainings: 3 });
    expect(receipt.warnings).toEqual([]);

    const list = SubmissionListResponse.parse(await (await call('GET', '/api/submissions?kind=trainings', { token: TOKENS.commune })).json());
    expect(list.submissions.map((s) => [s.id, s.kinds, s.rowCounts])).toEqual([[receipt.id, ['trainings'], receipt.rowCounts]]);
    const none = SubmissionListResponse.parse(await (await call('GET', '/api/submissions?kind=progress', { token: TOKENS.commune })).json());
    expect(none.submissions).toEqual([]);

    const detail = SubmissionDetail.parse(await (await call('GET', `/api/submissions/${receipt.id}`, { token: TOKENS.commune })).json());
    expect(detail.sheets.map((s) => s.grid.rows)).toEqual([TRAINEES.rows]);
  });

  it('is refused with its own rules’ errors, in the one 422 envelope', async () => {
    const bad: Grid = { ...TRAINEES, rows: [...TRAINEES.rows.slice(0, 3), [2, 'Trần Thị Bình', 'Chăn nuôi', 'hai']] };
    const res = await submit(bad);
    expect(res.status).toBe(422);
    const { error } = ValidationFailedEnvelope.parse(await res.json());
    expect(error.message).toBe('Bảng còn 1 lỗi, chưa nhận báo cáo; sửa các ô được đánh dấu rồi gửi lại (the sheets have 1 errors; nothing was stored)');
    expect(error.issues.map((i) => [i.code, i.sheet, i.row, i.column, i.field])).toEqual([['CELL.TYPE', 'Hoc vien', 4, 'D', 'sessions']]);
  });

  it('is due in the district’s status, on time once sent', async () => {
    const before = StatusResponse.parse(await (await call('GET', '/api/status?period=2024-Q3', { token: TOKENS.district })).json());
    expect(before.kindsDue).toEqual(['progress', 'trainings']);
    expect(await submit(TRAINEES).then((r) => r.status)).toBe(201);
    const body = StatusResponse.parse(await (await call('GET', '/api/status?period=2024-Y', { token: TOKENS.district })).json());
    expect(body.kindsDue).toEqual(['households', 'beneficiaries', 'progress', 'trainings']);
    const hoa = body.communes.find((c) => c.commune.id === 'xuan-hoa');
    expect(hoa?.kinds.map((k) => `${k.kind}:${k.state}`)).toEqual(['households:missing', 'beneficiaries:missing', 'progress:missing', 'trainings:onTime']);
  });

  it('has its rows in its own sheet of the merged workbook, and its version in Nguồn', async () => {
    expect(await submit(TRAINEES).then((r) => r.status)).toBe(201);
    const res = await call('GET', '/api/workbook?period=2024-Y', { token: TOKENS.district });
    expect(res.status).toBe(200);
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
    expect(book.SheetNames).toContain('Học viên');
    expect(book.SheetNames.indexOf('Học viên')).toBe(book.SheetNames.indexOf('Tiến độ') + 1);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Học viên']!, { header: 1, blankrows: false });
    const header = rows.findIndex((r) => r[0] === 'Xã');
    expect(rows[header]).toEqual(['Xã', 'Sheet gốc', 'Dòng gốc', 'Họ và tên học viên', 'Khoá tập huấn', 'Số buổi tham dự']);
    expect(rows.slice(header + 1)).toEqual([
      ['Xuân Hoà', 'Hoc vien', 3, 'Lê Văn An', 'Trồng lúa', 3],
      ['Xuân Hoà', 'Hoc vien', 4, 'Trần Thị Bình', 'Chăn nuôi', 2],
      ['Xuân Hoà', 'Hoc vien', 5, 'Phạm Văn Cường', 'Chăn nuôi', 4],
    ]);
    const sources = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Nguồn']!, { header: 1, blankrows: false });
    expect(sources.some((r) => r.includes('Danh sách học viên tập huấn'))).toBe(true);
  });
});
