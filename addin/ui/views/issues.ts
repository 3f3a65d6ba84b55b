import { issuePlace } from '../../../front/issue-list.ts';
import type { Issue } from '../../../shared/issues.ts';
import { codeTitle, renderMessage } from '../../../shared/messages.ts';
import type { CheckOutcome } from '../../check.ts';
import { fixFor } from '../../fixes.ts';
import { exportList, fix, next, select } from '../actions/cells.ts';
import { h } from '../../../front/dom.ts';
import { card } from '../dom.ts';
import type { Pane } from '../pane.ts';
import { errorCount, usualFontOf } from '../state.ts';
import { t } from '../strings.ts';

function issueItem(pane: Pane, issue: Issue): HTMLElement {
  const { state } = pane;
  const l = pane.lang();
  const canFix = state.issuesFrom === 'check' && fixFor(issue, usualFontOf(state, issue.sheet)) !== null;
  const done = state.fixed.has(issue);
  const current = state.order[state.cursor] === issue;
  return h(
    'li',
    {
      className: `issue ${issue.severity}${done ? ' done' : ''}`,
      'aria-current': current ? 'true' : undefined,
      'data-code': issue.code,
      'data-sheet': issue.sheet,
      'data-row': issue.row === null ? undefined : String(issue.row),
      'data-column': issue.column ?? undefined,
    },
    h(
      'button',
      { type: 'button', className: 'issue-go', onClick: () => void select(pane, issue), disabled: state.busy },
      h('span', { className: 'place' }, issuePlace(issue, t('row', l))),
      h('span', { className: 'text' }, renderMessage(issue, l)),
    ),
    canFix && !done ? h('button', { type: 'button', className: 'small', onClick: () => void fix(pane, issue), disabled: state.busy }, t('fix', l)) : null,
    done ? h('span', { className: 'tag' }, t('fixed', l)) : null,
  );
}

/** The issues listed, grouped by code, errors first; none: no card. */
export function issuesSection(pane: Pane, outcome: CheckOutcome): HTMLElement | null {
  const { state } = pane;
  const l = pane.lang();
  const errors = errorCount(state);
  const warnings = state.issues.length - errors;
  if (state.issues.length === 0) return null;
  return card(
    'issues-title',
    t('issues', l),
    h(
      'p',
      { className: 'counts' },
      h('span', { className: 'count error' }, `${errors} ${t('errors', l)}`),
      h('span', { className: 'count warning' }, `${warnings} ${t('warnings', l)}`),
      state.issuesFrom === 'check' && outcome.marks.marked > 0 ? h('span', { className: 'muted' }, `${outcome.marks.marked} ${t('cellsMarked', l)}`) : null,
    ),
    !pane.deps.notes ? h('p', { className: 'note' }, t('notesUnsupported', l)) : null,
    h(
      'div',
      { className: 'row' },
      h('button', { type: 'button', id: 'next', onClick: () => void next(pane), disabled: state.busy }, t('next', l)),
      h('button', { type: 'button', id: 'export', onClick: () => void exportList(pane), disabled: state.busy }, t('export', l)),
    ),
    ...state.groups.map((g) =>
      h(
        'details',
        { className: `group ${g.severity}`, open: true },
        h(
          'summary',
          {},
          h('span', { className: `badge ${g.severity}` }, t(g.severity, l)),
          h('span', { className: 'group-title' }, codeTitle(g.code, l)),
          h('span', { className: 'muted' }, ` · ${g.code} · ${g.issues.length}`),
        ),
        h('ul', { className: 'issues' }, ...g.issues.map((issue) => issueItem(pane, issue))),
      ),
    ),
  );
}
