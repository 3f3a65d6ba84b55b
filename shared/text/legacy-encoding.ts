/**
 * Vietnamese legacy 8-bit encodings as they surface in old Excel sheets.
 *
 * Text typed with a TCVN3 (ABC) font (`.VnTime`, `.VnTimeH`, `.VnArial`, ...) or a VNI font
 * (`VNI-Times`, `VNI-Helve`, ...) is stored as single bytes that a modern reader decodes as
 * Latin-1 / Windows-1252 look-alikes: TCVN3 "Lò Văn Tuấn" reads as "Lß V¨n TuÊn", VNI
 * "Nguyễn" reads as "Nguyeãn". This module detects such text and converts it to Unicode NFC.
 *
 * Pure functions, no I/O, no dependencies. The code tables are data.
 */

import tables from './legacy-tables.json' with { type: 'json' };

export type LegacyEncoding = 'tcvn3' | 'vni';

/**
 * TCVN 5712:1993 VN3 ("TCVN3", "ABC"): legacy character (byte read as Latin-1) → Unicode.
 *
 * VN3 has 67 lowercase letters and only 7 capitals (Ă Â Ê Ô Ơ Ư Đ, no tone). Capitals with a
 * tone were typed with the same byte codes in an all-capitals font (`.VnTimeH`), so those codes
 * decode to the lowercase letter here. Byte 0xA0 (no-break space) is identical in Unicode and
 * byte 0xAD (ư) reads as U+00AD SOFT HYPHEN.
 */
const TCVN3_TABLE: Readonly<Record<string, string>> = tables.tcvn3;

/**
 * VNI-Windows, lowercase half: legacy sequence → Unicode. A vowel is written as the base
 * letter followed by one modifier byte (tone, or circumflex/breve combined with a tone);
 * ơ ư đ and the toned i's are single bytes, as is ỵ. The capital half is the same table
 * upper-cased (both sides), e.g. "AØ" → "À", "Ñ" → "Đ", "ÖÙ" → "Ứ".
 *
 * Both tables are in legacy-tables.json. TCVN3's: the capitals (no tone) and the plain modified
 * letters, then the toned vowels in VN3 order (huyền, hỏi, ngã, sắc, nặng). VNI's: a, ă, â, e, ê,
 * the single-byte i's, o, ô, ơ, u, ư, y and đ, with the tone bytes ø huyền, ù sắc, û hỏi, õ ngã,
 * ï nặng.
 */
const VNI_LOWER: Readonly<Record<string, string>> = tables.vniLower;

/** VNI decode map: lowercase, uppercase and mixed-case base/modifier pairs (case of the base wins). */
const VNI_DECODE: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [seq, uni] of Object.entries(VNI_LOWER)) {
    const upperUni = uni.toUpperCase();
    map.set(seq, uni);
    map.set(seq.toUpperCase(), upperUni);
    const base = seq[0];
    const mod = seq[1];
    if (base !== undefined && mod !== undefined) {
      map.set(base.toUpperCase() + mod, upperUni);
      map.set(base + mod.toUpperCase(), uni);
    }
  }
  return map;
})();

const TCVN3_DECODE: ReadonlyMap<string, string> = new Map(Object.entries(TCVN3_TABLE));

/** Non-ASCII characters that occur in each encoding's table. */
const TABLE_CHARS: Readonly<Record<LegacyEncoding, ReadonlySet<string>>> = {
  tcvn3: new Set(Object.keys(TCVN3_TABLE)),
  vni: new Set([...VNI_DECODE.keys()].flatMap((seq) => [...seq]).filter((ch) => ch > '\u007F')),
};

/**
 * TCVN3 characters that are symbols in Latin-1 (¡..¾ plus × ÷): a strong sign when a whole
 * word around them reads as a Vietnamese syllable. TCVN3 letters that look like Latin-1 letters
 * (ß, Ê, ä, ...) are weaker evidence because European names use them.
 */
const TCVN3_STRONG = new Set(Object.keys(TCVN3_TABLE).filter((ch) => ch < '\u00C0' || ch === '×' || ch === '÷'));

/**
 * VNI modifier bytes that European names also put after a vowel (Loïc, Noël, Anaïs, Esaü, août).
 * A VNI word is strong evidence only through a base + modifier pair outside this set; the
 * single-byte letters (ơ ư đ, toned i, ỵ: ô ö ñ í ì æ ó ò î) are ordinary European letters.
 */
const VNI_WEAK_MODIFIERS = new Set([...'ëïüûËÏÜÛ']);

