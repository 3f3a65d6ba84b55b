import { periodName } from '../../../shared/messages.ts';
import { type Period, periodsOfYear } from '../../../shared/periods.ts';
import { periodOn } from '../../period-choice.ts';
import { submissionRequest } from '../../submit/request.ts';
import { check, send } from '../actions/check.ts';
import { clear } from '../actions/cells.ts';
import { h } from '../../../front/dom.ts';
import type { Pane } from '../pane.ts';
import { submitBlocked } from '../state.ts';
import { t } from '../strings.ts';

/** The pane's heading with the settings toggle. */
export function topBar(pane: Pane): HTMLElement {
  const { state } = pane;
  const l = pane.lang();
  return h(
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
          pane.render();
        },
      },
      t('settings', l),
    ),
  );
}

/** Quarter, six months or year: of this year and the two before (late reports), the year checked and the chosen one. */
function periodPicker(pane: Pane): HTMLElement {
  const { state } = pane;
  const l = pane.lang();
  const today = periodOn(pane.now());
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
        pane.render();
      },
    },
    h('option', { value: '', selected: state.period === '' }, auto),
    ...years.map((y) => h('optgroup', { label: String(y) }, ...periodsOfYear(y).map((p) => h('option', { value: p, selected: state.period === p }, periodName(p, l))))),
  );
}

/** What the submit button's note says: why it is blocked, what a press will do, or nothing. */
function submitNote(pane: Pane, blocked: string | null): string {
  const { state } = pane;
  const outcome = state.outcome;
  const periodChanged = outcome !== null && state.period !== '' && state.period !== outcome.period;
  const request = outcome ? submissionRequest(outcome) : null;
  if (blocked !== null && blocked !== '') return blocked;
  if (periodChanged) return t('submitWillRecheck', pane.lang());
  if (request && blocked === null) return t('submitSheets', pane.lang(), { n: request.sheets.length, names: request.sheets.map((x) => x.grid.name).join(', ') });
  return '';
}

/** The period and the three buttons: Kiểm tra, Gửi, Xoá đánh dấu. */
export function toolbar(pane: Pane): HTMLElement {
  const { state } = pane;
  const l = pane.lang();
  const blocked = submitBlocked(state);
  const submitPeriod = state.period || state.outcome?.period || null;
  return h(
    'div',
    { className: 'toolbar' },
    h('label', { for: 'period' }, t('period', l)),
    periodPicker(pane),
    state.period === '' ? h('p', { id: 'period-hint', className: 'muted' }, t('periodAutoHint', l, { period: periodName(periodOn(pane.now()), l) })) : null,
    h(
      'div',
      { className: 'row' },
      h('button', { type: 'button', id: 'check', className: 'primary', onClick: () => void check(pane), disabled: state.busy }, t('check', l)),
      h(
        'button',
        { type: 'button', id: 'submit', className: 'primary', onClick: () => void send(pane), disabled: state.busy || blocked !== null, 'aria-describedby': 'submit-note' },
        submitPeriod ? `${t('submit', l)} — ${periodName(submitPeriod, l)}` : t('submit', l),
      ),
      h('button', { type: 'button', id: 'clear', onClick: () => void clear(pane), disabled: state.busy }, t('clear', l)),
    ),
    h('p', { id: 'submit-note', className: 'muted' }, submitNote(pane, blocked)),
  );
}
