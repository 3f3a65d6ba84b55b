// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReviewListResponse } from '../../shared/api.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import { readGrids } from '../../shared/xlsx/read-spreadsheet.ts';
import { createReviewPanel } from '../../addin/ui/review-panel.ts';
import { SAMPLES_DIR } from '../samples.ts';
import { FakeExcel } from './fake-excel.ts';
import { SERVER, mountPane, signIn } from './mount-pane.ts';

/** The district's comments in the task pane (issue 20): listed, their cells marked in their own colour, cleared like any mark. */

let clean: Grid[];
beforeAll(async () => {
  clean = await readGrids(readFileSync(join(SAMPLES_DIR, 'workbook-xuan-hoa-2024-clean.xlsx')));
});
beforeEach(signIn);

const returned: ReviewListResponse = {
  period: '2024-Y',
  reviews: [
    {
      communeId: 'xuan-hoa',
      communeName: 'Xuân Hoà',
      period: '2024-Y',
      state: 'returned',
      version: 1,
      submissionId: 'sub-1',
      updatedAt: '2024-12-05T01:00:00.000Z',
      revision: 2,
      comments: [
        { scope: 'cell', sheet: 'Ho ngheo', row: 10, column: 'H', text: 'Số nhân khẩu hộ này chưa đúng' },
        { scope: 'cell', sheet: 'Ho ngheo', row: 500, column: 'H', text: 'Dòng đã bị xoá' },
        { scope: 'report', text: 'Bổ sung chữ ký' },
      ],
    },
  ],
};

function mount(excel: FakeExcel, reviews: () => Response) {
  const asked: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    asked.push(url);
    if (url.includes('/api/reviews')) return reviews();
    return new Response('{}', { status: 500 });
  }) as unknown as typeof globalThis.fetch;
  const { root } = mountPane(excel, fetch);
  return { root, asked };
}

const idle = (root: HTMLElement) => vi.waitFor(() => expect((root.querySelector('#check') as HTMLButtonElement).disabled).toBe(false), { timeout: 20_000 });
async function click(root: HTMLElement, id: string) {
  (root.querySelector(`#${id}`) as HTMLButtonElement).click();
  await vi.waitFor(() => expect((root.querySelector('#check') as HTMLButtonElement).disabled).toBe(true)).catch(() => undefined);
  await idle(root);
}

describe('the district’s comments in the task pane', () => {
  it('Kiểm tra lists them with the state, marks exactly the named cell in the review colour with the comment as note, lists the stale one; clearing restores', async () => {
    const excel = FakeExcel.fromGrids(clean);
    const before = excel.marksSnapshot();
    const { root, asked } = mount(excel, () => Response.json(returned));
    await click(root, 'check');
    await vi.waitFor(() => expect(root.querySelector('#review')).not.toBeNull());
    expect(asked.some((u) => u === `${SERVER}/api/reviews?period=2024-Y`)).toBe(true);
    expect(root.querySelector('#review .review-state')?.textContent).toBe('Trả lại');
    const items = [...root.querySelectorAll<HTMLElement>('#review li.issue.review')];
    expect(items.map((li) => [li.dataset.target, li.querySelector('.place')?.textContent, li.querySelector('.text')?.textContent])).toEqual([
      ['cell', 'Ho ngheo!H10', 'Số nhân khẩu hộ này chưa đúng'],
      ['gone', 'Ho ngheo!H500 (không còn ô này)', 'Dòng đã bị xoá'],
      ['report', 'Cả báo cáo', 'Bổ sung chữ ký'],
    ]);

    const marked = excel.marksSnapshot();
    const added = Object.fromEntries(Object.entries(marked).filter(([k, v]) => before[k] !== v && !k.startsWith('GNBV')));
    expect(Object.keys(added).filter((k) => !k.includes('!fill!') && !k.includes('!note!'))).toEqual([]);
    const visible = Object.fromEntries(Object.entries(added).filter(([k]) => k.startsWith('Ho ngheo!') || k.startsWith('DA') || k.startsWith('Tien') || k.startsWith('Ho tro')));
    expect(Object.keys(visible).sort()).toEqual(['Ho ngheo!fill!9,7', 'Ho ngheo!note!H10'] /* fills keyed row,column from 0: H10 */);
    expect(JSON.parse(visible['Ho ngheo!fill!9,7'] as string)).toMatchObject({ pattern: 'Solid', color: '#BDD7EE' });
    expect(visible['Ho ngheo!note!H10']).toBe('GNBV: Ý kiến cấp huyện: Số nhân khẩu hộ này chưa đúng');

    // Clicking the comment selects its cell.
    (items[0]?.querySelector('button') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(excel.selection).toEqual({ sheet: 'Ho ngheo', address: 'H10' }));
    await idle(root);

    await click(root, 'clear');
    expect(excel.marksSnapshot()).toEqual(before);
  });

  it('a review that cannot be read is a short note; the check itself completes', async () => {
    const excel = FakeExcel.fromGrids(clean);
    const { root } = mount(excel, () => {
      throw new TypeError('Failed to fetch');
    });
    await click(root, 'check');
    await vi.waitFor(() => expect(root.querySelector('#review-failed')).not.toBeNull());
    expect(root.querySelector('#review-failed')?.textContent).toBe('Chưa đọc được ý kiến của cấp huyện cho Cả năm 2024 (mất mạng?); kết quả kiểm tra vẫn đúng.');
    expect(root.querySelector('.status')?.textContent).toBe('Không có lỗi nào. Bảng đã sẵn sàng để gửi.');
  });
});

describe('the review panel', () => {
  it('keeps the latest read: an older, slower answer (the sign-in read) never replaces the check’s', async () => {
    const answers: ((r: Response) => void)[] = [];
    const panel = createReviewPanel({
      fetch: (() => new Promise<Response>((resolve) => answers.push(resolve))) as typeof fetch,
      server: () => ({ serverUrl: SERVER, token: 'demo-xuan-hoa' }),
      lang: () => 'vi',
    });
    const atSignIn = panel.load('2024-Y');
    const atCheck = panel.load('2024-Y');
    const accepted: ReviewListResponse = { ...returned, reviews: [{ ...returned.reviews[0]!, state: 'accepted', comments: [] }] };
    answers[1]!(Response.json(accepted));
    expect(await atCheck).toEqual([]);
    answers[0]!(Response.json(returned));
    expect((await atSignIn).length).toBeGreaterThan(0);
    const state = panel.state();
    expect(state.phase === 'loaded' ? state.review?.state : state.phase).toBe('accepted');
  });
});
