import { UsageError } from './args.ts';
import { REVIEW_USAGE, reviewCommand } from './review-command.ts';
import { SUBMIT_USAGE, submitCommand } from './submit-command.ts';
import { VALIDATE_USAGE, validateCommand } from './validate-command.ts';
import { WORKBOOK_USAGE, workbookCommand } from './workbook-command.ts';

const USAGE = `gnbv — kiểm tra và nộp báo cáo giảm nghèo bền vững
  ${VALIDATE_USAGE}
  ${SUBMIT_USAGE}
  ${WORKBOOK_USAGE}
  ${REVIEW_USAGE}`;

/** The one catch point of the command line: usage errors exit 2 with one line; nothing prints a stack. */
export async function main(argv: readonly string[]): Promise<number> {
  const out = (s: string): void => void process.stdout.write(`${s}\n`);
  const err = (s: string): void => void process.stderr.write(`${s}\n`);
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return await validateCommand(rest, out, err);
      case 'submit':
        return await submitCommand(rest, out, err);
      case 'workbook':
        return await workbookCommand(rest, out, err);
      case 'review':
        return await reviewCommand(rest, out, err);
      case undefined:
      case '--help':
      case 'help':
        out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`Không có lệnh "${command}". / Unknown command.\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      err(e.message);
      return 2;
    }
    err(`Lỗi không mong đợi: ${e instanceof Error ? e.message : String(e)} / Unexpected error.`);
    return 2;
  }
}