/** Characters only real Unicode Vietnamese contains (never a legacy byte read as Latin-1/cp1252). */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u0300-\u036F\u1EA0-\u1EF9]/u;

/** A word for detection purposes: ASCII letters/digits and Latin-1 characters (legacy bytes). */
const TOKEN = /[A-Za-z0-9\u00A1-\u00FF]+/g;

// ---------------------------------------------------------------------------------------------
// Conversion

/**
 * Convert legacy-encoded text (bytes read as Latin-1/Windows-1252) to Unicode NFC.
 * Characters outside the encoding's table pass through unchanged.
 */
export function legacyToUnicode(text: string, encoding: LegacyEncoding): string {
  let out = '';
  if (encoding === 'tcvn3') {
    for (const ch of text) out += TCVN3_DECODE.get(ch) ?? ch;
  } else {
    for (let i = 0; i < text.length; ) {
      const two = text.slice(i, i + 2);
      const pair = two.length === 2 ? VNI_DECODE.get(two) : undefined;
      if (pair !== undefined) {
        out += pair;
        i += 2;
        continue;
      }
      const ch = text[i] ?? '';
      out += VNI_DECODE.get(ch) ?? ch;
      i += 1;
    }
  }
  return out.normalize('NFC');
}

// ---------------------------------------------------------------------------------------------
// Detection

function encodingFromFont(fontName: string | null | undefined): LegacyEncoding | null {
  const name = (fontName ?? '').trim();
  if (/^\.vn/i.test(name)) return 'tcvn3';
  if (/^vni[-_ ]/i.test(name)) return 'vni';
  return null;
}

function hasTableChar(text: string, encoding: LegacyEncoding): boolean {
  const chars = TABLE_CHARS[encoding];
  for (const ch of text) if (chars.has(ch)) return true;
  return false;
}

/**
 * Decide whether `text` is (very likely) legacy-encoded.
 *
 * - With a legacy font (`.Vn*` → tcvn3, `VNI-*` → vni): yes when the text holds at least one
 *   non-ASCII character of that encoding's table and no character that only Unicode Vietnamese
 *   has (ă đ ơ ư ĩ ũ, U+1EA0–U+1EF9, combining marks).
 * - Otherwise (no font or another font): by word patterns, conservatively. A word counts for an
 *   encoding when it is not a plausible Unicode Vietnamese syllable but its legacy reading is
 *   (e.g. "V¨n" → "Văn", "Nguyeãn" → "Nguyễn"). See {@link detectByPatterns}.
 */
export function detectLegacyEncoding(text: string, fontName?: string | null): LegacyEncoding | null {
  if (!/[^\u0000-\u007F]/.test(text)) return null; // pure ASCII is never flagged
  if (UNICODE_VIETNAMESE.test(text)) return null; // real Unicode Vietnamese
  const byFont = encodingFromFont(fontName);
  if (byFont !== null) return hasTableChar(text, byFont) ? byFont : null;
  return detectByPatterns(text);
}

/**
 * Pattern detection without a font. Each word that contains a non-ASCII character, at least
 * one ASCII letter and no digit is read three ways: as Unicode, as TCVN3, as VNI.
 * - Unicode reading valid (a Vietnamese syllable with sane casing) and legacy reading not:
 *   one point against that encoding.
 * - Legacy reading valid and Unicode reading not: points for the encoding — 1 for a strong
 *   word (TCVN3 symbol bytes such as ¨ ª µ ¸ »; VNI modifiers such as ã â ø after a vowel),
 *   ½ for a weak one (only bytes European names also use: "Lß", "Loïc", "Höng").
 * - Both valid: ambiguous, ignored.
 * An encoding is returned when its points reach 1, exceed the points against it and beat the
 * other encoding.
 */
function detectByPatterns(text: string): LegacyEncoding | null {
  const score: Record<LegacyEncoding, number> = { tcvn3: 0, vni: 0 };
  const against: Record<LegacyEncoding, number> = { tcvn3: 0, vni: 0 };
  for (const token of text.match(TOKEN) ?? []) {
    if (!/[^\u0000-\u007F]/.test(token) || /[0-9]/.test(token) || !/[A-Za-z]/.test(token)) continue;
    const unicodeOk = hasPlausibleCase(token) && isVietnameseSyllable(token);
    for (const encoding of ['tcvn3', 'vni'] as const) {
      if (!hasTableChar(token, encoding)) continue;
      const converted = legacyToUnicode(token, encoding);
      if (converted === token) continue; // reads the same either way (VNI í, TCVN3 ý)
      // VNI has every capital, so its reading must be cased like a real word too; TCVN3 capitals
      // with tones come back lowercase (.VnTimeH), so case says nothing there.
      const legacyOk = (encoding === 'tcvn3' || hasPlausibleCase(converted)) && isVietnameseSyllable(converted);
      if (legacyOk && !unicodeOk) score[encoding] += tokenWeight(token, encoding);
      else if (unicodeOk && !legacyOk) against[encoding] += 1;
    }
  }
  const passes = (e: LegacyEncoding): boolean => score[e] >= 1 && score[e] > against[e];
  const tcvn3 = passes('tcvn3');
  const vni = passes('vni');
  if (tcvn3 && vni) return score.tcvn3 === score.vni ? null : score.tcvn3 > score.vni ? 'tcvn3' : 'vni';
  return tcvn3 ? 'tcvn3' : vni ? 'vni' : null;
}

