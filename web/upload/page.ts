import { byId } from '../common/dom.ts';
import type { TokenStore } from '../common/token-store.ts';
import type { UploadState } from './state.ts';
import type { UiKey } from './strings.ts';

/** The static elements of index.html, looked up once; views update them in place. */
export function findElements() {
  return {
    who: byId('who'),
    signOut: byId<HTMLButtonElement>('sign-out'),
    signIn: byId('sign-in'),
    signInForm: byId<HTMLFormElement>('sign-in-form'),
    token: byId<HTMLInputElement>('token'),
    remember: byId<HTMLInputElement>('remember'),
    signInButton: byId<HTMLButtonElement>('sign-in-button'),
    signInError: byId('sign-in-error'),
    signInRetry: byId<HTMLButtonElement>('sign-in-retry'),
    workspace: byId('workspace'),
    dropZone: byId('drop-zone'),
    fileInput: byId<HTMLInputElement>('file-input'),
    fileStatus: byId('file-status'),
    fileError: byId('file-error'),
    sheets: byId('sheets'),
    sheetList: byId('sheet-list'),
    period: byId<HTMLSelectElement>('period'),
    periodSource: byId('period-source'),
    reportDate: byId<HTMLInputElement>('report-date'),
    planStatus: byId('plan-status'),
    planRetry: byId<HTMLButtonElement>('plan-retry'),
    submit: byId<HTMLButtonElement>('submit'),
    submitReason: byId('submit-reason'),
    progress: byId('progress'),
    progressBar: byId<HTMLProgressElement>('progress-bar'),
    progressSteps: byId('progress-steps'),
    submitStatus: byId('submit-status'),
    submitError: byId('submit-error'),
    receipt: byId('receipt'),
    download: byId<HTMLButtonElement>('download'),
    downloadHint: byId('download-hint'),
    resultsStatus: byId('results-status'),
    review: byId('review'),
    summary: byId('summary'),
    tableWrap: byId('table-wrap'),
  };
}

export type Elements = ReturnType<typeof findElements>;

/**
 * The mounted page, handed to every action and view: its state, its elements, the token store and
 * the bookkeeping of reads in flight (only the latest check and review read write their result).
 */
export interface Page {
  readonly state: UploadState;
  readonly el: Elements;
  readonly store: TokenStore;
  /** The plan fetches in flight, by year: callers during a fetch wait for the same one. */
  readonly planFetches: Map<number, Promise<void>>;
  readonly seq: { check: number; review: number };
  /** A text of the page in the chosen language (a plain function: it may be taken out of the page). */
  readonly tr: (key: UiKey) => string;
  /** Updates the page from the state. */
  render(): void;
  /** Progress changes only the submit section. */
  renderSubmit(): void;
  /** The one catch point of every action: a failure becomes a message in its place, never a dead page. */
  run(action: () => Promise<void>, onError: (message: string) => void): void;
}
