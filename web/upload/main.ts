import type { Lang } from '../../shared/messages.ts';
import type { Period } from '../../shared/periods.ts';
import { tokenStore } from '../common/token-store.ts';
import { check } from './actions/check.ts';
import { downloadCopy, openFile } from './actions/file.ts';
import { signIn } from './actions/sign-in.ts';
import { signOut } from './actions/sign-out.ts';
import { resetSubmission, submit } from './actions/submit.ts';
import { type Page, findElements } from './page.ts';
import { initialState, setPeriod } from './state.ts';
import { t } from './strings.ts';
import { failureText } from './texts.ts';
import { applyStaticTexts, renderFile, renderSignIn, renderWho } from './views/header.ts';
import { renderPeriod } from './views/period.ts';
import { renderResults, renderSheets } from './views/results.ts';
import { renderSubmit } from './views/submit.ts';

/**
 * The upload page (issue 11): sign in with a token, drop an .xlsx, see the issues the add-in would
 * show (the shared engine runs here, in the browser), download a marked copy, submit when clean.
 * The state (state.ts) lives in one object; actions (actions/) change it and call render(), which
 * updates the static elements of index.html in place (views/, so focus and typed text survive) and
 * rebuilds only the issue table. A read that got no answer (sign-in, the plan) is said with a
 * "Thử lại" button that reads it again. This file joins them and wires the page's controls.
 */

const store = tokenStore('upload');
const state = initialState(store.loadLang() as Lang);
const el = findElements();

const page: Page = {
  state,
  el,
  store,
  planFetches: new Map(),
  seq: { check: 0, review: 0 },
  tr: (key) => t(key, state.lang),
  render() {
    applyStaticTexts(page);
    renderWho(page);
    renderSignIn(page);
    if (state.me?.role !== 'commune') return;
    renderFile(page);
    renderPeriod(page);
    renderResults(page);
    renderSheets(page);
    renderSubmit(page);
  },
  renderSubmit: () => renderSubmit(page),
  run(action, onError) {
    action().catch((e: unknown) => {
      console.error('gnbv upload:', e);
      onError(failureText(e, state.lang));
      page.render();
    });
  },
};

// ---- wiring -----------------------------------------------------------------------------------

el.signInForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const token = el.token.value.trim();
  if (token === '') {
    state.signInError = page.tr('tokenRequired');
    page.render();
    el.token.focus();
    return;
  }
  page.run(() => signIn(page, token, el.remember.checked, false), (m) => (state.signInError = m));
});

el.signOut.addEventListener('click', () => signOut(page));

for (const b of document.querySelectorAll<HTMLButtonElement>('.lang-btn')) {
  b.addEventListener('click', () => {
    state.lang = b.dataset.lang === 'en' ? 'en' : 'vi';
    store.saveLang(state.lang);
    // Issue messages are rendered from the issues' data in the chosen language: no re-check needed.
    page.render();
  });
}

el.fileInput.addEventListener('change', () => {
  const file = el.fileInput.files?.[0];
  el.fileInput.value = '';
  if (file) page.run(() => openFile(page, file), (m) => (state.fileError = m));
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
  if (file) page.run(() => openFile(page, file), (m) => (state.fileError = m));
});

el.period.addEventListener('change', () => {
  setPeriod(state, el.period.value as Period, 'chosen');
  resetSubmission(state);
  page.run(() => check(page), (m) => (state.fileError = m));
  page.render();
});

el.reportDate.addEventListener('change', () => {
  const value = el.reportDate.value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
  state.reportDate = value;
  resetSubmission(state);
  page.run(() => check(page), (m) => (state.fileError = m));
});

el.submit.addEventListener('click', () => page.run(() => submit(page), (m) => (state.submit = { ...state.submit, error: m })));
el.download.addEventListener('click', () => page.run(() => downloadCopy(page), (m) => (state.copyError = m)));

// ---- start ------------------------------------------------------------------------------------

page.render();
const saved = store.load();
if (saved) {
  el.remember.checked = saved.remembered;
  page.run(() => signIn(page, saved.token, saved.remembered, true), (m) => (state.signInError = m));
} else {
  el.signIn.hidden = false;
  el.token.focus();
}
