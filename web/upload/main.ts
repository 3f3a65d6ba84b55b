import { markTargets } from '../../front/cell-marks.ts';
import { resolveComments, reviewMarkTargets } from '../../front/review-comments.ts';
import type { MeResponse, PlanResponse, SubmissionReceipt, SubmissionRequest } from '../../shared/api.ts';
import type { Issue } from '../../shared/issues.ts';
import { type Lang, kindName, periodName, renderMessage } from '../../shared/messages.ts';
import { type Period, periodDeadline, periodLastDay, periodYear, periodsOfYear } from '../../shared/periods.ts';
import { type SheetsRead, type WorkbookResult, readSheets, titlePeriod, validateWorkbook } from '../../shared/validate.ts';
import { vietnamDateTimeText } from '../../shared/vietnam-time.ts';
import { ApiFailure, isRetryable, unanswered } from '../common/api.ts';
import { byId, h, offerRetry } from '../common/dom.ts';
import { tokenStore } from '../common/token-store.ts';
import { type SubmitProgress, type SubmitStep, fetchMe, fetchPlan, fetchReviews, submitReport } from './api-client.ts';
import { type ReviewRead, reviewList } from './review-list.ts';
import { issueCounts, issueTable } from './issue-table.ts';
import { markedCopy, markedFileName } from './mark-copy.ts';
import { type FileRead, prefetchXlsxReader, readDroppedFile } from './read-file.ts';
import { type UiKey, t } from './strings.ts';

/**
 * The upload page (issue 11): sign in with a token, drop an .xlsx, see the issues the add-in would
 * show (the shared engine runs here, in the browser), download a marked copy, submit when clean.
 * State lives in one object; each change calls render(), which updates the static elements of
 * index.html in place (so focus and typed text survive) and rebuilds only the issue table. A read
 * that got no answer (sign-in, the plan) is said with a "Thử lại" button that reads it again.
 */

const store = tokenStore('upload');

type PlanState =
  | { status: 'loading' }
  | { status: 'ready'; plan: PlanResponse }
  | { status: 'missing' }
  /** `retryable`: no answer came (or a 5xx), so "Thử lại" is offered. */
  | { status: 'failed'; message: string; retryable: boolean };

interface SubmitState {
  step: SubmitStep | null;
  fraction: number;
  error: string | null;
}

const state = {
  lang: store.loadLang() as Lang,
  token: null as string | null,
  me: null as MeResponse | null,
  signingIn: false,
  signInError: null as string | null,
  /** Signs in again with the same token, offered after a sign-in that got no answer. */
  signInRetry: null as (() => void) | null,
  period: `${new Date().getFullYear()}-Y` as Period,
  /** Where the period came from: the officer's choice wins over a file's title. */
  periodSource: 'default' as 'default' | 'title' | 'chosen' | 'plan',
  reportDate: periodLastDay(`${new Date().getFullYear()}-Y`),
  plans: new Map<number, PlanState>(),
  reading: false,
  /** The file read, with its sheets' tables found once (the title's period, then every check of it). */
  file: null as (Extract<FileRead, { ok: true }> & { tables: SheetsRead }) | null,
  fileError: null as string | null,
  checking: false,
  result: null as WorkbookResult | null,
  /** The issues of a 422: the server's engine has the last word. */
  serverIssues: null as Issue[] | null,
  submit: { step: null, fraction: 0, error: null } as SubmitState,
  receipt: null as SubmissionReceipt | null,
  preparingCopy: false,
  copyError: null as string | null,
  /** The district's review of the chosen period (issue 20), read after sign-in and on each check. */
  review: null as ReviewRead | null,
};

// ---- texts ------------------------------------------------------------------------------------

function tr(key: UiKey): string {
  return t(key, state.lang);
}

function failureText(e: unknown): string {
  if (e instanceof ApiFailure) {
    if (e.kind === 'network') return tr('network');
    if (e.kind === 'timeout') return tr('timeout');
    if (e.status === 401) return tr('failUnauthorized');
    // The report is accepted (issue 20): sending again cannot help until the district reopens it.
    if (e.code === 'REVIEW_LOCKED') return tr('reviewLocked');
    if (e.kind === 'bad-answer') return `${tr('failBadAnswer')} (HTTP ${e.status ?? '?'})`;
    // The envelope's message is Vietnamese first with English in brackets: shown as is.
    return e.serverMessage ?? `${tr('failUnknown')} (HTTP ${e.status ?? '?'})`;
  }
  return `${tr('failUnknown')} ${e instanceof Error ? e.message : String(e)}`;
}

