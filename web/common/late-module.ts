/**
 * The chunks of this page's bundle, by the source file each was built from, as paths from the
 * page's folder ("chunks/read-spreadsheet-HASH.js"): the build puts them in the page
 * (scripts/build-web-page.ts). None outside a built page (a test in Node).
 */
function chunkUrl(source: string): URL | null {
  const data = typeof document === 'undefined' ? null : document.getElementById('gnbv-chunks');
  if (data === null) return null;
  const chunks = JSON.parse(data.textContent ?? '{}') as Record<string, unknown>;
  const path = chunks[source];
  return typeof path === 'string' ? new URL(path, document.baseURI) : null;
}

/**
 * A part of the page fetched when it is first needed (a chunk of the bundle), asked for again after
 * a failed fetch. A browser keeps a failed module fetch for the page's whole life (the HTML module
 * map: Chromium 150 answers the same import with the same error and makes no request), so a retry
 * asks for the chunk's own URL with `#retry-N`: another module to the browser, which fetches it
 * (the server and its cache see the same URL). Its imports
 * are the bundle's usual chunks, shared with the rest of the page.
 *
 * `first` is the bundler's `import('…')` of `source` (the file's path from the repository root):
 * the literal import is what makes the chunk.
 */
export function lateModule<T>(source: string, first: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  let failures = 0;
  const retry = (): Promise<T> => {
    const url = chunkUrl(source);
    if (url === null) return first(); // the import as written
    url.hash = `retry-${failures}`;
    return import(/* a chunk of this bundle, by its URL */ url.href) as Promise<T>;
  };
  return () => {
    loading ??= (failures === 0 ? first() : retry()).catch((e: unknown) => {
      loading = null; // the next call asks again
      failures++;
      throw e;
    });
    return loading;
  };
}
