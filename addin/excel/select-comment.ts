import type { CommentTarget } from '../../front/review-comments.ts';

/** Selects what a district comment names: its cell, its row, or its sheet (nothing for the report or a stale one). */
export async function selectCommentTarget(context: Excel.RequestContext, target: CommentTarget): Promise<void> {
  if (target.kind === 'report' || target.kind === 'gone') return;
  const ws = context.workbook.worksheets.getItem(target.sheet);
  ws.activate();
  if (target.kind === 'cell') ws.getRange(target.address).select();
  else if (target.kind === 'row') ws.getRange(`${target.row}:${target.row}`).select();
  else ws.getRange('A1').select();
  await context.sync();
}
