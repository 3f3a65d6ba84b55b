import type { Lang } from '../../shared/messages.ts';

/**
 * Where a page keeps the officer's token: sessionStorage (forgotten when the browser closes)
 * unless they ticked "Ghi nhớ trên máy này", then localStorage; and the chosen language, always in
 * localStorage. Keys are per page (`gnbv.upload.token`, `gnbv.district.lang`, …), as they always
 * were, so officers stay signed in. Storage is per origin, so only pages of the Worker's own origin
 * can read the token, and it is only ever sent there (relative URLs).
 */
export type Page = 'upload' | 'district';

export interface StoredToken {
  token: string;
  /** Kept in localStorage ("Ghi nhớ trên máy này"). */
  remembered: boolean;
}

export interface TokenStore {
  load(): StoredToken | null;
  save(token: string, remember: boolean): void;
  forget(): void;
  loadLang(): Lang;
  saveLang(lang: Lang): void;
}

type Which = 'session' | 'local';

/** The storage, or null where the browser blocks it (privacy settings): the page then works for this visit only. */
function storage(which: Which): Storage | null {
  try {
    return which === 'session' ? window.sessionStorage : window.localStorage;
  } catch {
    return null;
  }
}

export function tokenStore(page: Page): TokenStore {
  const tokenKey = `gnbv.${page}.token`;
  const langKey = `gnbv.${page}.lang`;
  const forget = (): void => {
    storage('session')?.removeItem(tokenKey);
    storage('local')?.removeItem(tokenKey);
  };
  return {
    load() {
      const session = storage('session')?.getItem(tokenKey);
      if (session) return { token: session, remembered: false };
      const local = storage('local')?.getItem(tokenKey);
      return local ? { token: local, remembered: true } : null;
    },
    save(token, remember) {
      forget();
      storage(remember ? 'local' : 'session')?.setItem(tokenKey, token);
    },
    forget,
    loadLang() {
      return storage('local')?.getItem(langKey) === 'en' ? 'en' : 'vi';
    },
    saveLang(lang) {
      storage('local')?.setItem(langKey, lang);
    },
  };
}
