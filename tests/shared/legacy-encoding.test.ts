import { describe, it, expect } from 'vitest';
import { detectLegacyEncoding, legacyToUnicode } from '../../shared/text/legacy-encoding.ts';

// ---------------------------------------------------------------------------------------------
// Encoders written independently of the module (inverse of the published code tables), used to
// build legacy strings from real Vietnamese words.

const GRAVE = '\u0300';
const ACUTE = '\u0301';
const TILDE = '\u0303';
const HOOK = '\u0309';
const DOT = '\u0323';
const BREVE = '\u0306';
const CIRCUMFLEX = '\u0302';
const HORN = '\u031B';
const TONES = [GRAVE, HOOK, TILDE, ACUTE, DOT] as const; // TCVN3 column order

/** TCVN 5712:1993 VN3 byte codes per vowel, columns: huyền, hỏi, ngã, sắc, nặng. */
const TCVN3_TONED: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['a', [0xb5, 0xb6, 0xb7, 0xb8, 0xb9]],
  ['ă', [0xbb, 0xbc, 0xbd, 0xbe, 0xc6]],
  ['â', [0xc7, 0xc8, 0xc9, 0xca, 0xcb]],
  ['e', [0xcc, 0xce, 0xcf, 0xd0, 0xd1]],
  ['ê', [0xd2, 0xd3, 0xd4, 0xd5, 0xd6]],
  ['i', [0xd7, 0xd8, 0xdc, 0xdd, 0xde]],
  ['o', [0xdf, 0xe1, 0xe2, 0xe3, 0xe4]],
  ['ô', [0xe5, 0xe6, 0xe7, 0xe8, 0xe9]],
  ['ơ', [0xea, 0xeb, 0xec, 0xed, 0xee]],
  ['u', [0xef, 0xf1, 0xf2, 0xf3, 0xf4]],
  ['ư', [0xf5, 0xf6, 0xf7, 0xf8, 0xf9]],
  ['y', [0xfa, 0xfb, 0xfc, 0xfd, 0xfe]],
];
const TCVN3_PLAIN: ReadonlyArray<readonly [string, number]> = [
  ['Ă', 0xa1], ['Â', 0xa2], ['Ê', 0xa3], ['Ô', 0xa4], ['Ơ', 0xa5], ['Ư', 0xa6], ['Đ', 0xa7],
  ['ă', 0xa8], ['â', 0xa9], ['ê', 0xaa], ['ô', 0xab], ['ơ', 0xac], ['ư', 0xad], ['đ', 0xae],
];

const TCVN3_ENCODE = new Map<string, string>();
for (const [vowel, codes] of TCVN3_TONED) {
  codes.forEach((code, i) => {
    TCVN3_ENCODE.set((vowel.normalize('NFD') + TONES[i]).normalize('NFC'), String.fromCharCode(code));
  });
}
for (const [letter, code] of TCVN3_PLAIN) TCVN3_ENCODE.set(letter, String.fromCharCode(code));

function encodeTcvn3(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = TCVN3_ENCODE.get(ch);
    if (code !== undefined) out += code;
    else if (ch <= '\u007F') out += ch;
    else throw new Error(`TCVN3 cannot encode ${ch}`);
  }
  return out;
}

const VNI_TONE: Readonly<Record<string, string>> = { [ACUTE]: 'ù', [GRAVE]: 'ø', [HOOK]: 'û', [TILDE]: 'õ', [DOT]: 'ï' };
const VNI_CIRCUMFLEX: Readonly<Record<string, string>> = { '': 'â', [ACUTE]: 'á', [GRAVE]: 'à', [HOOK]: 'å', [TILDE]: 'ã', [DOT]: 'ä' };
const VNI_BREVE: Readonly<Record<string, string>> = { '': 'ê', [ACUTE]: 'é', [GRAVE]: 'è', [HOOK]: 'ú', [TILDE]: 'ü', [DOT]: 'ë' };
const VNI_I: Readonly<Record<string, string>> = { '': 'i', [ACUTE]: 'í', [GRAVE]: 'ì', [HOOK]: 'æ', [TILDE]: 'ó', [DOT]: 'ò' };

