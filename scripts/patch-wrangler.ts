import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `postinstall`: a fix to `wrangler dev`'s request proxy, until the project can move to a wrangler
 * that has it (those need Node 22; the project runs on Node 20).
 *
 * wrangler dev passes every request through its ProxyWorker to the Worker, which runs in a second
 * workerd. That hop reuses keep-alive connections, and now and then a reused one turns out to be
 * closed: both workerd sides drop a connection idle for 5 s, and a request sent at that moment fails
 * with "Network connection lost.". wrangler 4.86.0 then compares the request's whole URL with the
 * Worker's base URL, finds them different, takes the failure for a Worker being reloaded, and parks
 * a GET until the next reload or the next request: a page waiting for it waits forever (the browser
 * tests' "the plan never loaded"). Fixed upstream by cloudflare/workers-sdk#14593 (compare origins)
 * and #15252 (send a GET or HEAD again on a fresh connection); this does the same in 4.86.0: a GET
 * or HEAD to the same Worker is sent once more at once, and if that fails too the request fails
 * (the page says so) instead of waiting. Other requests keep wrangler's own handling.
 */

const PATCHED_VERSION = '4.86.0';
const MARKER = 'GNBV patch (scripts/patch-wrangler.ts)';

const ORIGINAL = `      }).catch((error) => {
        const newUserWorkerUrl = this.proxyData && urlFromParts(this.proxyData.userWorkerUrl);
        if (userWorkerUrl.href === newUserWorkerUrl?.href) {`;

const PATCHED = `      }).catch((error) => {
        const newUserWorkerUrl = this.proxyData && urlFromParts(this.proxyData.userWorkerUrl);
        // ${MARKER}: a GET or HEAD that lost its connection to the same Worker is sent once
        // more at once; a second failure fails the request rather than parking it forever.
        if ((request.method === "GET" || request.method === "HEAD") && userWorkerUrl.origin === newUserWorkerUrl?.origin) {
          if (gnbvSentAgain.has(request)) {
            deferredResponse.reject(error);
          } else {
            gnbvSentAgain.add(request);
            this.requestRetryQueue.set(request, deferredResponse);
            this.processQueue();
          }
          return;
        }
        if (userWorkerUrl.href === newUserWorkerUrl?.href) {`;

const ANCHOR = '// templates/startDevWorker/ProxyWorker.ts';

const require = createRequire(import.meta.url);

function wrangler(): { version: string; proxyWorker: string } {
  const dir = dirname(require.resolve('wrangler/package.json'));
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return { version, proxyWorker: join(dir, 'wrangler-dist', 'ProxyWorker.js') };
}

/** Whether wrangler dev's proxy sends a GET again after a lost connection: patched here, or fixed upstream. */
export function proxyRetriesLostGets(): boolean {
  const source = readFileSync(wrangler().proxyWorker, 'utf8');
  return source.includes(MARKER) || source.includes('isSameUserWorkerOrigin(');
}

/** Applies the patch to the installed wrangler; says what it did. */
export function patchWrangler(): string {
  const { version, proxyWorker } = wrangler();
  const source = readFileSync(proxyWorker, 'utf8');
  if (source.includes(MARKER)) return `wrangler ${version}: the dev proxy patch is in place`;
  if (version !== PATCHED_VERSION || !source.includes(ORIGINAL) || !source.includes(ANCHOR)) {
    return proxyRetriesLostGets()
      ? `wrangler ${version} has the dev proxy fix: scripts/patch-wrangler.ts is no longer needed`
      : `wrangler ${version} is not ${PATCHED_VERSION}: the dev proxy patch was not applied (see scripts/patch-wrangler.ts)`;
  }
  const patched = source
    .replace(ORIGINAL, PATCHED)
    .replace(ANCHOR, `// ${MARKER}: the requests already sent once more.\nvar gnbvSentAgain = new WeakSet();\n\n${ANCHOR}`);
  writeFileSync(proxyWorker, patched, 'utf8');
  return `wrangler ${version}: patched the dev proxy (lost GET/HEAD requests are sent once more)`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  console.log(patchWrangler());
}