function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** "29/11/2026 09:26:21 (giờ Việt Nam)": day first in both languages, as officers write dates. */
function formatVietnamTime(instant: string): string {
  const ms = Date.parse(instant);
  return `${Number.isNaN(ms) ? instant : vietnamDateTimeText(ms, true)} (${tr('vietnamTime')})`;
}

function periodLabel(period: Period): string {
  return periodName(period, state.lang, 'long');
}

// ---- elements ---------------------------------------------------------------------------------

const el = {
  who: byId('who'),
  signOut: byId<HTMLButtonElement>('sign-out'),
  signIn: byId('sign-in'),
  signInForm: byId<HTMLFormElement>('sign-in-form'),
  token: byId<HTMLInputElement>('token'),
  remember: byId<HTMLInputElement>('remember'),
  signInButton: byId<HTMLButtonElement>('sign-in-button'),
  signInError: byId('sign-in-error'),
  signInRetry: byId<HTMLButtonElement>('sign-in-retry'),
  workspace: byId('workspace'),
  dropZone: byId('drop-zone'),
  fileInput: byId<HTMLInputElement>('file-input'),
  fileStatus: byId('file-status'),
  fileError: byId('file-error'),
  sheets: byId('sheets'),
  sheetList: byId('sheet-list'),
  period: byId<HTMLSelectElement>('period'),
  periodSource: byId('period-source'),
  reportDate: byId<HTMLInputElement>('report-date'),
  planStatus: byId('plan-status'),
  planRetry: byId<HTMLButtonElement>('plan-retry'),
  submit: byId<HTMLButtonElement>('submit'),
  submitReason: byId('submit-reason'),
  progress: byId('progress'),
  progressBar: byId<HTMLProgressElement>('progress-bar'),
  progressSteps: byId('progress-steps'),
  submitStatus: byId('submit-status'),
  submitError: byId('submit-error'),
  receipt: byId('receipt'),
  download: byId<HTMLButtonElement>('download'),
  downloadHint: byId('download-hint'),
  resultsStatus: byId('results-status'),
  review: byId('review'),
  summary: byId('summary'),
  tableWrap: byId('table-wrap'),
};

// ---- derived ----------------------------------------------------------------------------------

function currentPlan(): PlanState | undefined {
  return state.plans.get(periodYear(state.period));
}

/** The issues on show: the server's after a 422, else the page's own check. */
function shownIssues(): Issue[] | null {
  return state.serverIssues ?? state.result?.issues ?? null;
}

function recognisedSheets(): SubmissionRequest['sheets'] {
  if (!state.file || !state.result) return [];
  const kinds = new Map(state.result.sheets.map((s) => [s.name, s.kind]));
  return state.file.grids.filter((g) => kinds.get(g.name)).map((grid) => ({ grid }));
}

/** Why the submit button is disabled, or null when it is not. */
function submitBlocker(): string | null {
  if (state.me?.role !== 'commune') return tr('reasonNotCommune');
  if (state.submit.step !== null && state.submit.step !== 'done' && state.submit.error === null) return tr('reasonSending');
  if (!state.file) return tr('reasonNoFile');
  const plan = currentPlan();
  if (plan?.status !== 'ready') return plan?.status === 'loading' ? tr('planLoading') : tr('reasonNoPlan');
  if (state.checking || !state.result) return tr('reasonChecking');
  const { errors } = issueCounts(shownIssues() ?? []);
  if (errors > 0) return `${tr('reasonErrors')} ${errors} ${tr('errorsWord')}. ${tr('hasErrors')}`;
  if (recognisedSheets().length === 0) return tr('reasonNoTable');
  return null;
}

// ---- rendering --------------------------------------------------------------------------------

