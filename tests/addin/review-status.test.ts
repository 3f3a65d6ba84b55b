// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReviewListResponse, ReviewSummary } from '../../shared/api.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import { readGrids } from '../../shared/xlsx/read-spreadsheet.ts';
import { SAMPLES_DIR } from '../samples.ts';
import { FakeExcel } from './fake-excel.ts';
import { mountPane, signInIn } from './mount-pane.ts';

/**
 * The task pane's status line after Kiểm tra finds no engine issue (issue 20): a report the
 * district returned is not "ready to submit" as it stands — the line says it was returned and with
 * how many comments; for any other state the plain "no issues" line stands.
 */

let clean: Grid[];
beforeAll(async () => {
  clean = await readGrids(readFileSync(join(SAMPLES_DIR, 'workbook-xuan-hoa-2024-clean.xlsx')));
});

function reviewOf(state: ReviewSummary['state'], comments: ReviewSummary['comments']): ReviewListResponse {
  return {
    period: '2024-Y',
    reviews: [{ communeId: 'xuan-hoa', communeName: 'Xuân Hoà', period: '2024-Y', state, version: 1, submissionId: 'sub-1', updatedAt: '2024-12-05T01:00:00.000Z', revision: 2, comments }],
  };
}

const TWO_COMMENTS: ReviewSummary['comments'] = [
  { scope: 'cell', sheet: 'Ho ngheo', row: 10, column: 'H', text: 'Số nhân khẩu hộ này chưa đúng' },
  { scope: 'report', text: 'Bổ sung chữ ký' },
];

async function statusAfterCheck(answer: ReviewListResponse, lang: 'vi' | 'en' = 'vi'): Promise<string> {
  signInIn(lang);
  const excel = FakeExcel.fromGrids(clean);
  const fetch = vi.fn(async (input: RequestInfo | URL) =>
    String(input).includes('/api/reviews') ? Response.json(answer) : new Response('{}', { status: 500 }),
  ) as unknown as typeof globalThis.fetch;
  const { root } = mountPane(excel, fetch);
  const check = () => root.querySelector('#check') as HTMLButtonElement;
  await vi.waitFor(() => expect(check().disabled).toBe(false), { timeout: 20_000 });
  check().click();
  await vi.waitFor(() => expect(root.querySelector('#review')).not.toBeNull(), { timeout: 20_000 });
  await vi.waitFor(() => expect(check().disabled).toBe(false), { timeout: 20_000 });
  return root.querySelector('.status')?.textContent ?? '';
}

beforeEach(() => {
  window.localStorage.clear();
});

describe('the status line after a clean check', () => {
  it('says the district returned the report, with its number of comments', async () => {
    expect(await statusAfterCheck(reviewOf('returned', TWO_COMMENTS))).toBe(
      'Không có lỗi nào, nhưng huyện đã trả lại báo cáo này với 2 ý kiến: sửa theo các ý kiến dưới đây (các ô được đánh dấu), Kiểm tra lại rồi Gửi.',
    );
  });

  it('in English too', async () => {
    expect(await statusAfterCheck(reviewOf('returned', TWO_COMMENTS.slice(0, 1)), 'en')).toBe(
      'No issues, but the district returned this report; comments to address: 1. Fix what they say (the marked cells), check again and submit.',
    );
  });

  it('stays “no issues, ready to submit” for a report awaiting review or accepted', async () => {
    expect(await statusAfterCheck(reviewOf('submitted', []))).toBe('Không có lỗi nào. Bảng đã sẵn sàng để gửi.');
    expect(await statusAfterCheck(reviewOf('accepted', []))).toBe('Không có lỗi nào. Bảng đã sẵn sàng để gửi.');
  });
});
