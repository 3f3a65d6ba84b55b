import type { Lang } from '../../shared/messages.ts';

/**
 * Where the district officer's token is kept: sessionStorage (forgotten when the browser closes)
 * unless they ticked "Ghi nhớ trên máy này", then localStorage. Storage is per origin, so only
 * pages of the Worker's own origin can read it, and it is only ever sent there (relative URLs).
 */
const TOKEN_KEY = 'gnbv.district.token';
const LANG_KEY = 'gnbv.district.lang';

type Which = 'session' | 'local';

/** The storage, or null where the browser blocks it: the page then works for this visit only. */
function storage(which: Which): Storage | null {
  try {
    return which === 'session' ? window.sessionStorage : window.localStorage;
  } catch {
    return null;
  }
}

export function loadToken(): string | null {
  return storage('session')?.getItem(TOKEN_KEY) || storage('local')?.getItem(TOKEN_KEY) || null;
}

export function saveToken(token: string, remember: boolean): void {
  forgetToken();
  storage(remember ? 'local' : 'session')?.setItem(TOKEN_KEY, token);
}

export function forgetToken(): void {
  storage('session')?.removeItem(TOKEN_KEY);
  storage('local')?.removeItem(TOKEN_KEY);
}

export function loadLang(): Lang {
  return storage('local')?.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
}

export function saveLang(lang: Lang): void {
  storage('local')?.setItem(LANG_KEY, lang);
}
