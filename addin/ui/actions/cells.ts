import type { ResolvedComment } from '../../../front/review-comments.ts';
import type { Issue } from '../../../shared/issues.ts';
import { AddinError } from '../../errors.ts';
import { applyFix, selectIssue } from '../../excel/cell-actions.ts';
import { exportIssues } from '../../excel/export-issues.ts';
import { clearMarks } from '../../excel/marks.ts';
import { ISSUES_SHEET } from '../../excel/read-workbook.ts';
import { selectCommentTarget } from '../../excel/select-comment.ts';
import { fixFor } from '../../fixes.ts';
import type { Pane } from '../pane.ts';
import { usualFontOf } from '../state.ts';
import { t } from '../strings.ts';

/** The actions on the workbook's cells: clear the marks, go to an issue, fix one, export the list. */

export function clear(pane: Pane): Promise<void> {
  return pane.runAction(async () => {
    const { deps, state } = pane;
    state.progress = t('clearing', pane.lang());
    pane.updateStatus();
    const result = await deps.run((context) => clearMarks(context, { notes: deps.notes }));
    state.info = result.restored === 0 ? t('nothingToClear', pane.lang()) : `${t('cleared', pane.lang())} (${result.restored})`;
    if (state.outcome) state.outcome = { ...state.outcome, marks: { marked: 0, restored: result.restored } };
  });
}

export function select(pane: Pane, issue: Issue): Promise<void> {
  return pane.runAction(async () => {
    const { state } = pane;
    state.cursor = state.order.indexOf(issue);
    const headerRow = state.outcome?.result.sheets.find((s) => s.name === issue.sheet)?.headerRow ?? null;
    await pane.deps.run((context) => selectIssue(context, issue, headerRow));
  });
}

export function next(pane: Pane): Promise<void> {
  const { state } = pane;
  if (state.order.length === 0) return Promise.resolve();
  const issue = state.order[(state.cursor + 1) % state.order.length] as Issue;
  return select(pane, issue);
}

export function fix(pane: Pane, issue: Issue): Promise<void> {
  return pane.runAction(async () => {
    const f = fixFor(issue, usualFontOf(pane.state, issue.sheet));
    if (!f) throw new AddinError('notFixable');
    await pane.deps.run((context) => applyFix(context, issue, f));
    pane.state.fixed.add(issue);
    pane.state.info = t('fixHint', pane.lang());
  });
}

export function exportList(pane: Pane): Promise<void> {
  return pane.runAction(async () => {
    await pane.deps.run((context) => exportIssues(context, pane.state.issues, pane.lang()));
    pane.state.info = `${t('exported', pane.lang())} “${ISSUES_SHEET}”.`;
  });
}

/** A district comment's cell, selected in the workbook. */
export function selectComment(pane: Pane, comment: ResolvedComment): Promise<void> {
  return pane.runAction(() => pane.deps.run((context) => selectCommentTarget(context, comment.target)));
}
