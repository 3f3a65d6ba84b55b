import { type IssueGroup, groupIssues, issuePlace, listOrder } from '../../front/issue-list.ts';
import type { SubmissionReceipt } from '../../shared/api.ts';
import { columnLetters } from '../../shared/grid/address.ts';
import type { ColumnMapping, Grid } from '../../shared/grid/grid.ts';
import type { Issue } from '../../shared/issues.ts';
import { KINDS } from '../../shared/kinds/index.ts';
import { type Lang, codeTitle, fieldLabel, kindName, periodName, renderMessage } from '../../shared/messages.ts';
import { type Period, periodsOfYear } from '../../shared/periods.ts';
import type { SheetSummary } from '../../shared/validate.ts';
import { CheckMemory } from '../../shared/check-memory.ts';
import { type CheckOutcome, checkWorkbook, stillAsChecked } from '../check.ts';
import { applyFix, selectIssue } from '../excel/cell-actions.ts';
import { exportIssues } from '../excel/export-issues.ts';
import { selectCommentTarget } from '../excel/select-comment.ts';
import { clearMarks } from '../excel/marks.ts';
import { ISSUES_SHEET, type ReadProgress } from '../excel/read-workbook.ts';
import { AddinError } from '../errors.ts';
import { fixFor } from '../fixes.ts';
import { dayText, periodOn, vietnamDateTime } from '../period-choice.ts';
import { type PlanChoice, planForYear } from '../plan-source.ts';
import {
  type DocumentSettings,
  type UserSettings,
  loadMappings,
  loadUserSettings,
  normaliseServerUrl,
  saveMappings,
  saveUserSettings,
} from '../settings.ts';
import { type QueueStore, queueStore } from '../submit/queue-store.ts';
import { submissionRequest } from '../submit/request.ts';
import { type SubmitState, type Timers, createSubmitter } from '../submit/submitter.ts';
import { type Child, h } from './dom.ts';
import { createReviewPanel } from './review-panel.ts';
import { createActionRunner } from './run-action.ts';
import { failureText, sizeText, t } from './strings.ts';

/** What the pane needs from its surroundings; the real ones in taskpane.ts, stand-ins in tests. */
export interface PaneDeps {
  /** Excel.run in Excel. */
  run<T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  documentSettings: DocumentSettings;
  storage: Storage;
  fetch: typeof fetch;
  /** ExcelApi 1.18 (notes) is supported. */
  notes: boolean;
  /** The origin the pane was served from: the API lives there too. */
  defaultServerUrl: string;
  now?: () => Date;
  /** Where a submission waits for the network (IndexedDB in the pane; default: IndexedDB if any, else localStorage). */
  queueStore?: QueueStore;
  /** Retry timers (default: setTimeout). */
  timers?: Timers;
  /** "The network is back" (default: window's `online` event). */
  onOnline?: (listener: () => void) => () => void;
  random?: () => number;
}

export interface TaskPane {
  /** Stops retry timers and listeners (the queued submission stays stored). */
  dispose(): void;
}

