import type { Page } from '../page.ts';
import { forgetFile } from '../state.ts';

/** Forgets the token and everything read with it; `message` says why (a 401), shown at the sign-in form. */
export function signOut(page: Page, message: string | null = null): void {
  const { state, el } = page;
  page.store.forget();
  state.token = null;
  state.me = null;
  state.plans.clear();
  forgetFile(state);
  state.review = null;
  state.signInError = message;
  el.token.value = '';
  page.render();
  el.token.focus();
}
