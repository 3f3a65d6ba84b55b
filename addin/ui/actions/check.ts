import { type CheckOutcome, checkWorkbook, stillAsChecked } from '../../check.ts';
import type { ReadProgress } from '../../excel/read-workbook.ts';
import { periodOn } from '../../period-choice.ts';
import { type PlanChoice, planForYear } from '../../plan-source.ts';
import { loadMappings } from '../../settings.ts';
import { submissionRequest } from '../../submit/request.ts';
import type { Pane } from '../pane.ts';
import { errorCount, showIssues, submitBlocked } from '../state.ts';
import { t } from '../strings.ts';

function progressText(pane: Pane, p: ReadProgress | { phase: 'marking' }): string {
  if ('phase' in p) return t('marking', pane.lang());
  const pct = p.cellsTotal > 0 ? Math.round((100 * p.cellsRead) / p.cellsTotal) : 100;
  return `${t('reading', pane.lang())} “${p.sheet}”… ${pct}%`;
}

/** Kiểm tra's work: read, validate, mark; the list shows the check's issues. */
async function runCheck(pane: Pane): Promise<CheckOutcome> {
  const { deps, state } = pane;
  let choice: PlanChoice | null = null;
  const outcome = await deps.run((context) =>
    checkWorkbook(context, {
      lang: pane.lang(),
      ...(state.period ? { period: state.period } : {}),
      defaultPeriod: periodOn(pane.now()),
      mappings: loadMappings(deps.documentSettings),
      notes: deps.notes,
      memory: pane.memory,
      defaultYear: pane.now().getFullYear(),
      planFor: async (year) => {
        choice = await planForYear(year, state.settings, { fetch: deps.fetch, storage: deps.storage, now: pane.now });
        return choice.plan;
      },
      onProgress: (p) => {
        state.progress = progressText(pane, p);
        pane.updateStatus();
      },
      commentsFor: (period) => pane.review.load(period),
    }),
  );
  state.plan = choice;
  state.outcome = outcome;
  showIssues(state, outcome.result.issues, 'check');
  if (state.submit.phase !== 'sending' && state.submit.phase !== 'waiting') state.submit = { phase: 'idle' };
  return outcome;
}

export function check(pane: Pane): Promise<void> {
  return pane.runAction(async () => {
    const { state } = pane;
    state.info = '';
    state.progress = t('working', pane.lang());
    pane.updateStatus();
    const outcome = await runCheck(pane);
    state.info = outcome.result.issues.length === 0 ? (pane.review.cleanCheckLine(outcome.period) ?? t('noIssues', pane.lang())) : '';
  });
}

/** Gửi: the check again if anything changed since, then the submission. */
export function send(pane: Pane): Promise<void> {
  return pane.runAction(async () => {
    const { deps, state } = pane;
    let outcome = state.outcome;
    if (!outcome || submitBlocked(state) !== null) return;
    state.info = '';
    state.progress = t('verifying', pane.lang());
    pane.updateStatus();
    // The check may be stale: another period chosen, a mapping changed, a cell edited. Then check again.
    const mappings = loadMappings(deps.documentSettings);
    const checked = outcome;
    const sameInputs =
      (state.period === '' || state.period === checked.period) &&
      checked.inputs.every((input) => JSON.stringify(input.mapping ?? null) === JSON.stringify(mappings[input.grid.name] ?? null)) &&
      (await deps.run((context) => stillAsChecked(context, checked)));
    if (!sameInputs) {
      outcome = await runCheck(pane);
      const errors = errorCount(state);
      if (errors > 0) {
        state.info = t('changedRechecked', pane.lang(), { n: errors });
        return;
      }
    }
    const request = submissionRequest(outcome);
    if (!request) return;
    state.progress = ''; // the submission card shows its own progress from here
    await pane.submitter.submit(request, state.settings.serverUrl);
  });
}