interface State {
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

function viDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

/** Header text of a column (the labels of the header rows, joined), for the mapping lists. */
function columnLabel(grid: Grid, headerRow: number, headerRows: number, col: number): string {
  const parts: string[] = [];
  for (let r = headerRow; r < headerRow + headerRows; r++) {
    const v = grid.rows[r - 1]?.[col - 1];
    if (typeof v === 'string' && v.trim() !== '') parts.push(v.trim().replace(/\s+/g, ' '));
  }
  const text = parts.join(' / ');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function windowOnline(listener: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  window.addEventListener('online', listener);
  return () => window.removeEventListener('online', listener);
}

export function mountTaskPane(root: HTMLElement, deps: PaneDeps): TaskPane {
  const now = deps.now ?? (() => new Date());
  // The pane checks the same workbook again and again: its memos live as long as the pane.
  const memory = new CheckMemory();
  const state: State = {
    settings: loadUserSettings(deps.storage, deps.defaultServerUrl),
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
  const lang = (): Lang => state.settings.lang;

  const runAction = createActionRunner({
    lang,
    setBusy(busy) {
      state.busy = busy;
      if (!busy) state.progress = '';
      render();
    },
    showError(text) {
      state.error = text;
      render();
    },
  });

  const showIssues = (issues: Issue[], from: State['issuesFrom']): void => {
    state.issues = issues;
    state.issuesFrom = from;
    state.groups = groupIssues(issues);
    state.order = listOrder(state.groups);
    state.cursor = -1;
    state.fixed = new Set();
  };

  const submitter = createSubmitter({
    fetch: deps.fetch,
    store: deps.queueStore ?? queueStore({ indexedDB: typeof indexedDB === 'undefined' ? undefined : indexedDB, storage: deps.storage }),
    storage: deps.storage,
    token: () => state.settings.token,
    now,
    onChange(s) {
      state.submit = s;
      if (s.phase === 'refused') showIssues(s.issues, 'server');
      if (s.phase === 'accepted') state.focusReceipt = true;
      if (s.phase === 'cancelled') state.info = t('sendCancelled', lang());
      render();
    },
    onOnline: deps.onOnline ?? windowOnline,
    ...(deps.timers ? { timers: deps.timers } : {}),
    ...(deps.random ? { random: deps.random } : {}),
  });

  const review = createReviewPanel({ fetch: deps.fetch, server: () => state.settings, lang });

  function progressText(p: ReadProgress | { phase: 'marking' }): string {
    if ('phase' in p) return t('marking', lang());
    const pct = p.cellsTotal > 0 ? Math.round((100 * p.cellsRead) / p.cellsTotal) : 100;
    return `${t('reading', lang())} “${p.sheet}”… ${pct}%`;
  }

  /** Kiểm tra's work: read, validate, mark; the list shows the check's issues. */
  async function runCheck(): Promise<CheckOutcome> {
    let choice: PlanChoice | null = null;
    const outcome = await deps.run((context) =>
      checkWorkbook(context, {
        lang: lang(),
        ...(state.period ? { period: state.period } : {}),
        defaultPeriod: periodOn(now()),
        mappings: loadMappings(deps.documentSettings),
        notes: deps.notes,
        memory,
        defaultYear: now().getFullYear(),
        planFor: async (year) => {
          choice = await planForYear(year, state.settings, { fetch: deps.fetch, storage: deps.storage, now });
          return choice.plan;
        },
        onProgress: (p) => {
          state.progress = progressText(p);
          updateStatus();
        },
        commentsFor: (period) => review.load(period),
      }),
    );
    state.plan = choice;
    state.outcome = outcome;
    showIssues(outcome.result.issues, 'check');
    if (state.submit.phase !== 'sending' && state.submit.phase !== 'waiting') state.submit = { phase: 'idle' };
    return outcome;
  }

  const check = () =>
    runAction(async () => {
      state.info = '';
      state.progress = t('working', lang());
      updateStatus();
      const outcome = await runCheck();
      state.info = outcome.result.issues.length === 0 ? (review.cleanCheckLine(outcome.period) ?? t('noIssues', lang())) : '';
    });

  const errorCount = (): number => state.issues.filter((i) => i.severity === 'error').length;

  /** Why "Gửi" cannot be pressed now, or null. */
  function submitBlocked(): string | null {
    const l = lang();
    const outcome = state.outcome;
    if (state.submit.phase === 'waiting' || state.submit.phase === 'sending') return state.submit.phase === 'waiting' ? t('submitQueued', l) : '';
    if (!outcome) return t('submitNeedsCheck', l);
    const errors = errorCount();
    if (errors > 0) return t('submitHasErrors', l, { n: errors });
    if (state.settings.serverUrl === '' || state.settings.token === '') return t('submitNoToken', l);
    if (!submissionRequest(outcome)) return t('submitNoSheets', l, { period: periodName(outcome.period ?? '', l) });
    return null;
  }

  const send = () =>
    runAction(async () => {
      let outcome = state.outcome;
      if (!outcome || submitBlocked() !== null) return;
      state.info = '';
      state.progress = t('verifying', lang());
      updateStatus();
      // The check may be stale: another period chosen, a mapping changed, a cell edited. Then check again.
      const mappings = loadMappings(deps.documentSettings);
      const checked = outcome;
      const sameInputs =
        (state.period === '' || state.period === checked.period) &&
        checked.inputs.every((input) => JSON.stringify(input.mapping ?? null) === JSON.stringify(mappings[input.grid.name] ?? null)) &&
        (await deps.run((context) => stillAsChecked(context, checked)));
      if (!sameInputs) {
        outcome = await runCheck();
        const errors = errorCount();
        if (errors > 0) {
          state.info = t('changedRechecked', lang(), { n: errors });
          return;
        }
      }
      const request = submissionRequest(outcome);
      if (!request) return;
      state.progress = ''; // the submission card shows its own progress from here
      await submitter.submit(request, state.settings.serverUrl);
    });

  const retryNow = () => void submitter.retryNow();
  const cancelSend = () => void submitter.cancel();

  const clear = () =>
    runAction(async () => {
      state.progress = t('clearing', lang());
      updateStatus();
      const result = await deps.run((context) => clearMarks(context, { notes: deps.notes }));
      state.info = result.restored === 0 ? t('nothingToClear', lang()) : `${t('cleared', lang())} (${result.restored})`;
      if (state.outcome) state.outcome = { ...state.outcome, marks: { marked: 0, restored: result.restored } };
    });

  const headerRowOf = (sheet: string): number | null => state.outcome?.result.sheets.find((s) => s.name === sheet)?.headerRow ?? null;

  const select = (issue: Issue) =>
    runAction(async () => {
      state.cursor = state.order.indexOf(issue);
      await deps.run((context) => selectIssue(context, issue, headerRowOf(issue.sheet)));
    });

  const next = () => {
    if (state.order.length === 0) return Promise.resolve();
    const issue = state.order[(state.cursor + 1) % state.order.length] as Issue;
    return select(issue);
  };

  const fix = (issue: Issue) =>
    runAction(async () => {
      const usual = state.outcome?.sheets.find((s) => s.grid.name === issue.sheet)?.usualFont ?? null;
      const f = fixFor(issue, usual);
      if (!f) throw new AddinError('notFixable');
      await deps.run((context) => applyFix(context, issue, f));
      state.fixed.add(issue);
      state.info = t('fixHint', lang());
    });

  const exportList = () =>
    runAction(async () => {
      await deps.run((context) => exportIssues(context, state.issues, lang()));
      state.info = `${t('exported', lang())} “${ISSUES_SHEET}”.`;
    });

  const remap = (summary: SheetSummary, field: string, column: string) =>
    runAction(async () => {
      const mappings = loadMappings(deps.documentSettings);
      const base: ColumnMapping = mappings[summary.name] ?? {
        ...(summary.kind ? { kind: summary.kind } : {}),
        headerRow: summary.headerRow ?? 1,
        headerRows: summary.headerRows ?? 1,
        columns: { ...summary.columns },
      };
      const columns = { ...base.columns };
      // Drop the alias mappingOf() gives a multi-column field (its first column), so it cannot go stale.
      for (const [k, col] of Object.entries(base.columns)) {
        const dot = k.indexOf('.');
        if (dot > 0 && columns[k.slice(0, dot)] === col) delete columns[k.slice(0, dot)];
      }
      if (column === '') delete columns[field];
      else columns[field] = column;
      await saveMappings(deps.documentSettings, { ...mappings, [summary.name]: { ...base, columns } });
      state.info = t('mappingSaved', lang());
    });

  const saveSettings = (form: HTMLFormElement) =>
    runAction(async () => {
      const data = new FormData(form);
      const serverUrl = normaliseServerUrl(String(data.get('serverUrl') ?? ''));
      if (serverUrl === null) throw new AddinError('badServerUrl');
      state.settings = { serverUrl, token: String(data.get('token') ?? '').trim(), lang: data.get('lang') === 'en' ? 'en' : 'vi' };
      saveUserSettings(deps.storage, state.settings);
      state.showSettings = false;
      // Signed in: the district's comments for the period show at once; Kiểm tra marks their cells.
      if (!state.outcome) void review.load(state.period || periodOn(now())).then(render);
    });

  // ---- rendering ---------------------------------------------------------------------------

  function planNote(): HTMLElement | null {
    const p = state.plan;
    if (!p) return null;
    const l = lang();
    if (p.source === 'server') return h('p', { className: 'note' }, `${t('planServer', l)}: ${p.plan.commune.name} ${p.plan.year}.`);
    const why = p.reason ? ` ${failureText(p.reason, l)}` : '';
    if (p.source === 'cached') {
      return h('div', { className: 'bar warning', role: 'note' }, `${t('planCached', l)} ${viDate(p.savedAt)} (${p.plan.commune.name} ${p.plan.year}).${why}`);
    }
    return h('div', { className: 'bar warning', role: 'note' }, p.reason ? `${t('planDemoAfterError', l)}${why}` : t('planDemo', l));
  }

  function issueItem(issue: Issue): HTMLElement {
    const l = lang();
    const usual = state.outcome?.sheets.find((s) => s.grid.name === issue.sheet)?.usualFont ?? null;
    const canFix = state.issuesFrom === 'check' && fixFor(issue, usual) !== null;
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
        { type: 'button', className: 'issue-go', onClick: () => void select(issue), disabled: state.busy },
        h('span', { className: 'place' }, issuePlace(issue, t('row', l))),
        h('span', { className: 'text' }, renderMessage(issue, l)),
      ),
      canFix && !done ? h('button', { type: 'button', className: 'small', onClick: () => void fix(issue), disabled: state.busy }, t('fix', l)) : null,
      done ? h('span', { className: 'tag' }, t('fixed', l)) : null,
    );
  }

  function issuesSection(outcome: CheckOutcome): HTMLElement | null {
    const l = lang();
    const errors = errorCount();
    const warnings = state.issues.length - errors;
    if (state.issues.length === 0) return null;
    return h(
      'section',
      { className: 'card', 'aria-labelledby': 'issues-title' },
      h('h2', { id: 'issues-title' }, t('issues', l)),
      h(
        'p',
        { className: 'counts' },
        h('span', { className: 'count error' }, `${errors} ${t('errors', l)}`),
        h('span', { className: 'count warning' }, `${warnings} ${t('warnings', l)}`),
        state.issuesFrom === 'check' && outcome.marks.marked > 0 ? h('span', { className: 'muted' }, `${outcome.marks.marked} ${t('cellsMarked', l)}`) : null,
      ),
      !deps.notes ? h('p', { className: 'note' }, t('notesUnsupported', l)) : null,
      h(
        'div',
        { className: 'row' },
        h('button', { type: 'button', id: 'next', onClick: () => void next(), disabled: state.busy }, t('next', l)),
        h('button', { type: 'button', id: 'export', onClick: () => void exportList(), disabled: state.busy }, t('export', l)),
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
          h('ul', { className: 'issues' }, ...g.issues.map(issueItem)),
        ),
      ),
    );
  }

