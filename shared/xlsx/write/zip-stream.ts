/** Text is handed to the compressor in pieces of up to this many bytes. */
const BUFFER_BYTES = 64 * 1024;
const encoder = new TextEncoder();

/** The zip format's 32-bit fields; zip64 is not written (a district workbook is far below 4 GB). */
const MAX_32 = 0xffff_ffff;
const GZIP_HEADER = 10;
const GZIP_TRAILER = 8;
/** 2.0: the version needed to extract, and the version made by (MS-DOS, 2.0). */
const VERSION = 20;

/**
 * The 10 bytes every local header (at 4) and central directory record (at 6) of the archive share:
 * the version needed, the flags (bit 3: sizes and CRC follow the data, in a data descriptor; bit
 * 11: names are UTF-8), the method (8: deflate) and the DOS time and date of `mtime`.
 */
function sharedFields(mtime: Date): Uint8Array {
  // DOS timestamps cover 1980–2099.
  const year = mtime.getFullYear();
  const d = year < 1980 || year > 2099 ? new Date(1980, 0, 1) : mtime;
  const fields = new Uint8Array(10);
  const v = new DataView(fields.buffer);
  v.setUint16(0, VERSION, true);
  v.setUint16(2, 0x0808, true);
  v.setUint16(4, 8, true);
  v.setUint16(6, (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >>> 1), true);
  v.setUint16(8, ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(), true);
  return fields;
}

function tooLarge(path: string): Error {
  return new Error(`zip: phần ${path} vượt quá 4 GB, không ghi được (zip64 chưa hỗ trợ) / entry ${path} exceeds 4 GB (zip64 is not supported)`);
}

/**
 * A zip archive written entry by entry, deflated by the platform's native
 * `CompressionStream('gzip')` (workerd and Node): the 10-byte gzip header is dropped, the 8-byte
 * trailer gives the CRC-32 and the size for the entry's data descriptor, and the archive's
 * framing (local headers, data descriptors, central directory) is written here. Compressed output
 * collects in a queue that the caller drains (`take`) between pages, so nothing but the pieces of
 * text not yet compressed and the compressor's window is held.
 */
export class ZipStream {
  private queue: Uint8Array[] = [];
  private failure: unknown = null;
  private readonly shared: Uint8Array;
  /** Entries are compressed one after another: each one's output follows the previous one's. */
  private tail: Promise<void> = Promise.resolve();
  private current: ZipEntry | null = null;
  private offset = 0;
  /** Each entry's central directory record, written once its data is: the directory is these, in order. */
  private readonly records: Uint8Array[] = [];
  private ended = false;

  constructor(mtime: Date) {
    this.shared = sharedFields(mtime);
  }

  /** Start an entry; write its text with `write`, finish with `close`. One entry at a time. */
  entry(path: string): ZipEntry {
    if (this.ended) throw new Error('zip: the archive is already ended');
    if (this.current !== null && !this.current.closed) throw new Error(`zip: entry ${path} opened before the previous one was closed`);
    const entry = new ZipEntry(path, (error) => this.fail(error));
    this.current = entry;
    this.tail = this.tail.then(() => (this.failure === null ? this.drain(entry) : undefined)).catch((error: unknown) => this.fail(error));
    return entry;
  }

  /** A whole small entry. */
  file(path: string, text: string): void {
    const e = this.entry(path);
    e.write(text);
    e.close();
  }

  /**
   * Compressed bytes produced so far. Waits until the compressor has taken the text written so far
   * (and, after `end`, until the archive is complete), so the text waiting to be compressed never
   * grows past what was written between two calls.
   */
  async take(): Promise<Uint8Array[]> {
    if (this.ended || this.current === null || this.current.closed) await this.tail;
    else await this.current.settled();
    if (this.failure !== null) throw this.failure;
    const out = this.queue;
    this.queue = [];
    return out;
  }

  /** Closes the archive: the central directory follows the last entry. */
  end(): void {
    if (this.ended) return;
    if (this.current !== null && !this.current.closed) throw new Error('zip: end() with an entry still open');
    this.ended = true;
    this.tail = this.tail.then(() => this.directory()).catch((error: unknown) => this.fail(error));
  }

  private fail(error: unknown): void {
    this.failure ??= error;
  }

