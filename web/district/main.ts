import type { DistrictSummaryResponse, MeResponse, Region, StatusResponse } from '../../shared/api.ts';
import type { Lang } from '../../shared/messages.ts';
import { Period } from '../../shared/periods.ts';
import type { SheetKind } from '../../shared/sheet-kind.ts';
import { ApiFailure, isRetryable } from '../common/api.ts';
import { h } from '../../front/dom.ts';
import { byId, offerRetry } from '../common/dom.ts';
import { tokenStore } from '../common/token-store.ts';
import { fetchDistrictSummary, fetchMe, fetchStatus } from './api.ts';
import { deprivationsChart, fundsChart, householdsChart } from './charts.ts';
import { bytes, count, vietnamDateTime } from './format.ts';
import { openHistory, setUpHistoryDialog } from './history-dialog.ts';
import { defaultPeriod, periodOptions, periodPart, periodYear } from './periods.ts';
import { reviewPanel } from './review-panel.ts';
import { openReview, setUpReviewDialog } from './review-view.ts';
import { summaryLine, statusGrid, totalsOf } from './status-grid.ts';
import { lang, periodName, setLang, t, type TextKey } from './strings.ts';
import { type Progress, type Workbook, type WorkbookLayout, fetchWorkbook, saveWorkbook } from './workbook-download.ts';

/**
 * The district page (issue 10): who reported, who is late, and the figures at a glance.
 *
 * One snapshot per period: GET /api/status for the grid and GET /api/district/summary for the
 * charts — counts and money, no personal data, so viewing the page downloads none and records
 * nothing. The merged workbook (GET /api/workbook, streamed, its bytes counted) is fetched only
 * when the officer clicks "Tải bảng tổng hợp", and the server records that download; it holds
 * the accepted reports only (`accepted=1`) unless "Gồm mọi báo cáo đã nhận" is ticked, and the
 * page says beforehand how many communes are accepted, so an empty workbook is no surprise; a second
 * click for the period saves the bytes already received. "Làm mới" takes a new snapshot. Every
 * button goes through `guard`, the page's one catch point. A call that got no answer (or a 5xx) is
 * said with a "Thử lại" button beside the message, which runs the same step again.
 */

const store = tokenStore('district');

interface State {
  token: string | null;
  me: MeResponse | null;
  period: Period | null;
  status: StatusResponse | null;
  figures: DistrictSummaryResponse | null;
  /** The workbook received for the current period, once the officer has asked for it. */
  workbook: Workbook | null;
  /** The workbook request in flight for the current period, if any, and what it asks for. */
  loading: { layout: WorkbookLayout; acceptedOnly: boolean; done: Promise<Workbook | null> } | null;
  controller: AbortController | null;
  scope: string;
  /** When the snapshot's status arrived (ISO). */
  updatedAt: string | null;
  /** The line beside the download button, made in the current language. */
  downloadNote: (() => string) | null;
}

const state: State = {
  token: null,
  me: null,
  period: null,
  status: null,
  figures: null,
  workbook: null,
  loading: null,
  controller: null,
  scope: '',
  updatedAt: null,
  downloadNote: null,
};

// ---- text ----------------------------------------------------------------------------------

function describe(e: unknown): string {
  if (e instanceof ApiFailure) {
    if (e.kind === 'network') return t('network');
    if (e.kind === 'timeout') return t('timeout');
    if (e.kind === 'bad-answer') return t('badAnswer');
    if (e.status === 401) return t('wrongToken');
    if (e.status === 403) return t('refusedServer');
    return e.serverMessage ?? `${t('serverError')} (${e.status ?? '?'})`;
  }
  return e instanceof Error ? e.message : String(e);
}

function applyTexts(): void {
  document.documentElement.lang = lang();
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) el.textContent = t(el.dataset.t as TextKey);
  document.title = `GNBV — ${t('pageTitle')}`;
  for (const b of document.querySelectorAll<HTMLButtonElement>('.lang-btn')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang()));
}

function regionLine(region: Region): string {
  const level = region.level === 'district' ? t('district') : t('province');
  return region.level === 'district' ? `${level} ${region.name}, ${t('provinceWord')} ${region.province}` : `${level} ${region.name}`;
}

