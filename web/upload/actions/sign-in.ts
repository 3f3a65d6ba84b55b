import type { MeResponse } from '../../../shared/api.ts';
import { ApiFailure, isRetryable } from '../../common/api.ts';
import { fetchMe } from '../api-client.ts';
import type { Page } from '../page.ts';
import { prefetchXlsxReader } from '../read-file.ts';
import { failureText } from '../texts.ts';
import { ensureDefaultPlan, loadReview } from './check.ts';

/** Signs in with a token (`quiet`: the saved one at start, forgotten without a word if refused). */
export async function signIn(page: Page, token: string, remember: boolean, quiet: boolean): Promise<void> {
  const { state, el, tr } = page;
  state.signingIn = true;
  state.signInError = null;
  state.signInRetry = null;
  page.render();
  let me: MeResponse;
  try {
    me = await fetchMe(token);
  } catch (e) {
    state.signingIn = false;
    if (quiet && e instanceof ApiFailure && e.status === 401) page.store.forget();
    state.signInError = quiet && e instanceof ApiFailure && e.status === 401 ? null : failureText(e, state.lang);
    if (isRetryable(e)) state.signInRetry = () => page.run(() => signIn(page, token, remember, quiet), (m) => (state.signInError = m));
    page.render();
    return;
  }
  state.signingIn = false;
  if (me.role !== 'commune') {
    page.store.forget();
    state.signInError = `${tr('notCommune')} (${me.label})`;
    page.render();
    return;
  }
  state.token = token;
  state.me = me;
  page.store.save(token, remember);
  page.render();
  if (!quiet) el.fileInput.focus();
  // A commune officer's next step is a file: fetch the .xlsx reader now, behind the page.
  prefetchXlsxReader();
  void loadReview(page);
  await ensureDefaultPlan(page);
}
