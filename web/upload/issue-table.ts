import { groupIssues } from '../../front/issue-list.ts';
import type { Issue, IssueValue } from '../../shared/issues.ts';
import { type Lang, codeTitle, renderMessage } from '../../shared/messages.ts';
import { h } from '../../front/dom.ts';
import { t } from './strings.ts';

/**
 * The issues as one table, a row group per code (error groups first, as in the add-in's list),
 * each row: sheet, cell, value, message. Rows carry the issue's data (data-code, data-sheet,
 * data-row, data-column) for tests and for anyone copying the table into a spreadsheet.
 */
export function issueTable(issues: readonly Issue[], lang: Lang): HTMLTableElement {
  const table = h(
    'table',
    { class: 'issues' },
    h('caption', { class: 'visually-hidden' }, t('issueTable', lang)),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', class: 'c-sheet' }, t('colSheet', lang)),
        h('th', { scope: 'col', class: 'c-cell' }, t('colCell', lang)),
        h('th', { scope: 'col', class: 'c-value' }, t('colValue', lang)),
        h('th', { scope: 'col', class: 'c-message' }, t('colMessage', lang)),
      ),
    ),
  );
  for (const group of groupIssues(issues)) {
    const body = h('tbody', { class: `group ${group.severity}`, 'data-code': group.code });
    body.append(
      h(
        'tr',
        { class: 'group-head' },
        h(
          'th',
          { scope: 'rowgroup', colspan: 4 },
          h('span', { class: `badge ${group.severity}` }, t(group.severity, lang)),
          ' ',
          h('span', { class: 'group-title' }, codeTitle(group.code, lang)),
          ' ',
          h('span', { class: 'group-count' }, `(${group.issues.length})`),
          ' ',
          h('code', { class: 'group-code' }, group.code),
        ),
      ),
    );
    for (const issue of group.issues) {
      body.append(
        h(
          'tr',
          {
            class: `issue ${issue.severity}`,
            'data-code': issue.code,
            'data-severity': issue.severity,
            'data-sheet': issue.sheet,
            'data-row': issue.row ?? '',
            'data-column': issue.column ?? '',
          },
          h('td', { class: 'c-sheet' }, issue.sheet),
          h('td', { class: 'c-cell' }, cellText(issue, lang)),
          h('td', { class: 'c-value' }, valueText(issue.value, lang)),
          h('td', { class: 'c-message' }, renderMessage(issue, lang)),
        ),
      );
    }
    table.append(body);
  }
  return table;
}

function cellText(issue: Issue, lang: Lang): string {
  if (issue.row === null) return t('wholeSheet', lang);
  if (issue.column === null) return `${t('row', lang)} ${issue.row}`;
  return `${issue.column}${issue.row}`;
}

function valueText(value: IssueValue, lang: Lang): string {
  if (value === null || value === '') return lang === 'vi' ? '(trống)' : '(blank)';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

export function issueCounts(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const i of issues) if (i.severity === 'error') errors++;
  return { errors, warnings: issues.length - errors };
}
