import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { encodeBody } from '../shared/request-body.ts';

/** What came back from the server. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export class NetworkProblem extends Error {
  override name = 'NetworkProblem';
}

/** Loopback: the local Worker of `npm start` uses a self-signed certificate; nothing leaves the machine. */
function isLoopback(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
}

export interface RequestOptions {
  method: 'GET' | 'POST';
  token: string;
  json?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** false: the JSON body as is (the small routes read plain JSON only; submissions take gzip). */
  gzip?: boolean;
}

/** One request to the GNBV API with the officer's token; JSON bodies are sent gzip-compressed, as the task pane and the upload page send them. */
export async function apiRequest(server: string, path: string, options: RequestOptions): Promise<HttpAnswer> {
  const url = new URL(path, server);
  const text = options.json === undefined ? undefined : JSON.stringify(options.json);
  const encoded =
    text === undefined ? undefined : options.gzip === false ? { body: new TextEncoder().encode(text).buffer as ArrayBuffer, gzip: false } : await encodeBody(text);
  const body = encoded === undefined ? undefined : Buffer.from(encoded.body);
  const headers: Record<string, string> = {
    Authorization: `Bearer ${options.token}`,
    Accept: 'application/json',
    ...options.headers,
  };
  if (body) {
    headers['Content-Type'] = 'application/json';
    if (encoded?.gzip) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = String(body.byteLength);
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: options.method,
        headers,
        timeout: options.timeoutMs ?? 120_000,
        ...(url.protocol === 'https:' && isLoopback(url) ? { rejectUnauthorized: false } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', (e) => reject(new NetworkProblem(e.message)));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => reject(new NetworkProblem(e.message)));
    if (body) req.write(body);
    req.end();
  });
}

/** The envelope's message, or the status line. */
export function errorText(answer: HttpAnswer): string {
  try {
    const parsed = JSON.parse(answer.body.toString('utf8')) as { error?: { message?: string } };
    if (parsed.error?.message) return parsed.error.message;
  } catch {
    // not JSON: fall through
  }
  return `HTTP ${answer.status}`;
}
