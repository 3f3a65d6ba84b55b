/**
 * Where the officer's token is kept: sessionStorage (forgotten when the browser closes) unless
 * they ticked "Ghi nhớ trên máy này", then localStorage. Storage is per origin, so the token is
 * readable only by pages of the Worker's own origin, the only place it is ever sent.
 */
const TOKEN_KEY = 'gnbv.upload.token';
const LANG_KEY = 'gnbv.upload.lang';

type Which = 'session' | 'local';

/** The storage, or null where the browser blocks it (privacy settings): the page then works for this visit only. */
function storage(which: Which): Storage | null {
  try {
    return which === 'session' ? window.sessionStorage : window.localStorage;
  } catch {
    return null;
  }
}

export function loadToken(): { token: string; remembered: boolean } | null {
  const session = storage('session')?.getItem(TOKEN_KEY);
  if (session) return { token: session, remembered: false };
  const local = storage('local')?.getItem(TOKEN_KEY);
  if (local) return { token: local, remembered: true };
  return null;
}

export function saveToken(token: string, remember: boolean): void {
  forgetToken();
  storage(remember ? 'local' : 'session')?.setItem(TOKEN_KEY, token);
}

export function forgetToken(): void {
  storage('session')?.removeItem(TOKEN_KEY);
  storage('local')?.removeItem(TOKEN_KEY);
}

export function loadLang(): 'vi' | 'en' {
  return storage('local')?.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
}

export function saveLang(lang: 'vi' | 'en'): void {
  storage('local')?.setItem(LANG_KEY, lang);
}
