import { columnLetters } from '../../shared/grid/address.ts';
import type { ColumnMapping, Grid } from '../../shared/grid/grid.ts';
import type { Issue } from '../../shared/issues.ts';
import { KINDS } from '../../shared/kinds/index.ts';
import { type Lang, fieldLabel, renderMessage } from '../../shared/messages.ts';
import { type Period, periodsOfYear } from '../../shared/periods.ts';
import type { SheetSummary } from '../../shared/validate.ts';
import { type CheckOutcome, checkWorkbook } from '../check.ts';
import { applyFix, selectIssue } from '../excel/cell-actions.ts';
import { exportIssues } from '../excel/export-issues.ts';
import { clearMarks } from '../excel/marks.ts';
import { ISSUES_SHEET, type ReadProgress } from '../excel/read-workbook.ts';
import { AddinError } from '../errors.ts';
import { fixFor } from '../fixes.ts';
import { type IssueGroup, groupIssues, issuePlace, listOrder } from '../issue-list.ts';
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
import { createActionRunner } from './run-action.ts';
import { codeTitle, failureText, kindName, t } from './strings.ts';

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
  groups: IssueGroup[];
  order: Issue[];
  cursor: number;
  fixed: Set<Issue>;
  showSettings: boolean;
}

type Child = Node | string | null | false | undefined;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    else if (key === 'className') el.className = String(value);
    else if (key === 'value' && (el instanceof HTMLInputElement || el instanceof HTMLSelectElement)) el.value = String(value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  // A select's value can only be set once its options are there.
  if (el instanceof HTMLSelectElement) {
    const chosen = [...el.options].find((o) => o.hasAttribute('selected'));
    if (chosen) el.value = chosen.value;
  }
  return el;
}

const PERIOD_NAMES: Record<string, { vi: string; en: string }> = {
  Q1: { vi: 'Quý I', en: 'Q1' },
  Q2: { vi: 'Quý II', en: 'Q2' },
  Q3: { vi: 'Quý III', en: 'Q3' },
  Q4: { vi: 'Quý IV', en: 'Q4' },
  H1: { vi: '6 tháng đầu năm', en: 'First half' },
  Y: { vi: 'Cả năm', en: 'Year' },
};

function periodName(p: Period, lang: Lang): string {
  return `${PERIOD_NAMES[p.slice(5)]?.[lang] ?? p} ${p.slice(0, 4)}`;
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

export function mountTaskPane(root: HTMLElement, deps: PaneDeps): void {
  const now = deps.now ?? (() => new Date());
  const state: State = {
    settings: loadUserSettings(deps.storage, deps.defaultServerUrl),
    period: '',
    busy: false,
    progress: '',
    info: '',
    error: null,
    outcome: null,
    plan: null,
    groups: [],
    order: [],
    cursor: -1,
    fixed: new Set(),
    showSettings: false,
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

  function progressText(p: ReadProgress | { phase: 'marking' }): string {
    if ('phase' in p) return t('marking', lang());
    const pct = p.cellsTotal > 0 ? Math.round((100 * p.cellsRead) / p.cellsTotal) : 100;
    return `${t('reading', lang())} “${p.sheet}”… ${pct}%`;
  }

  const check = () =>
    runAction(async () => {
      state.info = '';
      state.progress = t('working', lang());
      updateStatus();
      let choice: PlanChoice | null = null;
      const outcome = await deps.run((context) =>
        checkWorkbook(context, {
          lang: lang(),
          ...(state.period ? { period: state.period } : {}),
          mappings: loadMappings(deps.documentSettings),
          notes: deps.notes,
          defaultYear: now().getFullYear(),
          planFor: async (year) => {
            choice = await planForYear(year, state.settings, { fetch: deps.fetch, storage: deps.storage, now });
            return choice.plan;
          },
          onProgress: (p) => {
            state.progress = progressText(p);
            updateStatus();
          },
        }),
      );
      state.plan = choice;
      state.outcome = outcome;
      state.groups = groupIssues(outcome.result.issues);
      state.order = listOrder(state.groups);
      state.cursor = -1;
      state.fixed = new Set();
      state.info = outcome.result.issues.length === 0 ? t('noIssues', lang()) : '';
    });

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
      const issues = state.outcome?.result.issues ?? [];
      await deps.run((context) => exportIssues(context, issues, lang()));
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
    const canFix = fixFor(issue, usual) !== null;
    const done = state.fixed.has(issue);
    const current = state.order[state.cursor] === issue;
    return h(
      'li',
      { className: `issue ${issue.severity}${done ? ' done' : ''}`, 'aria-current': current ? 'true' : undefined },
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
    const errors = outcome.result.issues.filter((i) => i.severity === 'error').length;
    const warnings = outcome.result.issues.length - errors;
    if (outcome.result.issues.length === 0) return null;
    return h(
      'section',
      { className: 'card', 'aria-labelledby': 'issues-title' },
      h('h2', { id: 'issues-title' }, t('issues', l)),
      h(
        'p',
        { className: 'counts' },
        h('span', { className: 'count error' }, `${errors} ${t('errors', l)}`),
        h('span', { className: 'count warning' }, `${warnings} ${t('warnings', l)}`),
        outcome.marks.marked > 0 ? h('span', { className: 'muted' }, `${outcome.marks.marked} ${t('cellsMarked', l)}`) : null,
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
        h('button', { type: 'submit', className: 'primary', disabled: state.busy }, t('save', l)),
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

  let statusEl: HTMLElement | null = null;
  /** Progress changes only the status line, not the (possibly long) lists. */
  function updateStatus(): void {
    if (statusEl) statusEl.textContent = state.busy ? state.progress : state.info;
  }

  function render(): void {
    const l = lang();
    document.documentElement.lang = l;
    const year = state.outcome?.year ?? now().getFullYear();
    const periods = [...periodsOfYear(year - 1), ...periodsOfYear(year)];
    const parts: Child[] = [
      h(
        'header',
        { className: 'top' },
        h('div', {}, h('h1', {}, 'GNBV'), h('p', { className: 'subtitle' }, t('title', l))),
        h(
          'button',
          {
            type: 'button',
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
        h(
          'select',
          {
            id: 'period',
            disabled: state.busy,
            onChange: (e: Event) => {
              state.period = (e.target as HTMLSelectElement).value as Period | '';
            },
          },
          h('option', { value: '', selected: state.period === '' }, t('periodAuto', l)),
          ...periods.map((p) => h('option', { value: p, selected: state.period === p }, periodName(p, l))),
        ),
        h(
          'div',
          { className: 'row' },
          h('button', { type: 'button', id: 'check', className: 'primary', onClick: () => void check(), disabled: state.busy }, t('check', l)),
          h('button', { type: 'button', id: 'clear', onClick: () => void clear(), disabled: state.busy }, t('clear', l)),
        ),
      ),
      (statusEl = h('div', { className: 'status', role: 'status', 'aria-live': 'polite' }, state.busy ? state.progress : state.info)),
      state.error ? h('div', { className: 'bar error', role: 'alert' }, state.error) : null,
      planNote(),
      state.outcome ? issuesSection(state.outcome) : null,
      state.outcome ? sheetsSection(state.outcome) : null,
    ];
    root.replaceChildren(...parts.filter((p): p is Node | string => p !== null && p !== undefined && p !== false));
  }

  render();
}