function applyStaticTexts(): void {
  document.documentElement.lang = state.lang;
  document.title = `GNBV — ${tr('pageTitle')}`;
  for (const node of document.querySelectorAll<HTMLElement>('[data-t]')) {
    node.textContent = tr(node.dataset.t as UiKey);
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>('.lang-btn')) {
    b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang));
  }
  el.download.textContent = tr('download');
}

function renderWho(): void {
  const me = state.me;
  el.who.hidden = me === null;
  el.signOut.hidden = me === null;
  if (!me) return;
  const place = me.commune
    ? `${tr('commune')} ${me.commune.name}${me.region ? `, ${me.region.level === 'district' ? tr('district') : tr('province')} ${me.region.name}, ${me.region.province}` : ''}`
    : (me.region?.name ?? '');
  el.who.replaceChildren(h('span', { class: 'who-label' }, me.label), h('span', { class: 'who-place' }, place));
}

function renderSignIn(): void {
  const signedIn = state.me !== null && state.me.role === 'commune';
  el.signIn.hidden = signedIn;
  el.workspace.hidden = !signedIn;
  el.signInButton.disabled = state.signingIn;
  el.signInButton.textContent = state.signingIn ? tr('signingIn') : tr('signIn');
  el.signInError.hidden = state.signInError === null;
  el.signInError.textContent = state.signInError ?? '';
  offerRetry(el.signInRetry, state.signInRetry);
}

function renderFile(): void {
  el.fileStatus.textContent = state.reading ? tr('reading') : state.file ? `${state.file.name}` : '';
  el.fileError.hidden = state.fileError === null;
  el.fileError.textContent = state.fileError ?? '';
}

/** The workbook's sheets as the engine read them: kind and data rows; skipped ones greyed. */
function renderSheets(): void {
  const sheets = state.file ? (state.result?.sheets ?? []) : [];
  el.sheets.hidden = sheets.length === 0 || state.checking;
  el.sheetList.replaceChildren(
    ...sheets.map((s) =>
      h(
        'li',
        { class: s.kind ? 'sheet' : 'sheet skipped' },
        h('span', { class: 'sheet-name' }, s.name),
        ' ',
        h('span', { class: 'sheet-kind' }, s.kind ? `${kindName(s.kind, state.lang)} · ${s.dataRows} ${tr('dataRows')}` : tr('skipped')),
      ),
    ),
  );
}

function renderPeriod(): void {
  const year = new Date().getFullYear();
  const years = new Set<number>([year - 2, year - 1, year, periodYear(state.period)]);
  const sorted = [...years].sort((a, b) => b - a);
  const wanted = sorted.map((y) => `${y}:${periodsOfYear(y).join(',')}`).join(';') + state.lang;
  if (el.period.dataset.built !== wanted) {
    el.period.replaceChildren(
      ...sorted.map((y) =>
        h('optgroup', { label: `${tr('year')} ${y}` }, ...[...periodsOfYear(y)].reverse().map((p) => h('option', { value: p }, periodLabel(p)))),
      ),
    );
    el.period.dataset.built = wanted;
  }
  el.period.value = state.period;
  el.periodSource.hidden = state.periodSource !== 'title';
  el.periodSource.textContent = tr('periodFromTitle');
  if (el.reportDate.value !== state.reportDate) el.reportDate.value = state.reportDate;
  el.reportDate.min = `${periodYear(state.period)}-01-01`;
  el.reportDate.max = `${periodYear(state.period)}-12-31`;

  const plan = currentPlan();
  offerRetry(el.planRetry, plan?.status === 'failed' && plan.retryable ? () => run(retryPlan, (m) => (state.fileError = m)) : null);
  el.planStatus.className = 'plan-status';
  if (!plan || plan.status === 'loading') {
    el.planStatus.textContent = tr('planLoading');
  } else if (plan.status === 'missing') {
    el.planStatus.classList.add('bar', 'warning');
    el.planStatus.textContent = `${tr('planMissing')} (${periodYear(state.period)})`;
  } else if (plan.status === 'failed') {
    el.planStatus.classList.add('bar', 'error');
    el.planStatus.textContent = plan.message;
  } else {
    const p = plan.plan;
    el.planStatus.replaceChildren(
      h('span', { class: 'plan-title' }, `${tr('planOf')} ${p.year} — ${tr('commune')} ${p.commune.name}`),
      h(
        'span',
        { class: 'plan-facts' },
        `${p.villages.length} ${tr('villages')} · ${p.subProjects.length} ${tr('subProjects')} · ${tr('deadline')}: ${formatDay(periodDeadline(state.period, p.deadlines))}`,
      ),
    );
  }
}

