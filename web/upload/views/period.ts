import { periodDeadline, periodYear, periodsOfYear } from '../../../shared/periods.ts';
import { h } from '../../../front/dom.ts';
import { offerRetry } from '../../common/dom.ts';
import { retryPlan } from '../actions/check.ts';
import type { Page } from '../page.ts';
import { currentPlan } from '../state.ts';
import { formatDay, periodLabel } from '../texts.ts';

/** The period chooser (this year and the two before), the report date and the plan it uses. */
export function renderPeriod(page: Page): void {
  const { state, el, tr } = page;
  const year = new Date().getFullYear();
  const years = new Set<number>([year - 2, year - 1, year, periodYear(state.period)]);
  const sorted = [...years].sort((a, b) => b - a);
  const wanted = sorted.map((y) => `${y}:${periodsOfYear(y).join(',')}`).join(';') + state.lang;
  if (el.period.dataset.built !== wanted) {
    el.period.replaceChildren(
      ...sorted.map((y) =>
        h(
          'optgroup',
          { label: `${tr('year')} ${y}` },
          ...[...periodsOfYear(y)].reverse().map((p) => h('option', { value: p }, periodLabel(p, state.lang))),
        ),
      ),
    );
    el.period.dataset.built = wanted;
  }
  el.period.value = state.period;
  el.periodSource.hidden = state.periodSource !== 'title';
  el.periodSource.textContent = tr('periodFromTitle');
  if (el.reportDate.value !== state.reportDate) el.reportDate.value = state.reportDate;
  el.reportDate.min = `${periodYear(state.period)}-01-01`;
  el.reportDate.max = `${periodYear(state.period)}-12-31`;

  const plan = currentPlan(state);
  offerRetry(
    el.planRetry,
    plan?.status === 'failed' && plan.retryable ? () => page.run(() => retryPlan(page), (m) => (state.fileError = m)) : null,
  );
  el.planStatus.className = 'plan-status';
  if (!plan || plan.status === 'loading') {
    el.planStatus.textContent = tr('planLoading');
  } else if (plan.status === 'missing') {
    el.planStatus.classList.add('bar', 'warning');
    el.planStatus.textContent = `${tr('planMissing')} (${periodYear(state.period)})`;
  } else if (plan.status === 'failed') {
    el.planStatus.classList.add('bar', 'error');
    el.planStatus.textContent = plan.message;
  } else {
    const p = plan.plan;
    el.planStatus.replaceChildren(
      h('span', { class: 'plan-title' }, `${tr('planOf')} ${p.year} — ${tr('commune')} ${p.commune.name}`),
      h(
        'span',
        { class: 'plan-facts' },
        `${p.villages.length} ${tr('villages')} · ${p.subProjects.length} ${tr('subProjects')} · ${tr('deadline')}: ${formatDay(periodDeadline(state.period, p.deadlines))}`,
      ),
    );
  }
}
