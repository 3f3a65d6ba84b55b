import { writeFile } from 'node:fs/promises';
import { WorkbookLayout } from '../shared/api.ts';
import { Period } from '../shared/periods.ts';
import { parseArgs, UsageError } from './args.ts';
import { NetworkProblem, apiClient, errorText } from './http.ts';

export const WORKBOOK_USAGE = 'gnbv workbook --period 2024-Y --server https://HOST --token TOKEN --out FILE.xlsx [--layout official] [--accepted]';

/**
 * `gnbv workbook`: downloads the district's merged workbook for a period (district token), in GNBV's
 * layout or with `--layout official` the review forms'; with `--accepted` only the reports the
 * district accepted (đã duyệt).
 */
export async function workbookCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parseArgs(argv, ['period', 'server', 'token', 'out', 'layout'], ['accepted']);
  if (args.positional.length > 0) throw new UsageError(WORKBOOK_USAGE);
  const get = (name: string): string => {
    const v = args.flags.get(name);
    if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`Thiếu --${name}. ${WORKBOOK_USAGE}`);
    return v.trim();
  };
  const period = Period.safeParse(get('period'));
  if (!period.success) throw new UsageError('--period phải có dạng 2024-Q1 … 2024-Q4, 2024-H1 hoặc 2024-Y');
  const layout = WorkbookLayout.safeParse(args.flags.get('layout') ?? 'gnbv');
  if (!layout.success) throw new UsageError('--layout phải là gnbv (mặc định) hoặc official (theo mẫu biểu rà soát) / --layout is gnbv or official');
  const server = get('server');
  const token = get('token');
  const file = get('out');
  try {
    const answer = await apiClient(server, token, { timeoutMs: 600_000 }).api.workbook.$get({
      query: { period: period.data, ...(layout.data === 'gnbv' ? {} : { layout: layout.data }), ...(args.flags.has('accepted') ? { accepted: '1' } : {}) },
    });
    if (answer.status !== 200) {
      err(`Máy chủ từ chối: ${await errorText(answer)}`);
      return 2;
    }
    const bytes = new Uint8Array(await answer.arrayBuffer());
    await writeFile(file, bytes);
    out(`Đã lưu ${file} (${(bytes.byteLength / 1024).toFixed(0)} KB). Tệp có dữ liệu cá nhân: giữ cẩn thận. / Saved; it holds personal data.`);
    return 0;
  } catch (e) {
    if (e instanceof NetworkProblem) {
      err(`Không kết nối được máy chủ ${server}: ${e.message}. / Cannot reach the server.`);
      return 2;
    }
    throw e;
  }
}