function renderResults(): void {
  const issues = shownIssues();
  el.resultsStatus.className = 'results-status';
  el.resultsStatus.replaceChildren();
  el.summary.hidden = true;
  el.tableWrap.hidden = true;
  el.download.hidden = true;
  el.downloadHint.hidden = true;
  el.review.replaceChildren();
  const review = reviewList(state.review, state.file ? resolveComments(currentComments(), state.file.grids) : null, state.lang);
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
    el.resultsStatus.textContent = state.file && currentPlan()?.status !== 'ready' ? tr('reasonNoPlan') : tr('resultsEmpty');
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
  if (markTargets(issues).length > 0 || reviewTargets().length > 0) {
    el.download.hidden = false;
    el.download.disabled = state.preparingCopy;
    el.download.textContent = state.preparingCopy ? tr('preparing') : tr('download');
    el.downloadHint.hidden = false;
  }
  if (state.copyError) {
    el.resultsStatus.append(h('span', { class: 'copy-error' }, ` ${tr('failCopy')} ${state.copyError}`));
  }
}

const STEPS: readonly SubmitStep[] = ['compress', 'upload', 'server', 'done'];
const STEP_KEYS: Record<SubmitStep, UiKey> = { compress: 'stepCompress', upload: 'stepUpload', server: 'stepServer', done: 'stepDone' };

function progressValue(s: SubmitState): number {
  switch (s.step) {
    case 'compress':
      return 5;
    case 'upload':
      return 10 + Math.round(70 * s.fraction);
    case 'server':
      return 85;
    case 'done':
      return 100;
    default:
      return 0;
  }
}

function renderSubmit(): void {
  const blocker = submitBlocker();
  el.submit.disabled = blocker !== null;
  el.submit.textContent = `${state.submit.error !== null && state.serverIssues === null ? tr('retry') : tr('submit')} — ${periodLabel(state.period)}`;
  el.submitReason.textContent = blocker ?? '';
  el.submitReason.hidden = blocker === null;

  const s = state.submit;
  el.progress.hidden = s.step === null;
  el.progressBar.value = progressValue(s);
  const at = s.step === null ? -1 : STEPS.indexOf(s.step);
  el.progressSteps.replaceChildren(
    ...STEPS.map((step, i) => {
      const status = s.error !== null && i === at ? 'failed' : i < at || s.step === 'done' ? 'done' : i === at ? 'current' : 'pending';
      const label = step === 'upload' && status === 'current' ? `${tr(STEP_KEYS[step])} ${Math.round(s.fraction * 100)}%` : tr(STEP_KEYS[step]);
      return h('li', { class: status, 'aria-current': status === 'current' ? 'step' : null }, label);
    }),
  );
  el.submitError.hidden = s.error === null;
  el.submitError.textContent = s.error ?? '';

  const r = state.receipt;
  el.receipt.hidden = r === null;
  if (r) renderReceipt(r);
}