  function receiptSection(receipt: SubmissionReceipt): HTMLElement {
    const l = lang();
    const contents = (['households', 'beneficiaries', 'progress'] as const)
      .filter((k) => receipt.kinds.includes(k))
      .map((k) => `${kindName(k, l)}: ${receipt.rowCounts[k]} ${t('dataRows', l)}`)
      .join('; ');
    const fact = (term: string, value: string) => [h('dt', {}, term), h('dd', {}, value)];
    return h(
      'section',
      { id: 'receipt', className: 'card receipt', tabindex: '-1', 'aria-labelledby': 'receipt-title' },
      h('h2', { id: 'receipt-title' }, `✓ ${t('receiptTitle', l)}`),
      h(
        'dl',
        {},
        ...fact(t('receiptVersion', l), String(receipt.version)),
        ...fact(t('receiptPeriod', l), periodName(receipt.period, l)),
        ...fact(t('receiptTime', l), `${vietnamDateTime(receipt.receivedAt)} (${t('vietnamTime', l)})`),
        ...fact(t('receiptTimeliness', l), `${t(receipt.late ? 'late' : 'onTime', l)} (${t('deadlineWas', l, { day: dayText(receipt.deadline) })})`),
        ...fact(t('receiptContents', l), contents),
        ...fact(t('receiptChecksum', l), receipt.checksum.slice(0, 16)),
      ),
      receipt.warnings.length > 0
        ? h(
            'details',
            { className: 'receipt-warnings' },
            h('summary', {}, t('receiptWarnings', l, { n: receipt.warnings.length })),
            h(
              'ul',
              { className: 'issues' },
              ...receipt.warnings.map((w) =>
                h(
                  'li',
                  { className: 'issue warning', 'data-code': w.code },
                  h('span', { className: 'text' }, w.sheet === '' ? renderMessage(w, l) : `${issuePlace(w, t('row', l))}: ${renderMessage(w, l)}`),
                ),
              ),
            ),
          )
        : null,
    );
  }

