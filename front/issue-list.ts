import type { Issue, IssueCode, Severity } from '../shared/issues.ts';

export interface IssueGroup {
  code: IssueCode;
  severity: Severity;
  issues: Issue[];
}

/** Issues grouped by code: error groups first, then warnings; each in the engine's (workbook) order. */
export function groupIssues(issues: readonly Issue[]): IssueGroup[] {
  const groups = new Map<IssueCode, IssueGroup>();
  for (const issue of issues) {
    let g = groups.get(issue.code);
    if (!g) {
      g = { code: issue.code, severity: issue.severity, issues: [] };
      groups.set(issue.code, g);
    }
    g.issues.push(issue);
    if (issue.severity === 'error') g.severity = 'error';
  }
  const all = [...groups.values()];
  return [...all.filter((g) => g.severity === 'error'), ...all.filter((g) => g.severity === 'warning')];
}

/** The order "Lỗi tiếp theo" walks: group by group. */
export function listOrder(groups: readonly IssueGroup[]): Issue[] {
  return groups.flatMap((g) => g.issues);
}

/** "DS hộ nghèo!J13", "DS hộ nghèo, dòng 13", "DS hộ nghèo". */
export function issuePlace(issue: Issue, rowWord: string): string {
  if (issue.row === null) return issue.sheet;
  if (issue.column === null) return `${issue.sheet}, ${rowWord} ${issue.row}`;
  return `${issue.sheet}!${issue.column}${issue.row}`;
}
