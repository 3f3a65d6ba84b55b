import { describe, expect, it } from 'vitest';
import { MARK_FILL, markTargets } from '../../front/cell-marks.ts';
import { combineTargets, commentPlace, resolveComments, reviewMarkTargets, reviewStateName } from '../../front/review-comments.ts';
import type { ReviewComment } from '../../shared/api.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import type { Issue } from '../../shared/issues.ts';

const grid: Grid = {
  name: 'DS hộ nghèo',
  rows: [['Mã hộ', 'Chủ hộ', 'Nhân khẩu'], ['H01', 'Lò Văn A', 4], ['H02', null, 3]],
  merges: [],
};

const comments: ReviewComment[] = [
  { scope: 'report', text: 'Bổ sung chữ ký' },
  { scope: 'sheet', sheet: 'DS hộ nghèo', text: 'Kiểm tra lại cả trang' },
  { scope: 'row', sheet: 'DS hộ nghèo', row: 3, text: 'Hộ H02 thiếu chủ hộ' },
  { scope: 'cell', sheet: 'DS hộ nghèo', row: 2, column: 'C', text: 'Nhân khẩu sai' },
  { scope: 'cell', sheet: 'DS hộ nghèo', row: 9, column: 'C', text: 'Dòng đã xoá' },
  { scope: 'cell', sheet: 'DS hộ nghèo', row: 2, column: 'F', text: 'Cột không còn' },
  { scope: 'sheet', sheet: 'Tiến độ', text: 'Trang đã đổi tên' },
  { scope: 'row', sheet: 'DS hộ nghèo', row: 40, text: 'Dòng không còn' },
];

describe('review comments against the workbook as read now', () => {
  it('resolves each comment to its cell, row, sheet or report, and lists the stale ones', () => {
    const resolved = resolveComments(comments, [grid]);
    expect(resolved.map((r) => r.target)).toEqual([
      { kind: 'report' },
      { kind: 'sheet', sheet: 'DS hộ nghèo' },
      { kind: 'row', sheet: 'DS hộ nghèo', row: 3, addresses: ['A3', 'C3'] },
      { kind: 'cell', sheet: 'DS hộ nghèo', row: 2, address: 'C2' },
      { kind: 'gone', what: 'cell' },
      { kind: 'gone', what: 'cell' },
      { kind: 'gone', what: 'sheet' },
      { kind: 'gone', what: 'row' },
    ]);
    expect(resolved.map((r) => r.comment)).toEqual(comments);
    expect(resolved.map((r) => commentPlace(r, 'vi'))).toEqual([
      'Cả báo cáo',
      'DS hộ nghèo',
      'DS hộ nghèo, dòng 3',
      'DS hộ nghèo!C2',
      'DS hộ nghèo!C9 (không còn ô này)',
      'DS hộ nghèo!F2 (không còn ô này)',
      'Tiến độ (không còn trang này)',
      'DS hộ nghèo, dòng 40 (không còn ô này)',
    ]);
    expect(commentPlace(resolved[4]!, 'en')).toBe('DS hộ nghèo!C9 (this cell is gone)');
  });

  it('marks exactly the named cells in the review colour, the comments as the note lines', () => {
    const targets = reviewMarkTargets(resolveComments(comments, [grid]), 'vi');
    expect(targets).toEqual([
      { sheet: 'DS hộ nghèo', address: 'A3', severity: 'review', lines: ['Ý kiến cấp huyện: Hộ H02 thiếu chủ hộ'] },
      { sheet: 'DS hộ nghèo', address: 'C3', severity: 'review', lines: ['Ý kiến cấp huyện: Hộ H02 thiếu chủ hộ'] },
      { sheet: 'DS hộ nghèo', address: 'C2', severity: 'review', lines: ['Ý kiến cấp huyện: Nhân khẩu sai'] },
    ]);
    expect(MARK_FILL.review).not.toBe(MARK_FILL.error);
    expect(MARK_FILL.review).not.toBe(MARK_FILL.warning);
  });

  it('gives a cell with both an issue and a comment one mark, the review colour, both lines', () => {
    const issue: Issue = {
      code: 'HH.SIZE_RANGE',
      severity: 'error',
      sheet: 'DS hộ nghèo',
      row: 2,
      column: 'C',
      field: 'householdSize',
      value: 4,
      message: 'Số nhân khẩu không hợp lệ',
    } as Issue;
    const combined = combineTargets(markTargets([issue]), [{ sheet: 'DS hộ nghèo', address: 'C2', severity: 'review', lines: ['Ý kiến cấp huyện: Nhân khẩu sai'] }]);
    expect(combined).toEqual([
      { sheet: 'DS hộ nghèo', address: 'C2', severity: 'review', lines: ['Ý kiến cấp huyện: Nhân khẩu sai', 'Số nhân khẩu không hợp lệ'] },
    ]);
  });

  it('names the states in Vietnamese', () => {
    expect(['submitted', 'accepted', 'returned'].map((s) => reviewStateName(s as 'submitted', 'vi'))).toEqual(['Chờ duyệt', 'Đã duyệt', 'Trả lại']);
  });
});