  /** The submission's progress, its wait for the network, its receipt or why it was not taken. */
  function submitSection(): HTMLElement | null {
    const l = lang();
    const s = state.submit;
    switch (s.phase) {
      case 'idle':
      case 'cancelled':
        return null;
      case 'sending': {
        const text = s.step === 'compress' ? t('compressing', l) : t('sending', l, { size: sizeText(s.bytes ?? 0, l) });
        return h(
          'section',
          { id: 'submission', className: 'card', 'aria-busy': 'true' },
          s.resumed ? h('p', { className: 'note' }, t('resumed', l, { period: periodName(s.period, l) })) : null,
          h('label', { for: 'submit-progress' }, text),
          h('progress', { id: 'submit-progress', max: '3', value: s.step === 'compress' ? '1' : '2' }),
        );
      }
      case 'waiting': {
        const at = vietnamDateTime(s.retryAt.toISOString()).slice(11);
        return h(
          'section',
          { id: 'submission', className: 'card' },
          h(
            'div',
            { id: 'submit-waiting', className: 'bar warning', role: 'status' },
            h('strong', {}, t('offline', l)),
            h('br', {}),
            t('offlineDetail', l, { n: s.attempt, time: at, period: periodName(s.period, l) }),
          ),
          s.persisted ? null : h('p', { className: 'note' }, t('offlineNotKept', l)),
          h(
            'div',
            { className: 'row' },
            h('button', { type: 'button', id: 'retry-now', onClick: retryNow }, t('retryNow', l)),
            h('button', { type: 'button', id: 'cancel-send', className: 'subtle', onClick: cancelSend }, t('cancelSend', l)),
          ),
        );
      }
      case 'accepted':
        return receiptSection(s.receipt);
      case 'refused':
        return h(
          'section',
          { id: 'submission', className: 'card' },
          h('div', { id: 'submit-refused', className: 'bar error', role: 'alert' }, t('serverRefused', l), h('br', {}), h('span', { className: 'muted' }, s.message)),
        );
      case 'failed':
        return h(
          'section',
          { id: 'submission', className: 'card' },
          h(
            'div',
            { id: 'submit-failed', className: 'bar error', role: 'alert' },
            failureText(s.code, l),
            s.serverMessage ? h('span', { className: 'muted' }, ` ${s.serverMessage}`) : null,
          ),
        );
    }
  }