function wholeUnit(region: Region): string {
  return `${t('whole')} ${region.level === 'district' ? t('districtWord') : t('provinceWord')} ${region.name}`;
}

/** aria-busy on a region while its data loads (assistive technology waits; tests do too). */
function busy(id: string, on: boolean): void {
  if (on) byId(id).setAttribute('aria-busy', 'true');
  else byId(id).removeAttribute('aria-busy');
}

// ---- one catch point -----------------------------------------------------------------------

function showError(message: string | null, retry: (() => void) | null = null): void {
  const el = byId('workspace-error');
  el.textContent = message ?? '';
  el.hidden = message === null;
  offerRetry(byId<HTMLButtonElement>('workspace-retry'), retry);
}

/** Runs an action; a failure becomes text on the page (401/403 send the officer back to sign in). */
async function guard(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (e) {
    if (e instanceof ApiFailure && e.kind === 'aborted') return;
    if (e instanceof ApiFailure && (e.status === 401 || e.status === 403)) {
      signOut(describe(e));
      return;
    }
    showError(describe(e), isRetryable(e) ? () => void guard(action) : null);
  }
}

// ---- signing in ----------------------------------------------------------------------------

function showSignIn(message: string | null, retry: (() => void) | null = null): void {
  byId('sign-in').hidden = false;
  byId('workspace').hidden = true;
  byId('who').hidden = true;
  byId('sign-out').hidden = true;
  byId('region').textContent = '';
  const error = byId('sign-in-error');
  error.textContent = message ?? '';
  error.hidden = message === null;
  offerRetry(byId<HTMLButtonElement>('sign-in-retry'), retry);
  byId<HTMLInputElement>('token').focus();
}

function signOut(message: string | null = null): void {
  state.controller?.abort();
  Object.assign(state, { token: null, me: null, status: null, figures: null, workbook: null, loading: null, controller: null });
  store.forget();
  byId<HTMLInputElement>('token').value = '';
  showSignIn(message);
}

/** The token is kept only once the server has said it is a district officer's. */
async function signIn(token: string, remember: boolean | null): Promise<void> {
  let me: MeResponse;
  try {
    me = await fetchMe(token);
  } catch (e) {
    // A token the server refuses is dropped; one that could not be checked (network) is kept for a retry.
    if (e instanceof ApiFailure && (e.status === 401 || e.status === 403)) store.forget();
    showSignIn(describe(e), isRetryable(e) ? () => void guard(() => signIn(token, remember)) : null);
    return;
  }
  if (me.role !== 'district' || me.region === null) {
    store.forget();
    showSignIn(me.role === 'commune' ? t('refusedCommune') : t('refusedAdmin'));
    return;
  }
  if (remember !== null) store.save(token, remember);
  state.token = token;
  state.me = me;
  byId('sign-in').hidden = true;
  byId('workspace').hidden = false;
  showWho();
  fillPeriods();
  const asked = Period.safeParse(new URL(location.href).searchParams.get('period'));
  const period = asked.success ? asked.data : defaultPeriod(new Date());
  // Signed in even when the period cannot be had: "Thử lại" then loads the period, not the sign-in.
  await guard(() => loadPeriod(period));
  byId('period').focus();
}

function showWho(): void {
  const me = state.me;
  if (me === null || me.region === null) return;
  const who = byId('who');
  who.replaceChildren(h('span', { class: 'who-name' }, me.label));
  who.hidden = false;
  byId('sign-out').hidden = false;
  byId('region').textContent = regionLine(me.region);
}

// ---- the period ----------------------------------------------------------------------------

function fillPeriods(): void {
  const select = byId<HTMLSelectElement>('period');
  const groups = new Map<number, HTMLOptGroupElement>();
  for (const o of periodOptions(new Date())) {
    let group = groups.get(o.year);
    if (!group) {
      group = h('optgroup', { label: String(o.year) });
      groups.set(o.year, group);
    }
    const name = periodName(periodPart(o.period), periodYear(o.period));
    group.append(h('option', { value: o.period }, o.notDueYet ? `${name} (${t('notDueYet')})` : name));
  }
  select.replaceChildren(...groups.values());
  if (state.period !== null) select.value = state.period;
}

function periodLabel(period: Period): string {
  return periodName(periodPart(period), periodYear(period));
}

