import { createInflateRaw } from 'node:zlib';

/** The zip's central directory, read directly (cheap on a large file: no entry is inflated). */
export interface ZipEntryInfo {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's compressed data. */
  dataOffset: number;
}

export function zipEntries(buf: Uint8Array): ZipEntryInfo[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  const entries: ZipEntryInfo[] = [];
  for (let n = 0; n < count; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`bad central directory entry ${n}`);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(buf.subarray(at + 46, at + 46 + nameLength));
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const dataOffset = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    entries.push({ name, method, crc, compressedSize, size, dataOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Occurrences of a needle in an entry's inflated bytes, inflated as a stream (native zlib) and never held whole. */
export async function countInEntry(buf: Uint8Array, entry: ZipEntryInfo, needle: string): Promise<{ count: number; bytes: number }> {
  const pattern = Buffer.from(needle, 'utf8');
  let count = 0;
  let bytes = 0;
  let carry = Buffer.alloc(0);
  const inflate = createInflateRaw();
  inflate.end(buf.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize));
  for await (const chunk of inflate as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    const data = Buffer.concat([carry, chunk]);
    for (let i = data.indexOf(pattern); i >= 0; i = data.indexOf(pattern, i + 1)) count++;
    carry = data.subarray(Math.max(0, data.length - (pattern.length - 1)));
  }
  return { count, bytes };
}