function renderReceipt(r: SubmissionReceipt): void {
  const rows: [string, Node | string][] = [
    [tr('version'), String(r.version)],
    [tr('receivedAt'), formatVietnamTime(r.receivedAt)],
    [
      tr('timeliness'),
      h('span', { class: `state ${r.late ? 'late' : 'on-time'}`, 'data-late': String(r.late) }, `${r.late ? tr('late') : tr('onTime')} (${tr('deadlineShort')} ${formatDay(r.deadline)})`),
    ],
    [tr('kinds'), r.kinds.map((k) => `${kindName(k, state.lang)}: ${r.rowCounts[k]} ${tr('rowsWord')}`).join(' · ')],
    [tr('checksum'), h('code', {}, r.checksum.slice(0, 16))],
  ];
  const warnings = r.warnings;
  el.receipt.replaceChildren(
    h('h3', { id: 'receipt-title' }, `✓ ${tr('receiptTitle')} — ${periodLabel(r.period)}`),
    h('dl', { class: 'receipt-facts' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h(
      'div',
      { class: 'receipt-warnings' },
      h('p', { class: 'receipt-warnings-title' }, `${tr('receiptWarnings')}: ${warnings.length === 0 ? tr('noWarnings') : warnings.length}`),
      warnings.length > 0
        ? h(
            'ul',
            {},
            ...warnings.slice(0, 20).map((w) => h('li', { 'data-code': w.code }, `${w.sheet ? `${w.sheet}${w.row ? `!${w.column ?? ''}${w.row}` : ''}: ` : ''}${renderMessage(w, state.lang)}`)),
          )
        : null,
    ),
  );
}

function render(): void {
  applyStaticTexts();
  renderWho();
  renderSignIn();
  if (state.me?.role !== 'commune') return;
  renderFile();
  renderPeriod();
  renderResults();
  renderSheets();
  renderSubmit();
}

// ---- actions ----------------------------------------------------------------------------------

/** The one catch point of every action: a failure becomes a message in its place, never a dead page. */
function run(action: () => Promise<void>, onError: (message: string) => void): void {
  action().catch((e: unknown) => {
    console.error('gnbv upload:', e);
    onError(failureText(e));
    render();
  });
}

const planFetches = new Map<number, Promise<void>>();

/** The commune's plan for the year, fetched once; callers during the fetch wait for the same one. */
async function ensurePlan(year: number): Promise<void> {
  const known = state.plans.get(year);
  if (known?.status === 'ready' || known?.status === 'missing') return;
  const pending = planFetches.get(year);
  if (pending) return pending;
  const token = state.token;
  if (!token) return;
  const fetching = (async () => {
    state.plans.set(year, { status: 'loading' });
    render();
    try {
      const plan = await fetchPlan(token, year);
      // Signed out (or in as someone else) meanwhile: this plan is not theirs.
      if (state.token === token) state.plans.set(year, { status: 'ready', plan });
    } catch (e) {
      if (state.token !== token) return;
      if (e instanceof ApiFailure && e.status === 404) state.plans.set(year, { status: 'missing' });
      else if (e instanceof ApiFailure && e.status === 401) signOut(tr('failUnauthorized'));
      else state.plans.set(year, { status: 'failed', message: failureText(e), retryable: isRetryable(e) });
    } finally {
      planFetches.delete(year);
    }
  })();
  planFetches.set(year, fetching);
  return fetching;
}

/** "Thử lại" after the plan could not be read: reads it again (as at sign-in when no period is chosen), then checks the file with it. */
async function retryPlan(): Promise<void> {
  if (state.periodSource === 'default') return ensureDefaultPlan();
  await ensurePlan(periodYear(state.period));
  render();
  if (state.file) await check();
}

let checkSeq = 0;

/**
 * Runs the shared engine on the file with the chosen plan, period and date (the add-in's check).
 * Only the latest call writes its result: an earlier one still waiting for its plan is dropped.
 */
async function check(): Promise<void> {
  const seq = ++checkSeq;
  void loadReview();
  state.serverIssues = null;
  state.copyError = null;
  // The plan of the period in force, file or not: a period chosen while the default one was still
  // being looked up has no other call that reads its plan.
  await ensurePlan(periodYear(state.period));
  if (seq !== checkSeq) return;
  const file = state.file;
  if (!file) {
    state.checking = false;
    render();
    return;
  }
  const plan = currentPlan();
  if (plan?.status !== 'ready') {
    state.result = null;
    state.checking = false;
    render();
    return;
  }
  state.checking = true;
  render();
  // Let the browser paint "Đang kiểm tra…" before the engine takes the main thread.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (seq !== checkSeq) return;
  try {
    state.result = validateWorkbook(file.tables, { plan: plan.plan, period: state.period, reportDate: state.reportDate, lang: state.lang });
  } finally {
    state.checking = false;
  }
  render();
}

/** The comments of the review read for the period in force (none for another period). */
function currentComments() {
  const r = state.review;
  return r?.status === 'loaded' && r.period === state.period && r.review ? r.review.comments : [];
}

function reviewTargets() {
  return state.file ? reviewMarkTargets(resolveComments(currentComments(), state.file.grids), state.lang) : [];
}

let reviewSeq = 0;

/** Reads the district's review of the chosen period; a failure is a short note, never a failed check. */
async function loadReview(): Promise<void> {
  const token = state.token;
  const period = state.period;
  if (!token) return;
  const seq = ++reviewSeq;
  let read: ReviewRead;
  try {
    const list = await fetchReviews(token, period);
    read = { status: 'loaded', period, review: list.reviews[0] ?? null };
  } catch {
    read = { status: 'failed', period };
  }
  if (seq !== reviewSeq || state.token !== token) return;
  state.review = read;
  render();
}

function setPeriod(period: Period, source: typeof state.periodSource): void {
  state.period = period;
  state.periodSource = source;
  state.reportDate = periodLastDay(period);
}

async function openFile(file: File): Promise<void> {
  checkSeq++;
  state.checking = false;
  state.reading = true;
  state.file = null;
  state.fileError = null;
  state.result = null;
  state.serverIssues = null;
  state.receipt = null;
  state.submit = { step: null, fraction: 0, error: null };
  render();
  let read: FileRead;
  try {
    read = await readDroppedFile(file);
  } finally {
    state.reading = false;
  }
  if (!read.ok) {
    state.fileError = read.message;
    render();
    return;
  }
  state.file = { ...read, tables: readSheets(read.grids.map((grid) => ({ grid }))) };
  if (state.periodSource !== 'chosen') {
    const fromTitle = titlePeriod(state.file.tables);
    if (fromTitle) setPeriod(fromTitle, 'title');
  }
  await check();
}

async function submit(): Promise<void> {
  if (submitBlocker() !== null || !state.token) return;
  const request: SubmissionRequest = { period: state.period, sheets: recognisedSheets() };
  state.submit = { step: 'compress', fraction: 0, error: null };
  state.receipt = null;
  render();
  let outcome;
  try {
    outcome = await submitReport(state.token, request, (p: SubmitProgress) => {
      state.submit = { step: p.step, fraction: p.fraction ?? state.submit.fraction, error: null };
      el.submitStatus.textContent = tr(STEP_KEYS[p.step]);
      renderSubmit();
    });
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 401) return signOut(tr('failUnauthorized'));
    // Focus stays on the button (now "Gửi lại", safe: the Idempotency-Key stores it once); the alert region reads the message out.
    state.submit = { ...state.submit, error: unanswered(e) ? tr('failNetwork') : failureText(e) };
    render();
    return;
  }
  if (outcome.accepted) {
    state.receipt = outcome.receipt;
    state.submit = { step: 'done', fraction: 1, error: null };
    render();
    el.receipt.focus();
  } else {
    state.serverIssues = outcome.issues;
    state.submit = { ...state.submit, error: outcome.message };
    render();
  }
}

async function downloadCopy(): Promise<void> {
  const file = state.file;
  const issues = shownIssues();
  if (!file || !issues) return;
  state.preparingCopy = true;
  state.copyError = null;
  render();
  try {
    const issuesInLang = issues.map((i) => ({ ...i, message: renderMessage(i, state.lang) }));
    const bytes = await markedCopy(file, issuesInLang, reviewTargets());
    const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: markedFileName(file.name, tr('markedSuffix')) });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (e) {
    state.copyError = e instanceof Error ? e.message : String(e);
  } finally {
    state.preparingCopy = false;
    render();
  }
}