  private push(bytes: Uint8Array): void {
    this.queue.push(bytes);
    this.offset += bytes.length;
  }

  private async drain(entry: ZipEntry): Promise<void> {
    const name = encoder.encode(entry.path);
    const offset = this.offset;
    if (offset > MAX_32) throw tooLarge(entry.path);
    const local = new Uint8Array(30 + name.length);
    const v = new DataView(local.buffer);
    v.setUint32(0, 0x04034b50, true);
    local.set(this.shared, 4);
    // CRC and sizes (14–25) stay 0: they are in the data descriptor.
    v.setUint16(26, name.length, true);
    local.set(name, 30);
    this.push(local);

    const reader = entry.readable.getReader();
    let headerLeft = GZIP_HEADER;
    let held: Uint8Array = new Uint8Array(0); // the last 8 bytes seen: the trailer, once the stream ends
    let compressed = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let chunk = value;
      if (headerLeft > 0) {
        const skip = Math.min(headerLeft, chunk.length);
        if (headerLeft === GZIP_HEADER && chunk.length > 3 && chunk[3] !== 0) throw new Error('zip: unexpected gzip header flags');
        headerLeft -= skip;
        chunk = chunk.subarray(skip);
      }
      if (chunk.length === 0) continue;
      if (chunk.length >= GZIP_TRAILER) {
        if (held.length > 0) {
          this.push(held);
          compressed += held.length;
        }
        const body = chunk.subarray(0, chunk.length - GZIP_TRAILER);
        if (body.length > 0) {
          this.push(body);
          compressed += body.length;
        }
        held = chunk.subarray(chunk.length - GZIP_TRAILER);
      } else {
        const joined = new Uint8Array(held.length + chunk.length);
        joined.set(held);
        joined.set(chunk, held.length);
        const out = joined.length - GZIP_TRAILER;
        if (out > 0) {
          this.push(joined.subarray(0, out));
          compressed += out;
        }
        held = joined.subarray(Math.max(0, out));
      }
    }
    if (held.length !== GZIP_TRAILER) throw new Error(`zip: the compressed stream of ${entry.path} ended early`);
    const trailer = new DataView(held.buffer, held.byteOffset, GZIP_TRAILER);
    const crc = trailer.getUint32(0, true);
    const size = entry.size;
    if (size > MAX_32 || compressed > MAX_32) throw tooLarge(entry.path);
    if (trailer.getUint32(4, true) !== size) throw new Error(`zip: the compressed size of ${entry.path} does not match the text written`);

    const descriptor = new Uint8Array(16);
    const d = new DataView(descriptor.buffer);
    d.setUint32(0, 0x08074b50, true);
    d.setUint32(4, crc, true);
    d.setUint32(8, compressed, true);
    d.setUint32(12, size, true);
    this.push(descriptor);

    const record = new Uint8Array(46 + name.length);
    const r = new DataView(record.buffer);
    r.setUint32(0, 0x02014b50, true);
    r.setUint16(4, VERSION, true);
    record.set(this.shared, 6);
    r.setUint32(16, crc, true);
    r.setUint32(20, compressed, true);
    r.setUint32(24, size, true);
    r.setUint16(28, name.length, true);
    // Extra, comment, disk, attributes (30–41): 0.
    r.setUint32(42, offset, true);
    record.set(name, 46);
    this.records.push(record);
  }

  private directory(): void {
    if (this.failure !== null) return;
    const start = this.offset;
    for (const record of this.records) this.push(record);
    const size = this.offset - start;
    if (start > MAX_32 || this.records.length > 0xffff) throw tooLarge('central directory');
    const end = new Uint8Array(22);
    const v = new DataView(end.buffer);
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, this.records.length, true);
    v.setUint16(10, this.records.length, true);
    v.setUint32(12, size, true);
    v.setUint32(16, start, true);
    this.push(end);
  }
}

