// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { tokenStore } from '../../../web/common/token-store.ts';

/** The token store both pages use: the keys they always used, so officers stay signed in. */

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

function stored(): Record<string, Record<string, string>> {
  const all = (s: Storage) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i) as string).map((k) => [k, s.getItem(k) as string]));
  return { session: all(sessionStorage), local: all(localStorage) };
}

describe('tokenStore', () => {
  it('keeps the token for the session unless remembered, under gnbv.<page>.token', () => {
    tokenStore('upload').save('tok-xa', false);
    tokenStore('district').save('tok-huyen', true);
    expect(stored()).toEqual({ session: { 'gnbv.upload.token': 'tok-xa' }, local: { 'gnbv.district.token': 'tok-huyen' } });
    expect([tokenStore('upload').load(), tokenStore('district').load()]).toEqual([
      { token: 'tok-xa', remembered: false },
      { token: 'tok-huyen', remembered: true },
    ]);
  });

  it('reads a token kept by the pages before the common store', () => {
    localStorage.setItem('gnbv.upload.token', 'remembered-before');
    sessionStorage.setItem('gnbv.district.token', 'this-session');
    expect(tokenStore('upload').load()).toEqual({ token: 'remembered-before', remembered: true });
    expect(tokenStore('district').load()).toEqual({ token: 'this-session', remembered: false });
  });

  it('saving moves the token where asked, forgetting clears both places, and the pages do not share it', () => {
    const upload = tokenStore('upload');
    upload.save('a', true);
    upload.save('b', false);
    expect(stored()).toEqual({ session: { 'gnbv.upload.token': 'b' }, local: {} });
    expect(tokenStore('district').load()).toBeNull();
    localStorage.setItem('gnbv.upload.token', 'old');
    upload.forget();
    expect(upload.load()).toBeNull();
    expect(stored()).toEqual({ session: {}, local: {} });
  });

  it('keeps the language per page, Vietnamese unless English was chosen', () => {
    const district = tokenStore('district');
    expect(district.loadLang()).toBe('vi');
    district.saveLang('en');
    expect([district.loadLang(), tokenStore('upload').loadLang()]).toEqual(['en', 'vi']);
    expect(stored().local).toEqual({ 'gnbv.district.lang': 'en' });
  });
});
