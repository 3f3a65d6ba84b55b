import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { PlanResponse, SubmissionReceipt, ValidationFailedEnvelope } from '../shared/api.ts';
import { Period, periodYear } from '../shared/periods.ts';
import { validateWorkbook } from '../shared/validate.ts';
import { vietnamDateTimeText } from '../shared/vietnam-time.ts';
import { parseArgs, UsageError } from './args.ts';
import { FileProblem, readWorkbookFile } from './read-file.ts';
import { NetworkProblem, apiClient, errorText } from './http.ts';
import { printIssues } from './print.ts';
import { readJson } from '../worker/client.ts';

export const SUBMIT_USAGE = 'gnbv submit FILE.xlsx --period 2024-Y --server https://HOST --token TOKEN';

const ATTEMPTS = 4;

function required(flags: Map<string, string | true>, name: string): string {
  const v = flags.get(name);
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`Thiếu --${name}. ${SUBMIT_USAGE}`);
  return v.trim();
}

/**
 * `gnbv submit`: validates locally against the commune's plan from the server first, then sends the
 * whole workbook (gzip, one Idempotency-Key kept across retries, so a dropped connection never
 * makes two versions) and prints the receipt. Exit 0 accepted, 1 errors in the sheets, 2 otherwise.
 */
export async function submitCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parseArgs(argv, ['period', 'server', 'token'], []);
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UsageError(SUBMIT_USAGE);
  const period = Period.safeParse(required(args.flags, 'period'));
  if (!period.success) throw new UsageError('--period phải có dạng 2024-Q1 … 2024-Q4, 2024-H1 hoặc 2024-Y');
  const server = required(args.flags, 'server');
  if (!/^https?:\/\//.test(server)) throw new UsageError('--server phải là địa chỉ https://…');
  const token = required(args.flags, 'token');

  try {
    const grids = await readWorkbookFile(file);
    const api = apiClient(server, token);
    const planAnswer = await api.api.plan.$get({ query: { year: String(periodYear(period.data)) } });
    if (planAnswer.status !== 200) {
      err(`Không lấy được kế hoạch của xã: ${await errorText(planAnswer)}`);
      return 2;
    }
    const plan = await readJson(planAnswer, PlanResponse);
    const local = validateWorkbook(grids.map((grid) => ({ grid })), { plan, period: period.data });
    if (!local.ok) {
      printIssues(basename(file), local, out, 'vi');
      err('Chưa gửi: bảng còn lỗi. Sửa các ô trên rồi gửi lại. / Not sent: fix the errors first.');
      return 1;
    }

    const key = randomUUID();
    const body = { period: period.data, sheets: grids.map((grid) => ({ grid })) };
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await api.api.submissions.$post({ json: body }, { headers: { 'Idempotency-Key': key } });
        if (answer.status === 201) {
          const r = await readJson(answer, SubmissionReceipt);
          out(`Đã nhận: ${r.communeId}, kỳ ${r.period}, phiên bản ${r.version}, lúc ${vietnamDateTimeText(Date.parse(r.receivedAt), true)} (giờ Việt Nam)`);
          out(r.late ? `NỘP MUỘN (hạn ${r.deadline}).` : `Đúng hạn (hạn ${r.deadline}).`);
          out(`Số dòng: ${r.rowCounts.households} hộ, ${r.rowCounts.beneficiaries} đối tượng, ${r.rowCounts.progress} dòng tiến độ; ${r.warnings.length} cảnh báo.`);
          out(`Mã kiểm tra (SHA-256): ${r.checksum}`);
          out(`id: ${r.id}`);
          return 0;
        }
        if (answer.status === 422) {
          const issues = (await readJson(answer, ValidationFailedEnvelope)).error.issues;
          printIssues(basename(file), { ...local, issues, ok: false }, out, 'vi');
          err('Máy chủ không nhận: bảng còn lỗi. / The server found errors.');
          return 1;
        }
        // Any other answer, whatever the route declares: a proxy's 502, a 401.
        const other: Response = answer;
        if (other.status >= 500 && attempt < ATTEMPTS) throw new NetworkProblem(`HTTP ${other.status}`);
        err(`Máy chủ từ chối: ${await errorText(other)}`);
        return 2;
      } catch (e) {
        if (!(e instanceof NetworkProblem) || attempt >= ATTEMPTS) throw e;
        err(`Mất kết nối (${e.message}); thử lại lần ${attempt + 1} với cùng mã gửi… / retrying with the same key`);
        await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
      }
    }
  } catch (e) {
    if (e instanceof FileProblem) {
      err(e.message);
      return 2;
    }
    if (e instanceof NetworkProblem) {
      err(`Không kết nối được máy chủ ${server}: ${e.message}. / Cannot reach the server.`);
      return 2;
    }
    throw e;
  }
}