/** VNI-Windows encoding of one lowercase letter, built from its NFD parts. */
function encodeVniLower(ch: string): string {
  if (ch === 'đ') return 'ñ';
  const parts = [...ch.normalize('NFD')];
  const base = parts[0] ?? '';
  const marks = parts.slice(1);
  if (marks.length === 0 && ch <= '\u007F') return ch;
  const tone = marks.find((m) => VNI_TONE[m] !== undefined) ?? '';
  const pick = (table: Readonly<Record<string, string>>): string => {
    const v = table[tone];
    if (v === undefined) throw new Error(`VNI cannot encode ${ch}`);
    return v;
  };
  if (!/^[aeiouy]$/.test(base)) throw new Error(`VNI cannot encode ${ch}`);
  if (base === 'i') return pick(VNI_I);
  if (base === 'y' && tone === DOT) return 'î';
  if (marks.includes(CIRCUMFLEX)) return base + pick(VNI_CIRCUMFLEX);
  if (marks.includes(BREVE)) return base + pick(VNI_BREVE);
  const toneByte = tone === '' ? '' : pick(VNI_TONE);
  if (marks.includes(HORN)) return (base === 'o' ? 'ô' : 'ö') + toneByte;
  return base + toneByte;
}

function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const lower = ch.toLowerCase();
    const encoded = encodeVniLower(lower);
    out += ch === lower ? encoded : encoded.toUpperCase();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Real words that together use every tone on every vowel, and đ.

const WORDS = [
  'cá', 'bà', 'bảo', 'ngã', 'bạn',
  'thắng', 'bằng', 'chẳng', 'Nẵng', 'mặt', 'Văn', 'Ăn',
  'Tuấn', 'Trần', 'phẩm', 'dẫn', 'vật', 'Âu',
  'bé', 'mèo', 'trẻ', 'vẽ', 'mẹ',
  'tiếng', 'Hiền', 'kể', 'Nguyễn', 'Việt', 'Lê', 'Êm',
  'Chí', 'Bình', 'tỉnh', 'nghĩa', 'Thị',
  'có', 'Lò', 'nhỏ', 'rõ', 'Ngọc',
  'phố', 'Hồ', 'tổng', 'mỗi', 'hộ', 'Ông',
  'mới', 'thời', 'ở', 'vỡ', 'chợ', 'Ơn',
  'Tú', 'Hùng', 'thủ', 'Dũng', 'cụ',
  'thứ', 'từ', 'sử', 'những', 'tự', 'người', 'trường', 'Ưu',
  'Thuý', 'kỳ', 'Thuỷ', 'Mỹ', 'kỵ',
  'Đình', 'đồng', 'quốc', 'giữa', 'khuyết', 'Hằng',
];

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

describe('test word list', () => {
  it('uses every tone mark on every vowel, and đ', () => {
    const letters = new Set([...WORDS.join('').toLowerCase()]);
    const missing: string[] = [];
    for (const v of VOWELS) {
      for (const tone of [ACUTE, GRAVE, HOOK, TILDE, DOT]) {
        const letter = (v.normalize('NFD') + tone).normalize('NFC');
        if (!letters.has(letter)) missing.push(letter);
      }
    }
    if (!letters.has('đ')) missing.push('đ');
    expect(missing).toEqual([]);
  });
});

describe('legacyToUnicode — TCVN3', () => {
  it.each(WORDS)('round-trips %s', (word) => {
    const legacy = encodeTcvn3(word);
    expect(legacyToUnicode(legacy, 'tcvn3')).toBe(word.normalize('NFC'));
  });

  it('round-trips a whole sentence of the words', () => {
    const sentence = WORDS.join(' ');
    expect(legacyToUnicode(encodeTcvn3(sentence), 'tcvn3')).toBe(sentence);
  });

  it('decodes hand-checked pairs', () => {
    expect(legacyToUnicode('Lß V¨n TuÊn', 'tcvn3')).toBe('Lò Văn Tuấn');
    expect(legacyToUnicode('Lª V¨n Dòng', 'tcvn3')).toBe('Lê Văn Dũng');
    expect(legacyToUnicode('NguyÔn ThÞ H»ng', 'tcvn3')).toBe('Nguyễn Thị Hằng');
    expect(legacyToUnicode('TrÇn §×nh Hïng', 'tcvn3')).toBe('Trần Đình Hùng');
    expect(legacyToUnicode('Tr\u00ADêng TiÓu häc', 'tcvn3')).toBe('Trường Tiểu học');
    expect(legacyToUnicode('Th¸i Nguyªn, §µ N½ng', 'tcvn3')).toBe('Thái Nguyên, Đà Nẵng');
  });

  it('returns the lowercase letter for toned capitals TCVN3 lacks (.VnTimeH codes)', () => {
    // In .VnTimeH "NGUYÔN" renders as NGUYỄN; VN3 has no Ễ, so the code means ễ.
    expect(legacyToUnicode('NGUYÔN V¡N TUÊN', 'tcvn3')).toBe('NGUYễN VĂN TUấN');
    expect(legacyToUnicode('§¤NG', 'tcvn3')).toBe('ĐÔNG');
  });

  it('leaves ASCII and unmapped characters alone and returns NFC', () => {
    expect(legacyToUnicode('Nguyen 123 - ABC', 'tcvn3')).toBe('Nguyen 123 - ABC');
    const out = legacyToUnicode('Ngäc', 'tcvn3');
    expect(out).toBe('Ngọc');
    expect(out).toBe(out.normalize('NFC'));
  });
});

