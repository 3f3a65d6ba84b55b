import type { SubmissionRequest } from '../../../shared/api.ts';
import { ApiFailure, unanswered } from '../../common/api.ts';
import { type SubmitProgress, submitReport } from '../api-client.ts';
import type { Page } from '../page.ts';
import { NO_SUBMISSION, STEP_KEYS, type UploadState, recognisedSheets, submitBlocker } from '../state.ts';
import { failureText } from '../texts.ts';
import { signOut } from './sign-out.ts';

/** Sends the recognised sheets; a 422 shows the server's issues in place of the page's own. */
export async function submit(page: Page): Promise<void> {
  const { state, el, tr } = page;
  if (submitBlocker(state) !== null || !state.token) return;
  const request: SubmissionRequest = { period: state.period, sheets: recognisedSheets(state) };
  state.submit = { step: 'compress', fraction: 0, error: null };
  state.receipt = null;
  page.render();
  let outcome;
  try {
    outcome = await submitReport(state.token, request, (p: SubmitProgress) => {
      state.submit = { step: p.step, fraction: p.fraction ?? state.submit.fraction, error: null };
      el.submitStatus.textContent = tr(STEP_KEYS[p.step]);
      page.renderSubmit();
    });
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 401) return signOut(page, tr('failUnauthorized'));
    // Focus stays on the button (now "Gửi lại", safe: the Idempotency-Key stores it once); the alert region reads the message out.
    state.submit = { ...state.submit, error: unanswered(e) ? tr('failNetwork') : failureText(e, state.lang) };
    page.render();
    return;
  }
  if (outcome.accepted) {
    state.receipt = outcome.receipt;
    state.submit = { step: 'done', fraction: 1, error: null };
    page.render();
    el.receipt.focus();
  } else {
    state.serverIssues = outcome.issues;
    state.submit = { ...state.submit, error: outcome.message };
    page.render();
  }
}

/** Another period or date is other content: the last receipt and submission state no longer apply. */
export function resetSubmission(state: UploadState): void {
  state.receipt = null;
  state.submit = { ...NO_SUBMISSION };
}
