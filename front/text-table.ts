import type { Lang } from '../shared/messages.ts';

export type TextParams = Readonly<Record<string, string | number>>;

/**
 * The lookup a page or the task pane uses for its own words: the text in the language, with each
 * {name} filled from the params (a name not given stays as written).
 */
export function textLookup<Key extends string>(
  table: Readonly<Record<Key, Readonly<Record<Lang, string>>>>,
): (key: Key, lang: Lang, params?: TextParams) => string {
  return function text(key, lang, params = {}) {
    const words = table[key][lang];
    return words.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