async function signIn(token: string, remember: boolean, quiet: boolean): Promise<void> {
  state.signingIn = true;
  state.signInError = null;
  state.signInRetry = null;
  render();
  let me: MeResponse;
  try {
    me = await fetchMe(token);
  } catch (e) {
    state.signingIn = false;
    if (quiet && e instanceof ApiFailure && e.status === 401) store.forget();
    state.signInError = quiet && e instanceof ApiFailure && e.status === 401 ? null : failureText(e);
    if (isRetryable(e)) state.signInRetry = () => run(() => signIn(token, remember, quiet), (m) => (state.signInError = m));
    render();
    return;
  }
  state.signingIn = false;
  if (me.role !== 'commune') {
    store.forget();
    state.signInError = `${tr('notCommune')} (${me.label})`;
    render();
    return;
  }
  state.token = token;
  state.me = me;
  store.save(token, remember);
  render();
  if (!quiet) el.fileInput.focus();
  // A commune officer's next step is a file: fetch the .xlsx reader now, behind the page.
  prefetchXlsxReader();
  void loadReview();
  await ensureDefaultPlan();
}

/**
 * The period before any file: the current year's annual report; where the server has no plan for
 * this year yet, the latest of the two years before that has one.
 */
async function ensureDefaultPlan(): Promise<void> {
  const year = periodYear(state.period);
  await ensurePlan(year);
  if (state.periodSource === 'default' && currentPlan()?.status === 'missing') {
    for (const earlier of [year - 1, year - 2]) {
      await ensurePlan(earlier);
      if (state.plans.get(earlier)?.status === 'ready' && state.periodSource === 'default') {
        setPeriod(`${earlier}-Y`, 'plan');
        break;
      }
    }
  }
  render();
  if (state.file && state.result === null) await check();
}

