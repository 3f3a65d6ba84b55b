import type { CheckMemory } from '../../shared/check-memory.ts';
import type { Lang } from '../../shared/messages.ts';
import type { DocumentSettings } from '../settings.ts';
import type { QueueStore } from '../submit/queue-store.ts';
import type { Submitter, Timers } from '../submit/submitter.ts';
import type { ReviewPanel } from './review-panel.ts';
import type { PaneState } from './state.ts';

/** What the pane needs from its surroundings; the real ones in taskpane.ts, stand-ins in tests. */
export interface PaneDeps {
  /** Excel.run in Excel. */
  run<T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  documentSettings: DocumentSettings;
  storage: Storage;
  fetch: typeof fetch;
  /** ExcelApi 1.18 (notes) is supported. */
  notes: boolean;
  /** The origin the pane was served from: the API lives there too. */
  defaultServerUrl: string;
  now?: () => Date;
  /** Where a submission waits for the network (IndexedDB in the pane; default: IndexedDB if any, else localStorage). */
  queueStore?: QueueStore;
  /** Retry timers (default: setTimeout). */
  timers?: Timers;
  /** "The network is back" (default: window's `online` event). */
  onOnline?: (listener: () => void) => () => void;
  random?: () => number;
}

/**
 * One mounted pane, handed to every action and view: its state, its surroundings and the few
 * services the pane holds (the submitter, the review card, the one catch point).
 */
export interface Pane {
  readonly deps: PaneDeps;
  readonly state: PaneState;
  /** The pane checks the same workbook again and again: its memos live as long as the pane. */
  readonly memory: CheckMemory;
  readonly submitter: Submitter;
  readonly review: ReviewPanel;
  now(): Date;
  lang(): Lang;
  /** Rebuilds the pane from the state. */
  render(): void;
  /** Progress changes only the status line, not the (possibly long) lists. */
  updateStatus(): void;
  /** Every button's work goes through here (run-action.ts). */
  runAction(work: () => Promise<void>): Promise<void>;
}
