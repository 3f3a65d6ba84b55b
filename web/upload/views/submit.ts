import type { SubmissionReceipt } from '../../../shared/api.ts';
import { kindName, renderMessage } from '../../../shared/messages.ts';
import { h } from '../../../front/dom.ts';
import type { Page } from '../page.ts';
import { STEPS, STEP_KEYS, type SubmitState, submitBlocker } from '../state.ts';
import { formatDay, formatVietnamTime, periodLabel } from '../texts.ts';

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

/** The submit button (or why it is disabled), the steps of a submission and its receipt. */
export function renderSubmit(page: Page): void {
  const { state, el, tr } = page;
  const blocker = submitBlocker(state);
  el.submit.disabled = blocker !== null;
  el.submit.textContent = `${state.submit.error !== null && state.serverIssues === null ? tr('retry') : tr('submit')} — ${periodLabel(state.period, state.lang)}`;
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
  if (r) renderReceipt(page, r);
}

function renderReceipt(page: Page, r: SubmissionReceipt): void {
  const { state, el, tr } = page;
  const rows: [string, Node | string][] = [
    [tr('version'), String(r.version)],
    [tr('receivedAt'), formatVietnamTime(r.receivedAt, state.lang)],
    [
      tr('timeliness'),
      h('span', { class: `state ${r.late ? 'late' : 'on-time'}`, 'data-late': String(r.late) }, `${r.late ? tr('late') : tr('onTime')} (${tr('deadlineShort')} ${formatDay(r.deadline)})`),
    ],
    [tr('kinds'), r.kinds.map((k) => `${kindName(k, state.lang)}: ${r.rowCounts[k]} ${tr('rowsWord')}`).join(' · ')],
    [tr('checksum'), h('code', {}, r.checksum.slice(0, 16))],
  ];
  const warnings = r.warnings;
  el.receipt.replaceChildren(
    h('h3', { id: 'receipt-title' }, `✓ ${tr('receiptTitle')} — ${periodLabel(r.period, state.lang)}`),
    h('dl', { class: 'receipt-facts' }, ...rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h(
      'div',
      { class: 'receipt-warnings' },
      h('p', { class: 'receipt-warnings-title' }, `${tr('receiptWarnings')}: ${warnings.length === 0 ? tr('noWarnings') : warnings.length}`),
      warnings.length > 0
        ? h(
            'ul',
            {},
            ...warnings
              .slice(0, 20)
              .map((w) => h('li', { 'data-code': w.code }, `${w.sheet ? `${w.sheet}${w.row ? `!${w.column ?? ''}${w.row}` : ''}: ` : ''}${renderMessage(w, state.lang)}`)),
          )
        : null,
    ),
  );
}
