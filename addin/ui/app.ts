import { CheckMemory } from '../../shared/check-memory.ts';
import { loadUserSettings } from '../settings.ts';
import { queueStore } from '../submit/queue-store.ts';
import { createSubmitter } from '../submit/submitter.ts';
import { selectComment } from './actions/cells.ts';
import { type Child, h } from '../../front/dom.ts';
import type { Pane, PaneDeps } from './pane.ts';
import { createReviewPanel } from './review-panel.ts';
import { createActionRunner } from './run-action.ts';
import { initialState, showIssues } from './state.ts';
import { t } from './strings.ts';
import { issuesSection } from './views/issues.ts';
import { planNote } from './views/plan-note.ts';
import { settingsPanel } from './views/settings.ts';
import { sheetsSection } from './views/sheets.ts';
import { submitSection } from './views/submission.ts';
import { toolbar, topBar } from './views/toolbar.ts';

export type { PaneDeps } from './pane.ts';

export interface TaskPane {
  /** Stops retry timers and listeners (the queued submission stays stored). */
  dispose(): void;
}

function windowOnline(listener: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  window.addEventListener('online', listener);
  return () => window.removeEventListener('online', listener);
}

/**
 * The task pane: its state (state.ts), the actions that change it (actions/) and the views that
 * show it (views/), joined here with the rendering and the focus it keeps across renders.
 */
export function mountTaskPane(root: HTMLElement, deps: PaneDeps): TaskPane {
  const now = deps.now ?? (() => new Date());
  const state = initialState(loadUserSettings(deps.storage, deps.defaultServerUrl));
  const lang = () => state.settings.lang;

  let statusEl: HTMLElement | null = null;
  /** The element with focus, by id, so a re-render (which rebuilds the pane) gives it back. */
  let focusId: string | null = null;
  let focused: HTMLElement | null = null;

  const pane: Pane = {
    deps,
    state,
    memory: new CheckMemory(),
    now,
    lang,
    render,
    updateStatus() {
      if (statusEl) statusEl.textContent = state.busy ? state.progress : state.info;
    },
    runAction: createActionRunner({
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
    }),
    submitter: createSubmitter({
      fetch: deps.fetch,
      store: deps.queueStore ?? queueStore({ indexedDB: typeof indexedDB === 'undefined' ? undefined : indexedDB, storage: deps.storage }),
      storage: deps.storage,
      token: () => state.settings.token,
      now,
      onChange(s) {
        state.submit = s;
        if (s.phase === 'refused') showIssues(state, s.issues, 'server');
        if (s.phase === 'accepted') state.focusReceipt = true;
        if (s.phase === 'cancelled') state.info = t('sendCancelled', lang());
        render();
      },
      onOnline: deps.onOnline ?? windowOnline,
      ...(deps.timers ? { timers: deps.timers } : {}),
      ...(deps.random ? { random: deps.random } : {}),
    }),
    review: createReviewPanel({ fetch: deps.fetch, server: () => state.settings, lang }),
  };

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
    document.documentElement.lang = lang();
    const outcome = state.outcome;
    const parts: Child[] = [
      topBar(pane),
      state.showSettings ? settingsPanel(pane) : null,
      toolbar(pane),
      (statusEl = h('div', { className: 'status', role: 'status', 'aria-live': 'polite' }, state.busy ? state.progress : state.info)),
      state.error ? h('div', { className: 'bar error', role: 'alert' }, state.error) : null,
      planNote(pane),
      submitSection(pane),
      pane.review.view(outcome?.review ?? null, (r) => void selectComment(pane, r), state.busy),
      outcome ? issuesSection(pane, outcome) : null,
      outcome ? sheetsSection(pane, outcome) : null,
    ];
    root.replaceChildren(...parts.filter((p): p is Node | string => p !== null && p !== undefined && p !== false));
    restoreFocus();
  }

  render();
  // A submission an earlier pane could not send (Excel closed while offline) goes out now.
  void pane.submitter.resume();
  return {
    dispose() {
      pane.submitter.dispose();
    },
  };
}
