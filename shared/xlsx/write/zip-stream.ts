import { Zip, ZipDeflate } from 'fflate';

/** Text is handed to the deflater in pieces of up to this many bytes. */
const BUFFER_BYTES = 128 * 1024;
// Level 3: about 15 % larger than level 6 and a quarter less deflate time; a Worker is limited by CPU time.
const DEFLATE_LEVEL = 3;
const encoder = new TextEncoder();

/**
 * A zip archive written entry by entry over fflate's streaming `Zip`: compressed output collects
 * in a queue that the caller drains (`take`) between pages, so nothing but the current piece of
 * text and the deflater's window is held.
 */
export class ZipStream {
  private readonly zip: Zip;
  private queue: Uint8Array[] = [];
  private failure: Error | null = null;
  private readonly mtime: Date;

  constructor(mtime: Date) {
    // DOS timestamps cover 1980–2099.
    const year = mtime.getFullYear();
    this.mtime = year < 1980 || year > 2099 ? new Date(1980, 0, 1) : mtime;
    this.zip = new Zip((err, data, _final) => {
      if (err) this.failure = err;
      else if (data.length > 0) this.queue.push(data);
    });
  }

  /** Start an entry; write its text with `write`, finish with `close`. One entry at a time. */
  entry(path: string): ZipEntry {
    const file = new ZipDeflate(path, { level: DEFLATE_LEVEL });
    file.mtime = this.mtime;
    this.zip.add(file);
    return new ZipEntry(file);
  }

  /** A whole small entry. */
  file(path: string, text: string): void {
    const e = this.entry(path);
    e.write(text);
    e.close();
  }

  /** Compressed bytes produced so far. */
  take(): Uint8Array[] {
    if (this.failure) throw this.failure;
    const out = this.queue;
    this.queue = [];
    return out;
  }

  end(): void {
    this.zip.end();
  }
}

export class ZipEntry {
  // Text is encoded straight into this buffer (encodeInto): much cheaper than joining and encoding large strings.
  private readonly buffer = new Uint8Array(BUFFER_BYTES);
  private used = 0;

  constructor(private readonly file: ZipDeflate) {}

  write(text: string): void {
    if (text.length === 0) return;
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (text.length * 3 > this.buffer.length - this.used) this.flush(false);
    if (text.length * 3 > this.buffer.length) {
      this.file.push(encoder.encode(text), false);
      return;
    }
    this.used += encoder.encodeInto(text, this.buffer.subarray(this.used)).written;
  }

  close(): void {
    this.flush(true);
  }

  private flush(final: boolean): void {
    if (this.used === 0 && !final) return;
    // A copy: the deflater may keep what it is given.
    this.file.push(this.buffer.slice(0, this.used), final);
    this.used = 0;
  }
}
