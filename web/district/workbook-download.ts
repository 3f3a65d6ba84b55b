import type { Period } from '../../shared/periods.ts';
import { ApiFailure, failureOf, request } from './api.ts';

/**
 * GET /api/workbook?period= read as a stream, so the page can show the bytes received while a
 * large province's workbook arrives (the Worker writes it as it reads D1: no Content-Length), and
 * saved through a Blob link under the server's own file name.
 */

export interface Workbook {
  period: Period;
  bytes: Uint8Array;
  fileName: string;
  /** When the page received it (ISO). */
  receivedAt: string;
}

export interface Progress {
  received: number;
  /** Content-Length when the server sends one. */
  total: number | null;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The name from Content-Disposition: RFC 5987's filename* (UTF-8) first, then filename, else a fallback. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (disposition === null) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return clean(decodeURIComponent(star[1].trim()), fallback);
    } catch {
      /* malformed escapes: try the plain name */
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(disposition);
  return clean((plain?.[1] ?? plain?.[2] ?? '').trim(), fallback);
}

/** No path, no control characters: a name for the Downloads folder, never a place. */
function clean(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const safe = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return safe === '' || safe === '.' || safe === '..' ? fallback : safe;
}

export async function fetchWorkbook(token: string, period: Period, onProgress: (p: Progress) => void, signal?: AbortSignal): Promise<Workbook> {
  const res = await request(`/api/workbook?period=${encodeURIComponent(period)}`, token, XLSX_TYPE, signal);
  if (!res.ok) {
    let text = '';
    try {
      text = await res.text();
    } catch {
      /* the envelope is lost; the status is enough */
    }
    throw failureOf(res, text);
  }
  const length = Number(res.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress({ received, total });
  const body = res.body;
  if (body === null) throw new ApiFailure('bad-answer', res.status);
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress({ received, total });
    }
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw new ApiFailure('aborted', null);
    throw new ApiFailure('network', null);
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  const fileName = fileNameFrom(res.headers.get('Content-Disposition'), `GNBV-${period}.xlsx`);
  return { period, bytes, fileName, receivedAt: new Date().toISOString() };
}

/** Saves the bytes as a file: a Blob URL on a temporary link, revoked once the browser has it. */
export function saveWorkbook(workbook: Workbook): void {
  const blob = new Blob([workbook.bytes as BlobPart], { type: XLSX_TYPE });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = workbook.fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
