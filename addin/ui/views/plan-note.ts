import { h } from '../../../front/dom.ts';
import type { Pane } from '../pane.ts';
import { failureText, t } from '../strings.ts';

function viDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

/** Where the check's plan came from: the server, this computer's copy, or the demo plan. */
export function planNote(pane: Pane): HTMLElement | null {
  const p = pane.state.plan;
  if (!p) return null;
  const l = pane.lang();
  if (p.source === 'server') return h('p', { className: 'note' }, `${t('planServer', l)}: ${p.plan.commune.name} ${p.plan.year}.`);
  const why = p.reason ? ` ${failureText(p.reason, l)}` : '';
  if (p.source === 'cached') {
    return h('div', { className: 'bar warning', role: 'note' }, `${t('planCached', l)} ${viDate(p.savedAt)} (${p.plan.commune.name} ${p.plan.year}).${why}`);
  }
  return h('div', { className: 'bar warning', role: 'note' }, p.reason ? `${t('planDemoAfterError', l)}${why}` : t('planDemo', l));
}