describe('legacyToUnicode — VNI', () => {
  it.each(WORDS)('round-trips %s (lower, Capitalised, UPPER)', (word) => {
    for (const form of [word, word.toLowerCase(), word.toUpperCase()]) {
      const legacy = encodeVni(form);
      expect(legacyToUnicode(legacy, 'vni')).toBe(form.normalize('NFC'));
    }
  });

  it('round-trips a whole sentence of the words', () => {
    const sentence = WORDS.join(' ');
    expect(legacyToUnicode(encodeVni(sentence), 'vni')).toBe(sentence);
    expect(legacyToUnicode(encodeVni(sentence.toUpperCase()), 'vni')).toBe(sentence.toUpperCase());
  });

  it('decodes hand-checked pairs', () => {
    expect(legacyToUnicode('Nguyeãn Vaên Tuaán', 'vni')).toBe('Nguyễn Văn Tuấn');
    expect(legacyToUnicode('Traàn Ñình Huøng', 'vni')).toBe('Trần Đình Hùng');
    expect(legacyToUnicode('Thaønh phoá Hoà Chí Minh', 'vni')).toBe('Thành phố Hồ Chí Minh');
    expect(legacyToUnicode('Tröôøng Tieåu hoïc', 'vni')).toBe('Trường Tiểu học');
    expect(legacyToUnicode('Ñaø Naüng', 'vni')).toBe('Đà Nẵng');
    expect(legacyToUnicode('NGUYEÃN THÒ HAÈNG', 'vni')).toBe('NGUYỄN THỊ HẰNG');
    expect(legacyToUnicode('kî', 'vni')).toBe('kỵ');
  });

  it('takes the case of the base letter for mixed-case sequences', () => {
    expect(legacyToUnicode('Aùnh', 'vni')).toBe('Ánh');
    expect(legacyToUnicode('ThaÙnh', 'vni')).toBe('Thánh');
  });

  it('leaves ASCII alone', () => {
    expect(legacyToUnicode('Nguyen Van A, 1990', 'vni')).toBe('Nguyen Van A, 1990');
  });
});