function signOut(message: string | null = null): void {
  store.forget();
  state.token = null;
  state.me = null;
  state.plans.clear();
  state.file = null;
  state.result = null;
  state.serverIssues = null;
  state.receipt = null;
  state.review = null;
  state.submit = { step: null, fraction: 0, error: null };
  state.signInError = message;
  el.token.value = '';
  render();
  el.token.focus();
}

// ---- wiring -----------------------------------------------------------------------------------

el.signInForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const token = el.token.value.trim();
  if (token === '') {
    state.signInError = tr('tokenRequired');
    render();
    el.token.focus();
    return;
  }
  run(() => signIn(token, el.remember.checked, false), (m) => (state.signInError = m));
});

el.signOut.addEventListener('click', () => signOut());

for (const b of document.querySelectorAll<HTMLButtonElement>('.lang-btn')) {
  b.addEventListener('click', () => {
    state.lang = b.dataset.lang === 'en' ? 'en' : 'vi';
    store.saveLang(state.lang);
    // Issue messages are rendered from the issues' data in the chosen language: no re-check needed.
    render();
  });
}

el.fileInput.addEventListener('change', () => {
  const file = el.fileInput.files?.[0];
  el.fileInput.value = '';
  if (file) run(() => openFile(file), (m) => (state.fileError = m));
});

// A file dropped anywhere on the page is taken, never opened by the browser in place of the page.
let dragDepth = 0;
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('dragenter', (e) => {
  e.preventDefault();
  dragDepth++;
  el.dropZone.classList.add('dragging');
});
window.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) el.dropZone.classList.remove('dragging');
});
window.addEventListener('drop', (e) => {
  e.preventDefault();
  dragDepth = 0;
  el.dropZone.classList.remove('dragging');
  if (state.me?.role !== 'commune') return;
  const file = e.dataTransfer?.files[0];
  if (file) run(() => openFile(file), (m) => (state.fileError = m));
});

/** Another period or date is other content: the last receipt and submission state no longer apply. */
function resetSubmission(): void {
  state.receipt = null;
  state.submit = { step: null, fraction: 0, error: null };
}

el.period.addEventListener('change', () => {
  setPeriod(el.period.value as Period, 'chosen');
  resetSubmission();
  run(check, (m) => (state.fileError = m));
  render();
});

el.reportDate.addEventListener('change', () => {
  const value = el.reportDate.value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
  state.reportDate = value;
  resetSubmission();
  run(check, (m) => (state.fileError = m));
});

el.submit.addEventListener('click', () => run(submit, (m) => (state.submit = { ...state.submit, error: m })));
el.download.addEventListener('click', () => run(downloadCopy, (m) => (state.copyError = m)));

// ---- start ------------------------------------------------------------------------------------

render();
const saved = store.load();
if (saved) {
  el.remember.checked = saved.remembered;
  run(() => signIn(saved.token, saved.remembered, true), (m) => (state.signInError = m));
} else {
  el.signIn.hidden = false;
  el.token.focus();
}