async function loadPeriod(period: Period): Promise<void> {
  const token = state.token;
  if (token === null) return;
  state.controller?.abort();
  const controller = new AbortController();
  Object.assign(state, { controller, period, status: null, figures: null, workbook: null, loading: null });
  byId<HTMLSelectElement>('period').value = period;
  const url = new URL(location.href);
  url.searchParams.set('period', period);
  history.replaceState(null, '', url);
  showError(null);
  byId('grid-holder').replaceChildren();
  byId('review-holder').replaceChildren();
  byId('accept-results').replaceChildren();
  byId('tallies').replaceChildren();
  byId('status-message').textContent = t('loading');
  state.updatedAt = null;
  renderUpdated();
  setDownloadNote(null);
  showProgress(null);
  renderAcceptedNote();
  clearCharts(t('chartsLoading'));
  busy('status-card', true);

  // The charts' figures are asked for beside the status; each fills its own part of the page.
  const charts = loadCharts(token, period, controller.signal);
  let status: StatusResponse;
  try {
    status = await fetchStatus(token, period, controller.signal);
  } catch (e) {
    // The failure is said in #workspace-error (guard), no longer "loading".
    if (!controller.signal.aborted) byId('status-message').textContent = '';
    throw e;
  } finally {
    if (!controller.signal.aborted) busy('status-card', false);
  }
  if (controller.signal.aborted) return;
  state.status = status;
  renderStatus();
  state.updatedAt = new Date().toISOString();
  renderUpdated();
  await charts;
}

function renderUpdated(): void {
  byId('updated').textContent = state.updatedAt === null ? '' : `${t('updatedAt')} ${vietnamDateTime(state.updatedAt)} (${t('vietnamTime')})`;
}

function setDownloadNote(note: (() => string) | null): void {
  state.downloadNote = note;
  byId('download-status').textContent = note === null ? '' : note();
}

function renderStatus(): void {
  const status = state.status;
  if (status === null) return;
  byId('status-message').textContent = status.communes.length === 0 ? t('noCommunes') : '';
  renderAcceptedNote();
  byId('tallies').replaceChildren(summaryLine(totalsOf(status)));
  byId('grid-holder').replaceChildren(statusGrid(status, (communeId, kind, from) => void guard(() => showHistory(communeId, kind, from))));
  const token = state.token;
  const period = state.period;
  if (token === null || period === null) return;
  byId('review-holder').replaceChildren(
    reviewPanel(status, {
      token,
      period,
      open: (communeId, from) => void guard(() => showReview(communeId, from)),
      describe,
      refresh: () => guard(reloadStatus),
      results: byId('accept-results'),
    }),
  );
}

function acceptedOnly(): boolean {
  return !byId<HTMLInputElement>('include-all').checked;
}

/** "2/4 xã đã được duyệt báo cáo kỳ này." and what the download will hold: said before it is pressed. */
function renderAcceptedNote(): void {
  const status = state.status;
  const note = byId('accepted-note');
  if (status === null) {
    note.textContent = '';
    return;
  }
  const accepted = status.communes.filter((c) => c.review.state === 'accepted').length;
  const what = !acceptedOnly() ? t('includingAll') : accepted === 0 ? t('acceptedOnlyNone') : t('acceptedOnlySome');
  note.dataset.accepted = String(accepted);
  note.textContent = `${count(accepted)}/${count(status.communes.length)} ${t('acceptedCount')} ${what}`;
}

/** A new snapshot of the status only (after a review action): the charts and the workbook stay. */
async function reloadStatus(): Promise<void> {
  const token = state.token;
  const period = state.period;
  if (token === null || period === null) return;
  busy('status-card', true);
  try {
    const status = await fetchStatus(token, period, state.controller?.signal);
    if (state.period !== period) return;
    state.status = status;
    // A review changed what the accepted reports' workbook holds: the next click fetches it anew.
    state.workbook = null;
    renderStatus();
    state.updatedAt = new Date().toISOString();
    renderUpdated();
  } finally {
    busy('status-card', false);
  }
}

async function showReview(communeId: string, from: HTMLElement): Promise<void> {
  const token = state.token;
  const period = state.period;
  const commune = state.status?.communes.find((c) => c.commune.id === communeId)?.commune;
  if (token === null || period === null || commune === undefined) return;
  await openReview({ token, period, periodName: periodLabel(period), communeId, communeName: commune.name, from, describe, changed: () => guard(reloadStatus) });
}

