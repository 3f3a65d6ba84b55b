/// <reference path="../types/worker-bindings-node.d.ts" />
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { encodeBody } from '../shared/request-body.ts';
import { type GnbvClient, gnbvClient } from '../worker/client.ts';

export class NetworkProblem extends Error {
  override name = 'NetworkProblem';
}

/** Loopback: the local Worker of `npm start` uses a self-signed certificate; nothing leaves the machine. */
function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
}

export interface TransportOptions {
  timeoutMs?: number;
  /** false: a JSON body as is (the small routes read plain JSON only; submissions take gzip). */
  gzip?: boolean;
}

/** Statuses whose answer has no body (the Response constructor refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * The CLI's transport under the typed client: node:http(s) (a self-signed certificate accepted on
 * loopback only), one time limit, JSON bodies sent gzip-compressed as the task pane and the upload
 * page send them. A request that got no answer is a NetworkProblem.
 */
function nodeFetch(options: TransportOptions): typeof fetch {
  return async function cliFetch(input, init = {}) {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers: Record<string, string> = Object.fromEntries(new Headers(init.headers).entries());
    let body: Buffer | undefined;
    if (typeof init.body === 'string') {
      const encoded = options.gzip === false ? { body: new TextEncoder().encode(init.body).buffer as ArrayBuffer, gzip: false } : await encodeBody(init.body);
      body = Buffer.from(encoded.body);
      headers['content-type'] ??= 'application/json';
      if (encoded.gzip) headers['content-encoding'] = 'gzip';
      headers['content-length'] = String(body.byteLength);
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Response>((resolve, reject) => {
      const req = send(
        url,
        {
          method: init.method ?? 'GET',
          headers,
          timeout: options.timeoutMs ?? 120_000,
          ...(url.protocol === 'https:' && isLoopback(url) ? { rejectUnauthorized: false } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            const answerHeaders = new Headers();
            for (const [name, value] of Object.entries(res.headers)) {
              for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) answerHeaders.append(name, v);
            }
            resolve(new Response(NO_BODY.has(status) ? null : Buffer.concat(chunks), { status, headers: answerHeaders }));
          });
          res.on('error', (e) => reject(new NetworkProblem(e.message)));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (e) => reject(new NetworkProblem(e.message)));
      if (body) req.write(body);
      req.end();
    });
  };
}

/** The typed API client with the officer's token, over the CLI's transport. */
export function apiClient(server: string, token: string, options: TransportOptions = {}): GnbvClient {
  return gnbvClient(server, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    fetch: nodeFetch(options),
  });
}

/** The envelope's message, or the status line. */
export async function errorText(answer: Response): Promise<string> {
  try {
    const parsed = JSON.parse(await answer.text()) as { error?: { message?: string } };
    if (parsed.error?.message) return parsed.error.message;
  } catch {
    // not JSON: fall through
  }
  return `HTTP ${answer.status}`;
}
