import { issuePlace } from '../../../front/issue-list.ts';
import type { SubmissionReceipt } from '../../../shared/api.ts';
import { STORED_KINDS } from '../../../shared/sheet-kind.ts';
import { type Lang, kindName, periodName, renderMessage } from '../../../shared/messages.ts';
import { dayText, vietnamDateTime } from '../../period-choice.ts';
import type { SubmitState } from '../../submit/submitter.ts';
import { h } from '../../../front/dom.ts';
import type { Pane } from '../pane.ts';
import { failureText, sizeText, t } from '../strings.ts';

function receiptSection(receipt: SubmissionReceipt, l: Lang): HTMLElement {
  // In the registry's order (shared/kinds/registry.ts), whatever order the receipt lists them in.
  const contents = STORED_KINDS.map((k) => k.id)
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

function waitingSection(pane: Pane, s: Extract<SubmitState, { phase: 'waiting' }>, l: Lang): HTMLElement {
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
      h('button', { type: 'button', id: 'retry-now', onClick: () => void pane.submitter.retryNow() }, t('retryNow', l)),
      h('button', { type: 'button', id: 'cancel-send', className: 'subtle', onClick: () => void pane.submitter.cancel() }, t('cancelSend', l)),
    ),
  );
}

/** The submission's progress, its wait for the network, its receipt or why it was not taken. */
export function submitSection(pane: Pane): HTMLElement | null {
  const l = pane.lang();
  const s = pane.state.submit;
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
    case 'waiting':
      return waitingSection(pane, s, l);
    case 'accepted':
      return receiptSection(s.receipt, l);
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