export class ZipEntry {
  // Text is encoded straight into this buffer (encodeInto), which is then handed to the compressor
  // whole and replaced: no joining of large strings, no copy.
  private buffer = new Uint8Array(BUFFER_BYTES);
  private used = 0;
  /** Bytes of text written. */
  size = 0;
  closed = false;
  readonly readable: ReadableStream<Uint8Array>;
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  private last: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly fail: (error: unknown) => void,
  ) {
    const stream = new CompressionStream('gzip');
    this.readable = stream.readable as ReadableStream<Uint8Array>;
    this.writer = stream.writable.getWriter() as WritableStreamDefaultWriter<Uint8Array>;
  }

  write(text: string): void {
    if (text.length === 0) return;
    if (this.closed) throw new Error(`zip: entry ${this.path} is closed`);
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (text.length * 3 > this.buffer.length - this.used) this.flush();
    if (text.length * 3 > this.buffer.length) {
      this.send(encoder.encode(text));
      return;
    }
    this.used += encoder.encodeInto(text, this.buffer.subarray(this.used)).written;
  }

  /** Markup or digits known to be ASCII, written byte by byte: no string or view is allocated. */
  ascii(text: string): void {
    const n = text.length;
    if (n > this.room(n)) {
      this.write(text);
      return;
    }
    const buffer = this.buffer;
    let at = this.used;
    for (let i = 0; i < n; i++) buffer[at++] = text.charCodeAt(i);
    this.used = at;
  }

  /** Text as UTF-8, encoded byte by byte as TextEncoder would (a lone surrogate as U+FFFD). */
  utf8(text: string): void {
    const n = text.length;
    if (n * 3 > this.room(n * 3)) {
      this.write(text);
      return;
    }
    const buffer = this.buffer;
    let at = this.used;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        buffer[at++] = c;
        continue;
      }
      if (c < 0x800) {
        buffer[at++] = 0xc0 | (c >> 6);
        buffer[at++] = 0x80 | (c & 0x3f);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          buffer[at++] = 0xf0 | (c >> 18);
          buffer[at++] = 0x80 | ((c >> 12) & 0x3f);
          buffer[at++] = 0x80 | ((c >> 6) & 0x3f);
          buffer[at++] = 0x80 | (c & 0x3f);
          continue;
        }
        c = 0xfffd;
      }
      buffer[at++] = 0xe0 | (c >> 12);
      buffer[at++] = 0x80 | ((c >> 6) & 0x3f);
      buffer[at++] = 0x80 | (c & 0x3f);
    }
    this.used = at;
  }

  /** Small pieces encoded once (a column's cell prefix): copied into the buffer. */
  raw(piece: Uint8Array): void {
    if (piece.length > this.room(piece.length)) {
      this.bytes(piece);
      return;
    }
    this.buffer.set(piece, this.used);
    this.used += piece.length;
  }

  /** A non-negative integer below 2^53 in decimal, as `${n}` writes it. */
  uint(n: number): void {
    this.room(16);
    const buffer = this.buffer;
    let digits = 1;
    for (let p = 10; p <= n; p *= 10) digits++;
    let at = this.used + digits;
    this.used = at;
    do {
      const q = Math.floor(n / 10);
      buffer[--at] = 48 + (n - q * 10);
      n = q;
    } while (n > 0);
  }

  /** Bytes already encoded (the bench's zip floor): handed on in pieces of the buffer's size, without copying. */
  bytes(data: Uint8Array): void {
    if (this.closed) throw new Error(`zip: entry ${this.path} is closed`);
    this.flush();
    for (let at = 0; at < data.length; at += BUFFER_BYTES) this.send(data.subarray(at, at + BUFFER_BYTES));
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.last = this.writer.close().catch(this.fail);
  }

  /** Resolves once the compressor has taken everything written so far. */
  settled(): Promise<void> {
    return this.last;
  }

  /** Free bytes in the buffer after making room for `n` (the full part handed on first when `n` does not fit). */
  private room(n: number): number {
    if (this.closed) throw new Error(`zip: entry ${this.path} is closed`);
    if (n > this.buffer.length - this.used) this.flush();
    return this.buffer.length - this.used;
  }

  private flush(): void {
    if (this.used === 0) return;
    const full = this.buffer.subarray(0, this.used);
    this.buffer = new Uint8Array(BUFFER_BYTES);
    this.used = 0;
    this.send(full);
  }

  private send(bytes: Uint8Array): void {
    this.size += bytes.length;
    this.last = this.writer.write(bytes).catch(this.fail);
  }
}
