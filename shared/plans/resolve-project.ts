import type { CommunePlan, SubProject } from './plan.ts';
import { fold } from '../text/normalize.ts';

/** What a label written by an officer names. */
export type ProjectRef =
  | { kind: 'subProject'; code: string }
  | { kind: 'parent'; project: number }
  | { kind: 'unknown' };

const UNKNOWN: ProjectRef = { kind: 'unknown' };

function byNumbers(plan: CommunePlan, project: number, sub: number | null): ProjectRef {
  if (sub !== null) {
    const sp = plan.subProjects.find((s) => s.project === project && s.subProject === sub);
    return sp ? { kind: 'subProject', code: sp.code } : UNKNOWN;
  }
  const whole = plan.subProjects.find((s) => s.project === project && s.subProject === null);
  if (whole) return { kind: 'subProject', code: whole.code };
  return plan.subProjects.some((s) => s.project === project) ? { kind: 'parent', project } : UNKNOWN;
}

function byName(plan: CommunePlan, text: string, parent: number | null): ProjectRef {
  const name = text.replace(/^[^:]*\d[^:]*:\s*/, '').replace(/^[-–•+*]\s*/, '').trim();
  if (name.length < 6) return UNKNOWN;
  const matches = (sp: SubProject): boolean => {
    const n = fold(sp.name);
    return name === n || (name.length >= 10 && (name.includes(n) || n.includes(name)));
  };
  const candidates = plan.subProjects.filter((sp) => (parent === null || sp.project === parent) && matches(sp));
  if (candidates.length === 1) return { kind: 'subProject', code: (candidates[0] as SubProject).code };
  const parents = new Set(plan.subProjects.filter((sp) => fold(sp.projectName) === name).map((sp) => sp.project));
  if (parents.size === 1) return byNumbers(plan, [...parents][0] as number, null);
  return UNKNOWN;
}

/**
 * Resolve what officers write for a sub-project: a code ("DA3.2", "3.2"), "Dự án 3" parent rows with
 * "Tiểu dự án 1: …" / "TDA 2" / "- TDA1" child rows, "Tiểu dự án 1 - Dự án 3", or the sub-project's name.
 * `parent` is the project of the nearest parent row above, for child rows.
 */
export function resolveProject(plan: CommunePlan, label: string, parent: number | null = null): ProjectRef {
  const t = fold(label).replace(/^[-–•+*]\s*/, '');
  if (t === '') return UNKNOWN;
  const code = /^da\s*(\d+)(?:\s*[.\-/]?\s*(?:tda\s*)?(\d+))?\b/.exec(t);
  if (code) return byNumbers(plan, Number(code[1]), code[2] ? Number(code[2]) : null);
  const dotted = /^(\d+)\.(\d+)\.?(?:\s|$|:)/.exec(t);
  if (dotted) return byNumbers(plan, Number(dotted[1]), Number(dotted[2]));
  const both = /(?:\bdu an|\bda)\s*(\d+)\.(\d+)\b/.exec(t);
  if (both) return byNumbers(plan, Number(both[1]), Number(both[2]));
  const sub = /(?:tieu du an|tieu da|\btda)\s*(?:so\s*)?(\d+)/.exec(t);
  const projectMatch = /(?<!tieu )\bdu an\s*(?:so\s*)?(\d+)|(?<!tieu )\bda\s*(\d+)/.exec(t);
  const project = projectMatch ? Number(projectMatch[1] ?? projectMatch[2]) : null;
  if (sub && project !== null) return byNumbers(plan, project, Number(sub[1]));
  if (sub) return parent !== null ? byNumbers(plan, parent, Number(sub[1])) : byName(plan, t, null);
  if (project !== null) return byNumbers(plan, project, null);
  return byName(plan, t, parent);
}

/** The sub-project a sheet's title names ("TIỂU DỰ ÁN 2 - DỰ ÁN 3: CẢI THIỆN DINH DƯỠNG"), if any. */
export function projectFromTitle(plan: CommunePlan, lines: readonly string[]): string | null {
  for (const line of lines) {
    const t = fold(line);
    const at = t.search(/tieu du an|tieu da\b|\bdu an|\btda|\bda\s*\d/);
    const ref = resolveProject(plan, at >= 0 ? t.slice(at) : t);
    if (ref.kind === 'subProject') return ref.code;
  }
  return null;
}