async function showHistory(communeId: string, kind: SheetKind | null, from: HTMLElement): Promise<void> {
  const token = state.token;
  const period = state.period;
  const commune = state.status?.communes.find((c) => c.commune.id === communeId)?.commune;
  if (token === null || period === null || commune === undefined) return;
  await openHistory({ token, period, periodName: periodLabel(period), communeId, communeName: commune.name, kind, from, describe });
}

// ---- the charts' figures -------------------------------------------------------------------

/** Fetches the period's summary and draws the charts; a failure is said where the charts go, and the grid still works. */
async function loadCharts(token: string, period: Period, signal: AbortSignal): Promise<void> {
  busy('households-card', true);
  busy('lower-charts', true);
  try {
    const figures = await fetchDistrictSummary(token, period, signal);
    if (signal.aborted) return;
    state.figures = figures;
    renderCharts();
  } catch (e) {
    if (signal.aborted) return;
    if (e instanceof ApiFailure && (e.status === 401 || e.status === 403)) {
      signOut(describe(e));
      return;
    }
    clearCharts(`${t('chartsFailed')}: ${describe(e)}`);
    if (isRetryable(e)) {
      offerRetry(byId<HTMLButtonElement>('charts-retry'), () => {
        clearCharts(t('chartsLoading'));
        void loadCharts(token, period, signal);
      });
    }
  } finally {
    if (!signal.aborted) {
      busy('households-card', false);
      busy('lower-charts', false);
    }
  }
}

// ---- the workbook, on request: progress, saving ----------------------------------------------

function showProgress(p: Progress | null): void {
  const box = byId('download-progress');
  const bar = byId<HTMLProgressElement>('download-bar');
  if (p === null) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  box.dataset.received = String(p.received);
  if (p.total !== null) {
    bar.max = p.total;
    bar.value = p.received;
  } else {
    bar.removeAttribute('value');
  }
  byId('download-bytes').textContent = `${t('receiving')}: ${bytes(p.received)}${p.total === null ? '' : ` / ${bytes(p.total)}`}`;
}

/** Fetches the period's workbook with the bytes received shown, and saves it. */
async function receiveWorkbook(token: string, period: Period, layout: WorkbookLayout, accepted: boolean, signal: AbortSignal): Promise<Workbook | null> {
  setDownloadNote(null);
  let workbook: Workbook;
  try {
    workbook = await fetchWorkbook(token, period, layout, accepted, showProgress, signal);
  } catch (e) {
    if (signal.aborted) return null;
    showProgress(null);
    state.loading = null;
    if (e instanceof ApiFailure && (e.status === 401 || e.status === 403)) {
      signOut(describe(e));
      return null;
    }
    setDownloadNote(() => `${t('downloadFailed')}: ${describe(e)}`);
    return null;
  }
  if (signal.aborted) return null;
  state.workbook = workbook;
  state.loading = null;
  showProgress(null);
  byId('download-progress').dataset.received = String(workbook.bytes.byteLength);
  save(workbook);
  return workbook;
}

function save(workbook: Workbook): void {
  saveWorkbook(workbook);
  const status = byId('download-status');
  status.dataset.fileName = workbook.fileName;
  status.dataset.bytes = String(workbook.bytes.byteLength);
  setDownloadNote(() => `${t('saved')} “${workbook.fileName}” (${bytes(workbook.bytes.byteLength)})`);
}

/**
 * "Tải bảng tổng hợp" (GNBV's layout) and "Tải theo mẫu biểu rà soát" (the review forms'): the only
 * ways the page asks for the workbook. One request at a time: a click while one arrives waits for
 * it, and is done if it was of the same layout.
 */
async function download(layout: WorkbookLayout): Promise<void> {
  const token = state.token;
  const period = state.period;
  if (token === null || period === null) return;
  const accepted = acceptedOnly();
  while (state.loading !== null) {
    const inFlight = state.loading;
    await inFlight.done;
    if ((inFlight.layout === layout && inFlight.acceptedOnly === accepted) || state.period !== period) return;
  }
  if (state.workbook?.period === period && state.workbook.layout === layout && state.workbook.acceptedOnly === accepted) {
    save(state.workbook);
    return;
  }
  const signal = state.controller?.signal ?? new AbortController().signal;
  state.loading = { layout, acceptedOnly: accepted, done: receiveWorkbook(token, period, layout, accepted, signal) };
  await state.loading.done;
}

