import { ApiFailure, isRetryable } from '../../common/api.ts';
import { fetchPlan } from '../api-client.ts';
import type { Page } from '../page.ts';
import { failureText } from '../texts.ts';
import { signOut } from './sign-out.ts';

/** The commune's plan for the year, fetched once; callers during the fetch wait for the same one. */
export async function ensurePlan(page: Page, year: number): Promise<void> {
  const { state } = page;
  const known = state.plans.get(year);
  if (known?.status === 'ready' || known?.status === 'missing') return;
  const pending = page.planFetches.get(year);
  if (pending) return pending;
  const token = state.token;
  if (!token) return;
  const fetching = (async () => {
    state.plans.set(year, { status: 'loading' });
    page.render();
    try {
      const plan = await fetchPlan(token, year);
      // Signed out (or in as someone else) meanwhile: this plan is not theirs.
      if (state.token === token) state.plans.set(year, { status: 'ready', plan });
    } catch (e) {
      if (state.token !== token) return;
      if (e instanceof ApiFailure && e.status === 404) state.plans.set(year, { status: 'missing' });
      else if (e instanceof ApiFailure && e.status === 401) signOut(page, page.tr('failUnauthorized'));
      else state.plans.set(year, { status: 'failed', message: failureText(e, state.lang), retryable: isRetryable(e) });
    } finally {
      page.planFetches.delete(year);
    }
  })();
  page.planFetches.set(year, fetching);
  return fetching;
}
