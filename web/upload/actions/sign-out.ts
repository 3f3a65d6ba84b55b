import type { Page } from '../page.ts';
import { NO_SUBMISSION } from '../state.ts';

/** Forgets the token and everything read with it; `message` says why (a 401), shown at the sign-in form. */
export function signOut(page: Page, message: string | null = null): void {
  const { state, el } = page;
  page.store.forget();
  state.token = null;
  state.me = null;
  state.plans.clear();
  state.file = null;
  state.result = null;
  state.serverIssues = null;
  state.receipt = null;
  state.review = null;
  state.submit = { ...NO_SUBMISSION };
  state.signInError = message;
  el.token.value = '';
  page.render();
  el.token.focus();
}
