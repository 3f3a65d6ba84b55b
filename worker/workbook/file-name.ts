import type { WorkbookLayout } from '../../shared/api.ts';
import type { Period } from '../../shared/periods.ts';

/** The download's names: an ASCII file name, and the Vietnamese one carried by RFC 5987's `filename*`. */

export const WORKBOOK_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;
const NOT_IN_FILE_NAMES = /[\\/:*?"<>|]/g;

/** What the name says of the layout: nothing for GNBV's own, "theo mẫu biểu rà soát" for the official forms'. */
const LAYOUT_WORDS: Readonly<Record<WorkbookLayout, string>> = { gnbv: '', official: ' theo mẫu biểu rà soát' };

/** "Tổng hợp GNBV - Thọ Xuân - 2024-Y.xlsx", "Tổng hợp GNBV theo mẫu biểu rà soát - Thọ Xuân - 2024-Y.xlsx": the name as an officer reads it. */
export function workbookDisplayName(regionName: string, period: Period, layout: WorkbookLayout = 'gnbv'): string {
  const clean = (s: string): string =>
    s.normalize('NFC').replace(CONTROL, '').replace(NOT_IN_FILE_NAMES, '-').replace(/\s+/g, ' ').trim();
  const region = clean(regionName);
  return `Tổng hợp GNBV${LAYOUT_WORDS[layout]}${region ? ` - ${region}` : ''} - ${clean(period)}.xlsx`;
}

function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "Tong-hop-GNBV-Tho-Xuan-2024-Y.xlsx": safe on every file system and in a plain `filename=`. */
export function workbookFileName(regionName: string, period: Period, layout: WorkbookLayout = 'gnbv'): string {
  const region = ascii(regionName);
  const words = ascii(LAYOUT_WORDS[layout]);
  return `Tong-hop-GNBV${words ? `-${words}` : ''}${region ? `-${region}` : ''}-${ascii(period)}.xlsx`;
}

/** RFC 5987 value-chars: percent-encode all but attr-char (encodeURIComponent leaves ' ( ) * unencoded). */
function rfc5987(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Content-Disposition for the download: the ASCII name, and the Vietnamese one for clients that read `filename*`. */
export function contentDisposition(regionName: string, period: Period, layout: WorkbookLayout = 'gnbv'): string {
  return `attachment; filename="${workbookFileName(regionName, period, layout)}"; filename*=UTF-8''${rfc5987(workbookDisplayName(regionName, period, layout))}`;
}