  function mappingEditor(summary: SheetSummary, grid: Grid): HTMLElement | null {
    if (!summary.kind || summary.headerRow === null) return null;
    const l = lang();
    const spec = KINDS[summary.kind];
    const width = Math.max(0, ...grid.rows.map((r) => r.length));
    // mappingOf() also names a multi-column field (Năm sinh → Nam / Nữ) by its first column: not a column of its own.
    const aliasOnly = (id: string) =>
      Object.entries(summary.columns).some(([k, col]) => k.startsWith(`${id}.`) && col === summary.columns[id]);
    const fields = spec.fields.filter(
      (f) => f.type !== 'ignored' && !aliasOnly(f.id) && (summary.columns[f.id] !== undefined || spec.required.includes(f.id)),
    );
    const options = (selected: string | undefined) => [
      h('option', { value: '', selected: selected === undefined }, t('noColumn', l)),
      ...Array.from({ length: width }, (_, i) => {
        const letters = columnLetters(i + 1);
        const label = columnLabel(grid, summary.headerRow ?? 1, summary.headerRows ?? 1, i + 1);
        return h('option', { value: letters, selected: selected === letters }, label ? `${letters} — ${label}` : letters);
      }),
    ];
    return h(
      'details',
      { className: 'mapping' },
      h('summary', {}, t('mapping', l)),
      h('p', { className: 'muted' }, t('mappingHint', l)),
      ...fields.map((f) => {
        const id = `map-${summary.name}-${f.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
        return h(
          'div',
          { className: 'field' },
          h('label', { for: id }, fieldLabel(f.id, l), spec.required.includes(f.id) ? ' *' : ''),
          h(
            'select',
            {
              id,
              disabled: state.busy,
              onChange: (e: Event) => void remap(summary, f.id, (e.target as HTMLSelectElement).value),
            },
            ...options(summary.columns[f.id]),
          ),
        );
      }),
    );
  }

  function sheetsSection(outcome: CheckOutcome): HTMLElement {
    const l = lang();
    return h(
      'section',
      { className: 'card', 'aria-labelledby': 'sheets-title' },
      h('h2', { id: 'sheets-title' }, t('sheets', l)),
      h(
        'ul',
        { className: 'sheets' },
        ...outcome.result.sheets.map((s) => {
          const grid = outcome.sheets.find((x) => x.grid.name === s.name)?.grid;
          return h(
            'li',
            {},
            h('strong', {}, s.name),
            h(
              'span',
              { className: 'muted' },
              s.kind ? ` — ${kindName(s.kind, l)}, ${t('headerRow', l)} ${s.headerRow}, ${s.dataRows} ${t('dataRows', l)}` : ` — ${t('skipped', l)}`,
            ),
            grid ? mappingEditor(s, grid) : null,
          );
        }),
      ),
    );
  }

  function settingsPanel(): HTMLElement {
    const l = lang();
    const form = h(
      'form',
      {
        className: 'card settings',
        'aria-labelledby': 'settings-title',
        onSubmit: (e: Event) => {
          e.preventDefault();
          void saveSettings(e.target as HTMLFormElement);
        },
      },
      h('h2', { id: 'settings-title' }, t('settings', l)),
      h('label', { for: 'serverUrl' }, t('serverUrl', l)),
      h('input', { id: 'serverUrl', name: 'serverUrl', type: 'url', value: state.settings.serverUrl, placeholder: 'https://…', autocomplete: 'url' }),
      h('label', { for: 'token' }, t('token', l)),
      h('input', { id: 'token', name: 'token', type: 'password', value: state.settings.token, autocomplete: 'off' }),
      h('p', { className: 'muted' }, t('tokenHint', l)),
      h('label', { for: 'lang' }, t('language', l)),
      h(
        'select',
        { id: 'lang', name: 'lang' },
        h('option', { value: 'vi', selected: l === 'vi' }, 'Tiếng Việt'),
        h('option', { value: 'en', selected: l === 'en' }, 'English'),
      ),
      h(
        'div',
        { className: 'row' },
        h('button', { type: 'submit', id: 'save-settings', className: 'primary', disabled: state.busy }, t('save', l)),
        h(
          'button',
          {
            type: 'button',
            onClick: () => {
              state.showSettings = false;
              render();
            },
          },
          t('cancel', l),
        ),
      ),
    );
    return form;
  }

  /** Quarter, six months or year: of this year and the two before (late reports), the year checked and the chosen one. */
  function periodPicker(): HTMLElement {
    const l = lang();
    const today = periodOn(now());
    const thisYear = Number(today.slice(0, 4));
    const years = [...new Set([state.outcome?.year ?? thisYear, thisYear, thisYear - 1, thisYear - 2, ...(state.period ? [Number(state.period.slice(0, 4))] : [])])].sort((a, b) => b - a);
    const fromTitle = state.outcome?.result.sheets.find((s) => s.period !== null)?.period ?? null;
    const auto = !state.outcome
      ? `${t('periodFromTitle', l)} (${periodName(today, l)})`
      : fromTitle
        ? `${t('periodFromTitle', l)}: ${periodName(fromTitle, l)}`
        : `${t('periodToday', l)}: ${periodName(state.outcome.period ?? today, l)}`;
    return h(
      'select',
      {
        id: 'period',
        disabled: state.busy,
        'aria-describedby': state.period === '' ? 'period-hint' : undefined,
        onChange: (e: Event) => {
          state.period = (e.target as HTMLSelectElement).value as Period | '';
          render();
        },
      },
      h('option', { value: '', selected: state.period === '' }, auto),
      ...years.map((y) => h('optgroup', { label: String(y) }, ...periodsOfYear(y).map((p) => h('option', { value: p, selected: state.period === p }, periodName(p, l))))),
    );
  }

  let statusEl: HTMLElement | null = null;
  /** Progress changes only the status line, not the (possibly long) lists. */
  function updateStatus(): void {
    if (statusEl) statusEl.textContent = state.busy ? state.progress : state.info;
  }

  /** The element with focus, by id, so a re-render (which rebuilds the pane) gives it back. */
  let focusId: string | null = null;
  let focused: HTMLElement | null = null;
  function rememberFocus(): void {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body && root.contains(active)) focusId = active.id || null;
    // Focus left the pane on purpose (the element is still there): do not pull it back.
    else if (focused?.isConnected) focusId = null;
  }
  function restoreFocus(): void {
    if (state.focusReceipt && root.querySelector('#receipt')) {
      state.focusReceipt = false;
      focusId = 'receipt';
    }
    const target = focusId ? document.getElementById(focusId) : null;
    if (!target || !root.contains(target) || (target instanceof HTMLButtonElement && target.disabled)) return;
    target.focus();
    focused = target;
  }

  function render(): void {
    rememberFocus();
    const l = lang();
    document.documentElement.lang = l;
    const blocked = submitBlocked();
    const outcome = state.outcome;
    const submitPeriod = state.period || outcome?.period || null;
    const periodChanged = outcome !== null && state.period !== '' && state.period !== outcome.period;
    const request = outcome ? submissionRequest(outcome) : null;
    const submitNote =
      blocked !== null && blocked !== ''
        ? blocked
        : periodChanged
          ? t('submitWillRecheck', l)
          : request && blocked === null
            ? t('submitSheets', l, { n: request.sheets.length, names: request.sheets.map((x) => x.grid.name).join(', ') })
            : '';
    const parts: Child[] = [
      h(
        'header',
        { className: 'top' },
        h('div', {}, h('h1', {}, 'GNBV'), h('p', { className: 'subtitle' }, t('title', l))),
        h(
          'button',
          {
            type: 'button',
            id: 'settings-toggle',
            className: 'subtle',
            'aria-expanded': state.showSettings ? 'true' : 'false',
            onClick: () => {
              state.showSettings = !state.showSettings;
              render();
            },
          },
          t('settings', l),
        ),
      ),
      state.showSettings ? settingsPanel() : null,
      h(
        'div',
        { className: 'toolbar' },
        h('label', { for: 'period' }, t('period', l)),
        periodPicker(),
        state.period === '' ? h('p', { id: 'period-hint', className: 'muted' }, t('periodAutoHint', l, { period: periodName(periodOn(now()), l) })) : null,
        h(
          'div',
          { className: 'row' },
          h('button', { type: 'button', id: 'check', className: 'primary', onClick: () => void check(), disabled: state.busy }, t('check', l)),
          h(
            'button',
            { type: 'button', id: 'submit', className: 'primary', onClick: () => void send(), disabled: state.busy || blocked !== null, 'aria-describedby': 'submit-note' },
            submitPeriod ? `${t('submit', l)} — ${periodName(submitPeriod, l)}` : t('submit', l),
          ),
          h('button', { type: 'button', id: 'clear', onClick: () => void clear(), disabled: state.busy }, t('clear', l)),
        ),
        h('p', { id: 'submit-note', className: 'muted' }, submitNote),
      ),
      (statusEl = h('div', { className: 'status', role: 'status', 'aria-live': 'polite' }, state.busy ? state.progress : state.info)),
      state.error ? h('div', { className: 'bar error', role: 'alert' }, state.error) : null,
      planNote(),
      submitSection(),
      review.view(outcome?.review ?? null, (r) => void runAction(() => deps.run((context) => selectCommentTarget(context, r.target))), state.busy),
      outcome ? issuesSection(outcome) : null,
      outcome ? sheetsSection(outcome) : null,
    ];
    root.replaceChildren(...parts.filter((p): p is Node | string => p !== null && p !== undefined && p !== false));
    restoreFocus();
  }

  render();
  // A submission an earlier pane could not send (Excel closed while offline) goes out now.
  void submitter.resume();
  return {
    dispose() {
      submitter.dispose();
    },
  };
}
