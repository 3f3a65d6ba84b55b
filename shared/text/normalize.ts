/**
 * Lenient matching of what officers write (SPEC section 3): case, diacritics, NFC/NFD, old and new
 * tone-mark placement (hoà/hòa), dash variants, extra spaces and line breaks all compare equal.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SPACES = /\s+/g;

/** Lower-case, no diacritics, đ → d, one kind of dash, single spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/\u00D0/g, 'd')
    .toLowerCase()
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .trim();
}

/** Lower-case NFC with single spaces, keeping the tone marks: "Tổng" and the surname "Tống" stay apart. */
export function softFold(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(DASHES, '-').replace(SPACES, ' ').trim();
}

/** Fold, then drop leading zeros in numbers ("thôn 01" → "thon 1") and spaces around punctuation. */
export function foldName(text: string): string {
  return fold(text)
    .replace(/\b0+(\d)/g, '$1')
    .replace(/\s*([-–/,.:;()])\s*/g, '$1');
}
