import { saveUserSettings } from '../../addin/settings.ts';
import { type PaneDeps, type TaskPane, mountTaskPane } from '../../addin/ui/app.ts';
import type { FakeExcel } from './fake-excel.ts';

/** The server the pane tests sign in to. */
export const SERVER = 'https://gnbv.example.gov.vn';

/** A fresh storage with the commune officer signed in, before each pane test. */
export function signIn(): void {
  signInIn('vi');
}

/** The same, in `lang` (not a parameter of signIn: `beforeEach(signIn)` passes the test context). */
export function signInIn(lang: 'vi' | 'en'): void {
  window.localStorage.clear();
  saveUserSettings(window.localStorage, { serverUrl: SERVER, token: 'demo-xuan-hoa', lang });
}

/** The pane mounted on a fresh page over the stand-in Excel, on 5 December 2024 (Vietnam time). */
export function mountPane(excel: FakeExcel, fetch: typeof globalThis.fetch, more: Partial<PaneDeps> = {}): { root: HTMLElement; pane: TaskPane } {
  document.body.innerHTML = '<main id="app"></main>';
  const root = document.getElementById('app') as HTMLElement;
  const pane = mountTaskPane(root, {
    run: (work) => excel.run(work),
    documentSettings: excel.documentSettings(),
    storage: window.localStorage,
    fetch,
    notes: true,
    defaultServerUrl: 'https://localhost:8787',
    now: () => new Date('2024-12-05T08:00:00+07:00'),
    ...more,
  });
  return { root, pane };
}
