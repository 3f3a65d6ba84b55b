/** The part of a stream the progress line uses (process.stderr, or a stand-in in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  show(done: number, file: string): void;
  clear(): void;
}

const SILENT: Progress = { show: () => undefined, clear: () => undefined };
const CLEAR_LINE = '\r\u001b[K';

/**
 * "[3/120] reports/x.xlsx", rewritten in place on a terminal while a folder is checked. Nothing
 * when the stream is a file or a pipe: a log would fill with carriage returns.
 */
export function progressLine(stream: ProgressStream, total: number): Progress {
  if (!stream.isTTY || total <= 1) return SILENT;
  // A line wider than the terminal wraps, and \r only goes back to the start of the last part;
  // a terminal that gives no size (0) is taken as 80 wide.
  const width = Math.max(20, (stream.columns || 80) - 1);
  let showing = false;
  return {
    show(done, file) {
      const counter = `[${done}/${total}] `;
      const room = Math.max(1, width - counter.length);
      // The end of a long path is kept: it is the file's name.
      stream.write(CLEAR_LINE + counter + (file.length > room ? `…${file.slice(file.length - room + 1)}` : file));
      showing = true;
    },
    clear() {
      if (showing) stream.write(CLEAR_LINE);
      showing = false;
    },
  };
}
