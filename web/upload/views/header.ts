import { h } from '../../../front/dom.ts';
import { offerRetry } from '../../common/dom.ts';
import type { Page } from '../page.ts';
import type { UiKey } from '../strings.ts';

/** The texts of index.html in the chosen language, and the language buttons' state. */
export function applyStaticTexts(page: Page): void {
  const { state, el } = page;
  document.documentElement.lang = state.lang;
  document.title = `GNBV — ${page.tr('pageTitle')}`;
  for (const node of document.querySelectorAll<HTMLElement>('[data-t]')) {
    node.textContent = page.tr(node.dataset.t as UiKey);
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>('.lang-btn')) {
    b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang));
  }
  el.download.textContent = page.tr('download');
}

/** Who is signed in, and where. */
export function renderWho(page: Page): void {
  const { el, tr } = page;
  const me = page.state.me;
  el.who.hidden = me === null;
  el.signOut.hidden = me === null;
  if (!me) return;
  const place = me.commune
    ? `${tr('commune')} ${me.commune.name}${me.region ? `, ${me.region.level === 'district' ? tr('district') : tr('province')} ${me.region.name}, ${me.region.province}` : ''}`
    : (me.region?.name ?? '');
  el.who.replaceChildren(h('span', { class: 'who-label' }, me.label), h('span', { class: 'who-place' }, place));
}

export function renderSignIn(page: Page): void {
  const { state, el, tr } = page;
  const signedIn = state.me !== null && state.me.role === 'commune';
  el.signIn.hidden = signedIn;
  el.workspace.hidden = !signedIn;
  el.signInButton.disabled = state.signingIn;
  el.signInButton.textContent = state.signingIn ? tr('signingIn') : tr('signIn');
  el.signInError.hidden = state.signInError === null;
  el.signInError.textContent = state.signInError ?? '';
  offerRetry(el.signInRetry, state.signInRetry);
}

export function renderFile(page: Page): void {
  const { state, el } = page;
  el.fileStatus.textContent = state.reading ? page.tr('reading') : state.file ? `${state.file.name}` : '';
  el.fileError.hidden = state.fileError === null;
  el.fileError.textContent = state.fileError ?? '';
}