describe('detectLegacyEncoding', () => {
  const TCVN3_SAMPLE = 'Lß V¨n TuÊn';
  const VNI_SAMPLE = 'Nguyeãn Vaên Tuaán';

  it('flags the TCVN3 sample with a .Vn font and without a font', () => {
    expect(detectLegacyEncoding(TCVN3_SAMPLE, '.VnTime')).toBe('tcvn3');
    expect(detectLegacyEncoding(TCVN3_SAMPLE, '.VnTimeH')).toBe('tcvn3');
    expect(detectLegacyEncoding(TCVN3_SAMPLE, '.VnArial')).toBe('tcvn3');
    expect(detectLegacyEncoding(TCVN3_SAMPLE)).toBe('tcvn3');
    expect(detectLegacyEncoding(TCVN3_SAMPLE, null)).toBe('tcvn3');
    expect(detectLegacyEncoding('Lª V¨n Dòng')).toBe('tcvn3');
    expect(detectLegacyEncoding('TrÇn §×nh Hïng')).toBe('tcvn3');
  });

  it('flags the VNI sample with a VNI- font and without a font', () => {
    expect(detectLegacyEncoding(VNI_SAMPLE, 'VNI-Times')).toBe('vni');
    expect(detectLegacyEncoding('Traàn Ñình Huøng', 'VNI-Helve')).toBe('vni');
    expect(detectLegacyEncoding(VNI_SAMPLE)).toBe('vni');
    expect(detectLegacyEncoding('Nguyeãn')).toBe('vni');
    expect(detectLegacyEncoding('Thaønh phoá Hoà Chí Minh')).toBe('vni');
  });

  it('adds up weaker evidence: several words that only use letter-like legacy bytes', () => {
    // Ô Þ (TCVN3) and ö ñ (VNI) are also European letters, so one such word is not enough.
    expect(detectLegacyEncoding('NguyÔn ThÞ Lan')).toBe('tcvn3'); // Nguyễn Thị Lan
    expect(detectLegacyEncoding('Ñinh Höng')).toBe('vni'); // Đinh Hưng
    expect(detectLegacyEncoding('Höng')).toBeNull();
  });

  it('flags every test word sentence in both encodings without a font', () => {
    const sentence = WORDS.join(' ');
    expect(detectLegacyEncoding(encodeTcvn3(sentence))).toBe('tcvn3');
    expect(detectLegacyEncoding(encodeVni(sentence))).toBe('vni');
    expect(detectLegacyEncoding(encodeVni(sentence.toUpperCase()))).toBe('vni');
  });

  it('does not flag Unicode Vietnamese', () => {
    for (const text of ['Lò Văn Tuấn', 'Nguyễn Thị Hằng', 'Trần Đình Hùng', 'Nguyễn Thị Hoà', 'Ðặng Văn Lâm', 'Lê Hoà', 'Châu Tú']) {
      expect(detectLegacyEncoding(text), text).toBeNull();
      expect(detectLegacyEncoding(text.normalize('NFD')), `${text} (NFD)`).toBeNull();
      expect(detectLegacyEncoding(text.toUpperCase()), text.toUpperCase()).toBeNull();
    }
  });

  it('does not flag any test word, precomposed or decomposed, in any case', () => {
    for (const word of WORDS) {
      for (const form of [word, word.toLowerCase(), word.toUpperCase()]) {
        expect(detectLegacyEncoding(form), form).toBeNull();
        expect(detectLegacyEncoding(form.normalize('NFD')), `${form} (NFD)`).toBeNull();
      }
    }
  });

  it('does not flag Unicode text written in a legacy font when it has Unicode-only letters', () => {
    expect(detectLegacyEncoding('Lò Văn Tuấn', '.VnTime')).toBeNull();
    expect(detectLegacyEncoding('Nguyễn Thị Hằng', 'VNI-Times')).toBeNull();
  });

  it('never flags pure ASCII, even in a legacy font', () => {
    expect(detectLegacyEncoding('Nguyen', '.VnTime')).toBeNull();
    expect(detectLegacyEncoding('Nguyen Van A', 'VNI-Times')).toBeNull();
    expect(detectLegacyEncoding('0123456789', '.VnTimeH')).toBeNull();
    expect(detectLegacyEncoding('')).toBeNull();
  });

  it('does not flag French and other European names, symbols or units without a font', () => {
    const texts = [
      'François Hollande', 'Hélène Dubois', 'Noël', 'Zoë', 'Gaël Müller', 'Anaïs', 'Loïc',
      'Benoît', 'Jérôme', 'Chloé', 'Raphaël', 'Héloïse', 'Citroën', 'José Peña', 'João Simões',
      'Jörg Straße', 'Bjørn Dæhlie', 'Raúl', '© 2024 ACME®', '« Bonjour »', '5µm', '½ kg',
    ];
    for (const text of texts) expect(detectLegacyEncoding(text), text).toBeNull();
  });

  it('ignores non-legacy fonts and falls back to patterns', () => {
    expect(detectLegacyEncoding(TCVN3_SAMPLE, 'Times New Roman')).toBe('tcvn3');
    expect(detectLegacyEncoding('Lò Văn Tuấn', 'Times New Roman')).toBeNull();
  });

  it('leaves Unicode text untouched: detection returns null so no conversion is applied', () => {
    const text = 'Nguyễn Thị Hằng';
    const enc = detectLegacyEncoding(text);
    expect(enc).toBeNull();
    expect(enc === null ? text : legacyToUnicode(text, enc)).toBe(text);
  });
});
