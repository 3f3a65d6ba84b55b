import { resolveComments, reviewMarkTargets } from '../../front/review-comments.ts';
import type { MeResponse, PlanResponse, SubmissionReceipt, SubmissionRequest } from '../../shared/api.ts';
import type { Issue } from '../../shared/issues.ts';
import type { Lang } from '../../shared/messages.ts';
import { type Period, periodLastDay, periodYear } from '../../shared/periods.ts';
import type { SheetsRead, WorkbookResult } from '../../shared/validate.ts';
import type { SubmitStep } from './api-client.ts';
import { issueCounts } from './issue-table.ts';
import type { FileRead } from './read-file.ts';
import type { ReviewRead } from './review-list.ts';
import { type UiKey, t } from './strings.ts';

/** The upload page's state (one object; actions change it, views show it) and what follows from it. */

export type PlanState =
  | { status: 'loading' }
  | { status: 'ready'; plan: PlanResponse }
  | { status: 'missing' }
  /** `retryable`: no answer came (or a 5xx), so "Thử lại" is offered. */
  | { status: 'failed'; message: string; retryable: boolean };

export interface SubmitState {
  step: SubmitStep | null;
  fraction: number;
  error: string | null;
}

/** Where the period came from: the officer's choice wins over a file's title. */
export type PeriodSource = 'default' | 'title' | 'chosen' | 'plan';

export interface UploadState {
  lang: Lang;
  token: string | null;
  me: MeResponse | null;
  signingIn: boolean;
  signInError: string | null;
  /** Signs in again with the same token, offered after a sign-in that got no answer. */
  signInRetry: (() => void) | null;
  period: Period;
  periodSource: PeriodSource;
  reportDate: string;
  plans: Map<number, PlanState>;
  reading: boolean;
  /** The file read, with its sheets' tables found once (the title's period, then every check of it). */
  file: (Extract<FileRead, { ok: true }> & { tables: SheetsRead }) | null;
  fileError: string | null;
  checking: boolean;
  result: WorkbookResult | null;
  /** The issues of a 422: the server's engine has the last word. */
  serverIssues: Issue[] | null;
  submit: SubmitState;
  receipt: SubmissionReceipt | null;
  preparingCopy: boolean;
  copyError: string | null;
  /** The district's review of the chosen period (issue 20), read after sign-in and on each check. */
  review: ReviewRead | null;
}

export const NO_SUBMISSION: SubmitState = { step: null, fraction: 0, error: null };

export function initialState(lang: Lang): UploadState {
  const period: Period = `${new Date().getFullYear()}-Y`;
  return {
    lang,
    token: null,
    me: null,
    signingIn: false,
    signInError: null,
    signInRetry: null,
    period,
    periodSource: 'default',
    reportDate: periodLastDay(period),
    plans: new Map(),
    reading: false,
    file: null,
    fileError: null,
    checking: false,
    result: null,
    serverIssues: null,
    submit: { ...NO_SUBMISSION },
    receipt: null,
    preparingCopy: false,
    copyError: null,
    review: null,
  };
}

export const STEPS: readonly SubmitStep[] = ['compress', 'upload', 'server', 'done'];
export const STEP_KEYS: Record<SubmitStep, UiKey> = { compress: 'stepCompress', upload: 'stepUpload', server: 'stepServer', done: 'stepDone' };

/** Forgets the file and what came of it: its check, the server's issues, its submission and receipt. */
export function forgetFile(state: UploadState): void {
  state.file = null;
  state.result = null;
  state.serverIssues = null;
  state.receipt = null;
  state.submit = { ...NO_SUBMISSION };
}

export function setPeriod(state: UploadState, period: Period, source: PeriodSource): void {
  state.period = period;
  state.periodSource = source;
  state.reportDate = periodLastDay(period);
}

export function currentPlan(state: UploadState): PlanState | undefined {
  return state.plans.get(periodYear(state.period));
}

/** The issues on show: the server's after a 422, else the page's own check. */
export function shownIssues(state: UploadState): Issue[] | null {
  return state.serverIssues ?? state.result?.issues ?? null;
}

export function recognisedSheets(state: UploadState): SubmissionRequest['sheets'] {
  if (!state.file || !state.result) return [];
  const kinds = new Map(state.result.sheets.map((s) => [s.name, s.kind]));
  return state.file.grids.filter((g) => kinds.get(g.name)).map((grid) => ({ grid }));
}

/** Why the submit button is disabled, or null when it is not. */
export function submitBlocker(state: UploadState): string | null {
  const tr = (key: UiKey) => t(key, state.lang);
  if (state.me?.role !== 'commune') return tr('reasonNotCommune');
  if (state.submit.step !== null && state.submit.step !== 'done' && state.submit.error === null) return tr('reasonSending');
  if (!state.file) return tr('reasonNoFile');
  const plan = currentPlan(state);
  if (plan?.status !== 'ready') return plan?.status === 'loading' ? tr('planLoading') : tr('reasonNoPlan');
  if (state.checking || !state.result) return tr('reasonChecking');
  const { errors } = issueCounts(shownIssues(state) ?? []);
  if (errors > 0) return `${tr('reasonErrors')} ${errors} ${tr('errorsWord')}. ${tr('hasErrors')}`;
  if (recognisedSheets(state).length === 0) return tr('reasonNoTable');
  return null;
}

/** The comments of the review read for the period in force (none for another period). */
export function currentComments(state: UploadState) {
  const r = state.review;
  return r?.status === 'loaded' && r.period === state.period && r.review ? r.review.comments : [];
}

export function reviewTargets(state: UploadState) {
  return state.file ? reviewMarkTargets(resolveComments(currentComments(state), state.file.grids), state.lang) : [];
}
