import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/** Writes a stream's bytes to a file as the reader takes them (waiting on the file's drain), and closes it. */
export async function writeStreamToFile(stream: ReadableStream<Uint8Array>, out: string): Promise<void> {
  const file = createWriteStream(out);
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!file.write(value)) await once(file, 'drain');
  }
  file.end();
  await once(file, 'finish');
}
