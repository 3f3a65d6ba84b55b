import { type IssueGroup, groupIssues, listOrder } from '../../front/issue-list.ts';
import type { Issue } from '../../shared/issues.ts';
import { periodName } from '../../shared/messages.ts';
import type { Period } from '../../shared/periods.ts';
import type { CheckOutcome } from '../check.ts';
import type { PlanChoice } from '../plan-source.ts';
import type { UserSettings } from '../settings.ts';
import { submissionRequest } from '../submit/request.ts';
import type { SubmitState } from '../submit/submitter.ts';
import { t } from './strings.ts';

/** Everything the pane shows; actions change it, then the pane renders it again. */
export interface PaneState {
  settings: UserSettings;
  period: Period | '';
  busy: boolean;
  progress: string;
  info: string;
  error: string | null;
  outcome: CheckOutcome | null;
  plan: PlanChoice | null;
  /** The issues listed: the last check's, or the server's after it refused a submission (422). */
  issues: Issue[];
  issuesFrom: 'check' | 'server';
  groups: IssueGroup[];
  order: Issue[];
  cursor: number;
  fixed: Set<Issue>;
  showSettings: boolean;
  submit: SubmitState;
  focusReceipt: boolean;
}

export function initialState(settings: UserSettings): PaneState {
  return {
    settings,
    period: '',
    busy: false,
    progress: '',
    info: '',
    error: null,
    outcome: null,
    plan: null,
    issues: [],
    issuesFrom: 'check',
    groups: [],
    order: [],
    cursor: -1,
    fixed: new Set(),
    showSettings: false,
    submit: { phase: 'idle' },
    focusReceipt: false,
  };
}

export function showIssues(state: PaneState, issues: Issue[], from: PaneState['issuesFrom']): void {
  state.issues = issues;
  state.issuesFrom = from;
  state.groups = groupIssues(issues);
  state.order = listOrder(state.groups);
  state.cursor = -1;
  state.fixed = new Set();
}

export function errorCount(state: PaneState): number {
  return state.issues.filter((i) => i.severity === 'error').length;
}

/** Why "Gửi" cannot be pressed now, or null. */
export function submitBlocked(state: PaneState): string | null {
  const l = state.settings.lang;
  const outcome = state.outcome;
  if (state.submit.phase === 'waiting' || state.submit.phase === 'sending') return state.submit.phase === 'waiting' ? t('submitQueued', l) : '';
  if (!outcome) return t('submitNeedsCheck', l);
  const errors = errorCount(state);
  if (errors > 0) return t('submitHasErrors', l, { n: errors });
  if (state.settings.serverUrl === '' || state.settings.token === '') return t('submitNoToken', l);
  if (!submissionRequest(outcome)) return t('submitNoSheets', l, { period: periodName(outcome.period ?? '', l) });
  return null;
}

/** The usual font of a checked sheet, which the legacy-encoding fix needs. */
export function usualFontOf(state: PaneState, sheet: string): string | null {
  return state.outcome?.sheets.find((s) => s.grid.name === sheet)?.usualFont ?? null;
}
