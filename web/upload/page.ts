import { byId } from '../common/dom.ts';
import type { TokenStore } from '../common/token-store.ts';
import type { UploadState } from './state.ts';
import type { UiKey } from './strings.ts';

/**
 * The static elements of index.html the views update in place, each with what the code takes it for:
 * a button, form, input, select or progress bar, or any element. Its id is its name in kebab case
 * (signInForm: #sign-in-form).
 */
const STATIC_ELEMENTS = {
  who: 'element',
  signOut: 'button',
  signIn: 'element',
  signInForm: 'form',
  token: 'input',
  remember: 'input',
  signInButton: 'button',
  signInError: 'element',
  signInRetry: 'button',
  workspace: 'element',
  dropZone: 'element',
  fileInput: 'input',
  fileStatus: 'element',
  fileError: 'element',
  sheets: 'element',
  sheetList: 'element',
  period: 'select',
  periodSource: 'element',
  reportDate: 'input',
  planStatus: 'element',
  planRetry: 'button',
  submit: 'button',
  submitReason: 'element',
  progress: 'element',
  progressBar: 'progress',
  progressSteps: 'element',
  submitStatus: 'element',
  submitError: 'element',
  receipt: 'element',
  download: 'button',
  downloadHint: 'element',
  resultsStatus: 'element',
  review: 'element',
  summary: 'element',
  tableWrap: 'element',
} as const satisfies Record<string, ElementKind>;

type ElementKind = 'element' | 'button' | 'form' | 'input' | 'select' | 'progress';
type ElementOf<K extends ElementKind> = K extends keyof HTMLElementTagNameMap ? HTMLElementTagNameMap[K] : HTMLElement;

export type Elements = { readonly [K in keyof typeof STATIC_ELEMENTS]: ElementOf<(typeof STATIC_ELEMENTS)[K]> };

/** The static elements, looked up once (a missing one is an error: index.html and the code disagree). */
export function findElements(): Elements {
  const id = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return Object.fromEntries(Object.keys(STATIC_ELEMENTS).map((name) => [name, byId(id(name))])) as Elements;
}

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
