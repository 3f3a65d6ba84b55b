import { markTargets } from '../../../front/cell-marks.ts';
import { resolveComments } from '../../../front/review-comments.ts';
import { kindName } from '../../../shared/messages.ts';
import { h } from '../../../front/dom.ts';
import { issueCounts, issueTable } from '../issue-table.ts';
import type { Page } from '../page.ts';
import { reviewList } from '../review-list.ts';
import { currentComments, currentPlan, reviewTargets, shownIssues } from '../state.ts';

/** The district's review, the counts, the issue table and the marked-copy download. */
export function renderResults(page: Page): void {
  const { state, el, tr } = page;
  const issues = shownIssues(state);
  el.resultsStatus.className = 'results-status';
  el.resultsStatus.replaceChildren();
  el.summary.hidden = true;
  el.tableWrap.hidden = true;
  el.download.hidden = true;
  el.downloadHint.hidden = true;
  el.review.replaceChildren();
  const review = reviewList(state.review, state.file ? resolveComments(currentComments(state), state.file.grids) : null, state.lang);
  el.review.hidden = review === null;
  if (review) el.review.append(review);
  if (state.reading) {
    el.resultsStatus.textContent = tr('reading');
    return;
  }
  if (state.checking) {
    el.resultsStatus.textContent = tr('checking');
    return;
  }
  if (!state.file || issues === null) {
    el.resultsStatus.classList.add('muted');
    el.resultsStatus.textContent = state.file && currentPlan(state)?.status !== 'ready' ? tr('reasonNoPlan') : tr('resultsEmpty');
    return;
  }
  const { errors, warnings } = issueCounts(issues);
  el.summary.hidden = false;
  el.summary.replaceChildren(
    h('span', { class: `count error${errors === 0 ? ' zero' : ''}`, 'data-count': 'errors' }, `${errors} ${tr('errorsWord')}`),
    h('span', { class: `count warning${warnings === 0 ? ' zero' : ''}`, 'data-count': 'warnings' }, `${warnings} ${tr('warningsWord')}`),
    h('span', { class: 'file-name' }, state.file.name),
  );
  const lines: string[] = [];
  if (state.serverIssues) lines.push(tr('serverIssues'));
  lines.push(errors > 0 ? tr('hasErrors') : warnings > 0 ? tr('onlyWarnings') : tr('noIssues'));
  el.resultsStatus.classList.add('bar', errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'success');
  el.resultsStatus.textContent = lines.join(' ');
  if (issues.length > 0) {
    el.tableWrap.hidden = false;
    el.tableWrap.replaceChildren(issueTable(issues, state.lang));
  }
  if (markTargets(issues).length > 0 || reviewTargets(state).length > 0) {
    el.download.hidden = false;
    el.download.disabled = state.preparingCopy;
    el.download.textContent = state.preparingCopy ? tr('preparing') : tr('download');
    el.downloadHint.hidden = false;
  }
  if (state.copyError) {
    el.resultsStatus.append(h('span', { class: 'copy-error' }, ` ${tr('failCopy')} ${state.copyError}`));
  }
}

/** The workbook's sheets as the engine read them: kind and data rows; skipped ones greyed. */
export function renderSheets(page: Page): void {
  const { state, el } = page;
  const sheets = state.file ? (state.result?.sheets ?? []) : [];
  el.sheets.hidden = sheets.length === 0 || state.checking;
  el.sheetList.replaceChildren(
    ...sheets.map((s) =>
      h(
        'li',
        { class: s.kind ? 'sheet' : 'sheet skipped' },
        h('span', { class: 'sheet-name' }, s.name),
        ' ',
        h('span', { class: 'sheet-kind' }, s.kind ? `${kindName(s.kind, state.lang)} · ${s.dataRows} ${page.tr('dataRows')}` : page.tr('skipped')),
      ),
    ),
  );
}
