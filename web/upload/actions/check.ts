import { periodYear } from '../../../shared/periods.ts';
import { validateWorkbook } from '../../../shared/validate.ts';
import { fetchReviews } from '../api-client.ts';
import type { Page } from '../page.ts';
import type { ReviewRead } from '../review-list.ts';
import { currentPlan, setPeriod } from '../state.ts';
import { ensurePlan } from './plan.ts';

/**
 * Runs the shared engine on the file with the chosen plan, period and date (the add-in's check).
 * Only the latest call writes its result: an earlier one still waiting for its plan is dropped.
 */
export async function check(page: Page): Promise<void> {
  const { state } = page;
  const seq = ++page.seq.check;
  void loadReview(page);
  state.serverIssues = null;
  state.copyError = null;
  // The plan of the period in force, file or not: a period chosen while the default one was still
  // being looked up has no other call that reads its plan.
  await ensurePlan(page, periodYear(state.period));
  if (seq !== page.seq.check) return;
  const file = state.file;
  if (!file) {
    state.checking = false;
    page.render();
    return;
  }
  const plan = currentPlan(state);
  if (plan?.status !== 'ready') {
    state.result = null;
    state.checking = false;
    page.render();
    return;
  }
  state.checking = true;
  page.render();
  // Let the browser paint "Đang kiểm tra…" before the engine takes the main thread.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (seq !== page.seq.check) return;
  try {
    state.result = validateWorkbook(file.tables, { plan: plan.plan, period: state.period, reportDate: state.reportDate, lang: state.lang });
  } finally {
    state.checking = false;
  }
  page.render();
}

/** Reads the district's review of the chosen period; a failure is a short note, never a failed check. */
export async function loadReview(page: Page): Promise<void> {
  const { state } = page;
  const token = state.token;
  const period = state.period;
  if (!token) return;
  const seq = ++page.seq.review;
  let read: ReviewRead;
  try {
    const list = await fetchReviews(token, period);
    read = { status: 'loaded', period, review: list.reviews[0] ?? null };
  } catch {
    read = { status: 'failed', period };
  }
  if (seq !== page.seq.review || state.token !== token) return;
  state.review = read;
  page.render();
}

/** "Thử lại" after the plan could not be read: reads it again (as at sign-in when no period is chosen), then checks the file with it. */
export async function retryPlan(page: Page): Promise<void> {
  if (page.state.periodSource === 'default') return ensureDefaultPlan(page);
  await ensurePlan(page, periodYear(page.state.period));
  page.render();
  if (page.state.file) await check(page);
}

/**
 * The period before any file: the current year's annual report; where the server has no plan for
 * this year yet, the latest of the two years before that has one.
 */
export async function ensureDefaultPlan(page: Page): Promise<void> {
  const { state } = page;
  const year = periodYear(state.period);
  await ensurePlan(page, year);
  if (state.periodSource === 'default' && currentPlan(state)?.status === 'missing') {
    for (const earlier of [year - 1, year - 2]) {
      await ensurePlan(page, earlier);
      if (state.plans.get(earlier)?.status === 'ready' && state.periodSource === 'default') {
        setPeriod(state, `${earlier}-Y`, 'plan');
        break;
      }
    }
  }
  page.render();
  if (state.file && state.result === null) await check(page);
}