// ---- charts ----------------------------------------------------------------------------------

function clearCharts(message: string): void {
  byId('charts-message').textContent = message;
  offerRetry(byId<HTMLButtonElement>('charts-retry'), null);
  for (const id of ['households-holder', 'deprivations-holder', 'funds-holder']) byId(id).replaceChildren();
  byId('scope').replaceChildren();
  byId('scope-row').hidden = true;
  byId('lower-charts').hidden = true;
}

function widthOf(id: string): number {
  const el = byId(id);
  const style = getComputedStyle(el);
  return Math.floor(el.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight));
}

function renderCharts(): void {
  const figures = state.figures;
  const region = state.me?.region;
  if (figures === null || region === null || region === undefined) return;
  byId('charts-message').textContent = '';
  byId('scope-row').hidden = false;
  byId('lower-charts').hidden = false;
  byId('households-holder').replaceChildren(householdsChart(figures.communes, widthOf('households-card')));

  const select = byId<HTMLSelectElement>('scope');
  if (!figures.communes.some((c) => c.id === state.scope)) state.scope = '';
  select.replaceChildren(h('option', { value: '' }, wholeUnit(region)), ...figures.communes.map((c) => h('option', { value: c.id }, c.name)));
  select.value = state.scope;
  renderScoped();
}

function renderScoped(): void {
  const figures = state.figures;
  if (figures === null) return;
  const commune = figures.communes.find((c) => c.id === state.scope);
  const deprivations = commune ? commune.deprivations : figures.totals.deprivations;
  const projects = commune ? commune.projects : figures.totals.projects;
  byId('deprivations-holder').replaceChildren(deprivationsChart(deprivations, widthOf('deprivations-holder')));
  byId('funds-holder').replaceChildren(fundsChart(projects, widthOf('funds-holder')));
}

// ---- wiring ----------------------------------------------------------------------------------

function setLanguage(next: Lang): void {
  setLang(next);
  store.saveLang(next);
  applyTexts();
  if (state.me === null) return;
  showWho();
  fillPeriods();
  renderStatus();
  renderUpdated();
  setDownloadNote(state.downloadNote);
  renderCharts();
}

function init(): void {
  setLang(store.loadLang());
  applyTexts();
  setUpHistoryDialog();
  setUpReviewDialog();

  byId<HTMLFormElement>('sign-in-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const token = byId<HTMLInputElement>('token').value.trim();
    if (token === '') {
      showSignIn(t('tokenRequired'));
      return;
    }
    const button = byId<HTMLButtonElement>('sign-in-button');
    button.disabled = true;
    button.textContent = t('signingIn');
    void guard(() => signIn(token, byId<HTMLInputElement>('remember').checked)).finally(() => {
      button.disabled = false;
      button.textContent = t('signIn');
    });
  });
  byId('sign-out').addEventListener('click', () => signOut());
  for (const b of document.querySelectorAll<HTMLButtonElement>('.lang-btn')) {
    b.addEventListener('click', () => setLanguage(b.dataset.lang === 'en' ? 'en' : 'vi'));
  }
  byId<HTMLSelectElement>('period').addEventListener('change', (e) => {
    const parsed = Period.safeParse((e.target as HTMLSelectElement).value);
    if (parsed.success) void guard(() => loadPeriod(parsed.data));
  });
  byId('refresh').addEventListener('click', () => {
    if (state.period !== null) void guard(() => loadPeriod(state.period as Period));
  });
  byId('download').addEventListener('click', () => void guard(() => download('gnbv')));
  byId('download-official').addEventListener('click', () => void guard(() => download('official')));
  byId('include-all').addEventListener('change', renderAcceptedNote);
  byId<HTMLSelectElement>('scope').addEventListener('change', (e) => {
    state.scope = (e.target as HTMLSelectElement).value;
    renderScoped();
  });
  let resizeTimer: number | undefined;
  window.addEventListener('resize', () => {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(renderCharts, 200);
  });

  const saved = store.load();
  if (saved === null) showSignIn(null);
  else void guard(() => signIn(saved.token, null));
}

init();