function tokenWeight(token: string, encoding: LegacyEncoding): number {
  if (encoding === 'tcvn3') {
    for (const ch of token) if (TCVN3_STRONG.has(ch)) return 1;
    return 0.5;
  }
  for (let i = 1; i < token.length; i++) {
    const pair = token.slice(i - 1, i + 1);
    const mod = token[i] ?? '';
    if (!VNI_DECODE.has(pair) || VNI_WEAK_MODIFIERS.has(mod)) continue;
    if (pair.toLowerCase() === 'où') continue; // French "où"
    if (pair !== pair.toLowerCase() && pair !== pair.toUpperCase()) continue; // "yÕ": not typed VNI
    return 1;
  }
  return 0.5;
}

/** lowercase, Capitalised or UPPERCASE — how real words are written. */
function hasPlausibleCase(word: string): boolean {
  const lower = word.toLowerCase();
  if (word === lower || word === word.toUpperCase()) return true;
  const first = word.slice(0, 1);
  return first === first.toUpperCase() && word.slice(1) === lower.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Vietnamese syllable shape (used only to judge which reading of a word is real Vietnamese)

const INITIALS = [
  'ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr',
  'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', '',
] as const;

/** Rhymes (vần) without tone. */
const RHYMES: ReadonlySet<string> = new Set(
  (
    'a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây ' +
    'e ec em en eng eo ep et ê êch êm ên ênh êp êt êu ' +
    'i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu ' +
    'o oc oi om on ong op ot ooc oong oa oac oach oai oam oan oang oanh oap oat oay ' +
    'oăc oăm oăn oăng oăt oe oen oeo oet ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt ' +
    'u uc ui um un ung up ut ua uân uâng uât uây uê uêch uênh uơ uôc uôi uôm uôn uông uôt ' +
    'uy uya uych uyên uyêt uyn uynh uyp uyt uyu ' +
    'ư ưc ưi ưm ưn ưng ưt ưu ưa ươc ươi ươm ươn ương ươp ươt ươu ' +
    'y yêm yên yêt yêu'
  ).split(' '),
);

/** After "qu" the glide is already written, so y-rhymes follow directly (quý, quỳnh, quyết). */
const QU_RHYMES: ReadonlySet<string> = new Set('ych ynh yt yn yp ya yu'.split(' '));

const TONE_MARKS: ReadonlySet<string> = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const STOP_TONES: ReadonlySet<string> = new Set(['\u0301', '\u0323']); // sắc, nặng

/** True when `word` is one well-formed Vietnamese syllable (any case, NFC or NFD). */
function isVietnameseSyllable(word: string): boolean {
  const lower = word.toLowerCase().replace(/ð/g, 'đ'); // U+00D0/U+00F0 used for Đ/đ
  let tone: string | null = null;
  let bare = '';
  let lastLetter = '';
  for (const ch of lower.normalize('NFD')) {
    if (TONE_MARKS.has(ch)) {
      // one tone, on a vowel ("ñ" is n + tilde, not a toned letter)
      if (tone !== null || !/[aeiouy]/.test(lastLetter)) return false;
      tone = ch;
    } else {
      bare += ch;
      if (!/[\u0300-\u036F]/.test(ch)) lastLetter = ch;
    }
  }
  bare = bare.normalize('NFC');
  if (!/^[a-zđăâêôơư]+$/u.test(bare)) return false;
  const stopFinal = /(c|ch|p|t)$/.test(bare);
  if (stopFinal && (tone === null || !STOP_TONES.has(tone))) return false;
  for (const initial of INITIALS) {
    if (!bare.startsWith(initial)) continue;
    const rhyme = bare.slice(initial.length);
    if (RHYMES.has(rhyme) || (initial === 'qu' && QU_RHYMES.has(rhyme))) return true;
  }
  return false;
}
