import type { Lang } from '../../shared/messages.ts';
import { failureCodeOf } from '../errors.ts';
import { failureText } from './strings.ts';

export interface ActionHost {
  lang(): Lang;
  setBusy(busy: boolean): void;
  showError(text: string | null): void;
}

/**
 * The one catch point of the pane: every button runs through here. One action at a time; a
 * failure becomes one Vietnamese (or English) sentence, with Office's own text where it helps.
 */
export function createActionRunner(host: ActionHost): (work: () => Promise<void>) => Promise<void> {
  let running = false;
  return async function runAction(work) {
    if (running) return;
    running = true;
    host.setBusy(true);
    host.showError(null);
    try {
      await work();
    } catch (e) {
      const code = failureCodeOf(e);
      const detail = code === 'unknown' && e instanceof Error ? ` (${e.name}: ${e.message})` : '';
      host.showError(`${failureText(code, host.lang())}${detail}`);
      console.error(e);
    } finally {
      running = false;
      host.setBusy(false);
    }
  };
}
