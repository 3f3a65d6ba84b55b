import { ReviewActionResponse, type ReviewComment, ReviewListResponse, type ReviewerAction } from '../shared/api.ts';
import { Period } from '../shared/periods.ts';
import { REVIEW_STATE_NAMES } from '../shared/review.ts';
import { parseArgs, UsageError } from './args.ts';
import { NetworkProblem, apiClient, errorText } from './http.ts';
import { readJson } from '../worker/client.ts';

export const REVIEW_USAGE =
  'gnbv review list|accept|return|reopen [COMMUNE …] --period 2024-Y --server https://HOST --token TOKEN [--comment TEXT [--sheet NAME [--row N [--column C]]]] [--json]';

const ACTIONS: readonly ReviewerAction[] = ['accept', 'return', 'reopen'];

function where(c: ReviewComment): string {
  switch (c.scope) {
    case 'report':
      return 'cả báo cáo';
    case 'sheet':
      return `bảng ${c.sheet}`;
    case 'row':
      return `${c.sheet}, dòng ${c.row}`;
    case 'cell':
      return `${c.sheet}!${c.column}${c.row}`;
  }
}

/** The one comment the flags describe: the report, a sheet, a row or a cell. */
function commentOf(flags: Map<string, string | true>): ReviewComment | null {
  const text = flags.get('comment');
  const sheet = flags.get('sheet');
  const row = flags.get('row');
  const column = flags.get('column');
  if (typeof text !== 'string') {
    if (sheet !== undefined || row !== undefined || column !== undefined) throw new UsageError('--sheet, --row, --column đi kèm --comment (need --comment)');
    return null;
  }
  if (typeof sheet !== 'string') {
    if (row !== undefined || column !== undefined) throw new UsageError('--row, --column cần --sheet (need --sheet)');
    return { scope: 'report', text };
  }
  if (typeof row !== 'string') {
    if (column !== undefined) throw new UsageError('--column cần --row (need --row)');
    return { scope: 'sheet', sheet, text };
  }
  const n = Number(row);
  if (!Number.isInteger(n) || n < 1) throw new UsageError('--row là số dòng Excel, từ 1 (an Excel row number)');
  if (typeof column !== 'string') return { scope: 'row', sheet, row: n, text };
  return { scope: 'cell', sheet, row: n, column: column.toUpperCase(), text };
}

/**
 * `gnbv review`: the district's review on the same API as the district page. `list` prints each
 * commune's state and the comments to fix; `accept`, `return`, `reopen` act on one or several
 * communes (batch work), with one comment (a return needs one). Exit 0 when every action went
 * through, 1 when the server refused some, 2 for usage or connection problems.
 */
export async function reviewCommand(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parseArgs(argv, ['period', 'server', 'token', 'comment', 'sheet', 'row', 'column'], ['json']);
  const [sub, ...communes] = args.positional;
  const get = (name: string): string => {
    const v = args.flags.get(name);
    if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`Thiếu --${name}. ${REVIEW_USAGE}`);
    return v.trim();
  };
  if (sub !== 'list' && !ACTIONS.includes(sub as ReviewerAction)) throw new UsageError(REVIEW_USAGE);
  const period = Period.safeParse(get('period'));
  if (!period.success) throw new UsageError('--period phải có dạng 2024-Q1 … 2024-Q4, 2024-H1 hoặc 2024-Y');
  const server = get('server');
  if (!/^https?:\/\//.test(server)) throw new UsageError('--server phải là địa chỉ https://…');
  const token = get('token');
  const json = args.flags.has('json');

  try {
    if (sub === 'list') {
      if (communes.length > 1) throw new UsageError(REVIEW_USAGE);
      const answer = await apiClient(server, token).api.reviews.$get({ query: { period: period.data, ...(communes[0] ? { communeId: communes[0] } : {}) } });
      if (answer.status !== 200) {
        err(`Máy chủ từ chối: ${await errorText(answer)}`);
        return 2;
      }
      const list = await readJson(answer, ReviewListResponse);
      if (json) {
        out(JSON.stringify(list, null, 2));
        return 0;
      }
      for (const r of list.reviews) {
        out(`${r.communeId}\t${r.communeName}\t${REVIEW_STATE_NAMES[r.state].vi}${r.version === null ? '' : `\tphiên bản ${r.version}`}`);
        for (const c of r.comments) out(`  - ${where(c)}: ${c.text}`);
      }
      return 0;
    }

    if (communes.length === 0) throw new UsageError(`Ghi mã xã sau "${sub}". ${REVIEW_USAGE}`);
    const comment = commentOf(args.flags);
    let refused = 0;
    for (const communeId of communes) {
      const answer = await apiClient(server, token, { gzip: false }).api.reviews[':communeId'][':period'][':action'].$post({
        param: { communeId: encodeURIComponent(communeId), period: period.data, action: sub as ReviewerAction },
        json: { comments: comment === null ? [] : [comment] },
      });
      if (answer.status !== 200) {
        refused++;
        err(`${communeId}: máy chủ từ chối: ${await errorText(answer)}`);
        continue;
      }
      const r = await readJson(answer, ReviewActionResponse);
      if (json) out(JSON.stringify(r));
      else out(`${communeId}: ${REVIEW_STATE_NAMES[r.review.state].vi}${r.transition === null ? ' (không đổi / unchanged)' : ''}`);
    }
    return refused === 0 ? 0 : 1;
  } catch (e) {
    if (e instanceof NetworkProblem) {
      err(`Không kết nối được máy chủ ${server}: ${e.message}. / Cannot reach the server.`);
      return 2;
    }
    throw e;
  }
}
