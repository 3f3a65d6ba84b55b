import { unzipSync } from 'fflate';
import type { Grid } from '../grid/grid.ts';
import { isXlsxPackage, parseXlsx } from './parse-xlsx.ts';

/** Why a file could not be read; the CLI and the web page turn it into one clear line. */
export type UnreadableReason = 'legacy-xls' | 'encrypted' | 'not-xlsx' | 'damaged' | 'empty';

export class UnreadableWorkbook extends Error {
  constructor(readonly reason: UnreadableReason, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'UnreadableWorkbook';
  }
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** "EncryptedPackage" as UTF-16LE: the stream an encrypted .xlsx keeps inside its OLE container. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = [...text].flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function classify(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new UnreadableWorkbook('empty');
  if (startsWith(bytes, CFB_MAGIC)) {
    throw new UnreadableWorkbook(containsUtf16(bytes, 'EncryptedPackage') ? 'encrypted' : 'legacy-xls');
  }
  if (!startsWith(bytes, [0x50, 0x4b])) throw new UnreadableWorkbook('not-xlsx');
}

/** Read an .xlsx file's bytes into one grid per worksheet (in workbook order). */
export async function readXlsx(data: Uint8Array | ArrayBuffer): Promise<Grid[]> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  classify(bytes);
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes);
  } catch (cause) {
    throw new UnreadableWorkbook('damaged', { cause });
  }
  if (!isXlsxPackage(parts)) throw new UnreadableWorkbook('not-xlsx');
  try {
    return parseXlsx(parts);
  } catch (cause) {
    throw new UnreadableWorkbook('damaged', { cause });
  }
}
