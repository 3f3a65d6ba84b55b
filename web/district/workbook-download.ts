import type { WorkbookLayout } from '../../shared/api.ts';
import type { Period } from '../../shared/periods.ts';
import { getStream } from '../common/api.ts';

/**
 * GET /api/workbook?period=&layout=&accepted=1 (GNBV's own sheets, or the review forms' with
 * `official`; the accepted reports only unless the officer asks for every report received) read as a stream, so the page can show the bytes received while a
 * large province's workbook arrives (the Worker writes it as it reads D1: no Content-Length), and
 * saved through a Blob link under the server's own file name.
 */

export type { WorkbookLayout };

export interface Workbook {
  period: Period;
  layout: WorkbookLayout;
  /** Only the reports the district accepted (`accepted=1`), the page's default. */
  acceptedOnly: boolean;
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

/** The Worker reads the whole unit's sources before the first byte: for a province that takes a while. */
const WORKBOOK_ANSWER_TIMEOUT_MS = 60_000;

export async function fetchWorkbook(
  token: string,
  period: Period,
  layout: WorkbookLayout,
  acceptedOnly: boolean,
  onProgress: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<Workbook> {
  const chunks: Uint8Array[] = [];
  let received = 0;
  let total: number | null = null;
  let disposition: string | null = null;
  await getStream(
    `/api/workbook?period=${encodeURIComponent(period)}${layout === 'gnbv' ? '' : `&layout=${layout}`}${acceptedOnly ? '&accepted=1' : ''}`,
    token,
    XLSX_TYPE,
    {
      onHeaders(headers) {
        const length = Number(headers.get('Content-Length'));
        total = Number.isFinite(length) && length > 0 ? length : null;
        disposition = headers.get('Content-Disposition');
        onProgress({ received, total });
      },
      onChunk(chunk) {
        chunks.push(chunk);
        received += chunk.byteLength;
        onProgress({ received, total });
      },
    },
    { signal, answerTimeoutMs: WORKBOOK_ANSWER_TIMEOUT_MS },
  );
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  const fallback = layout === 'gnbv' ? `GNBV-${period}.xlsx` : `GNBV-${layout}-${period}.xlsx`;
  return { period, layout, acceptedOnly, bytes, fileName: fileNameFrom(disposition, fallback), receivedAt: new Date().toISOString() };
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
