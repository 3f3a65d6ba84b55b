import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layout is the architecture (STYLE.md): shared/ is the domain and imports nothing of ours
 * outside it; front/ is the presentation the task pane and the pages share, over shared/ alone;
 * addin/ and web/ never import each other; the Worker does not reach into the browser code, nor
 * the browser code into the CLI (a Node program) or the CLI into it. Every import,
 * re-export, dynamic import() and /// <reference path> of every .ts below the six folders is read
 * with TypeScript's own pre-processor and checked against this table.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FOLDERS = ['addin', 'web', 'front', 'shared', 'worker', 'cli'] as const;
type Folder = (typeof FOLDERS)[number];

/** What each folder must not import (a path of the repository outside every folder counts as its own name). */
const FORBIDDEN: Record<Folder, (target: string) => boolean> = {
  shared: (target) => target !== 'shared',
  front: (target) => ['addin', 'web', 'worker', 'cli'].includes(target),
  addin: (target) => ['web', 'cli'].includes(target),
  web: (target) => ['addin', 'cli'].includes(target),
  worker: (target) => ['addin', 'web', 'front', 'cli'].includes(target),
  cli: (target) => ['addin', 'web'].includes(target),
};

interface Source {
  /** The repository path, with forward slashes: "web/upload/main.ts". */
  path: string;
  text: string;
}

/** The relative imports of one file, as written and as repository paths ("shared/issues.ts"). */
function localImports({ path, text }: Source): { written: string; target: string }[] {
  const info = ts.preProcessFile(text, true, true);
  return [...info.importedFiles, ...info.referencedFiles]
    // A package ('zod', 'hono/client', 'node:fs') is no file of ours.
    .filter(({ fileName }) => fileName.startsWith('.'))
    .map(({ fileName }) => ({
      written: fileName,
      target: relative(ROOT, resolve(ROOT, dirname(path), fileName)).split('\\').join('/'),
    }));
}

/** "web/upload/main.ts imports ../../addin/ui/strings.ts (web → addin)", one line per forbidden edge. */
function forbiddenImports(sources: readonly Source[]): string[] {
  const found: string[] = [];
  for (const source of sources) {
    const from = source.path.split('/')[0] as Folder;
    for (const { written, target } of localImports(source)) {
      const to = target.split('/')[0] as string;
      if (FORBIDDEN[from](to)) found.push(`${source.path} imports ${written} (${from} → ${to})`);
    }
  }
  return found;
}

/**
 * The specifiers a file imports or re-exports for types alone (`import type`, `export type`, or
 * every name marked `type`): TypeScript erases them, so they load nothing.
 */
function typeOnlySpecifiers({ path, text }: Source): Set<string> {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const typeOnly = new Set<string>();
  const loaded = new Set<string>();
  for (const statement of file.statements) {
    let specifier: string | undefined;
    let types = false;
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      types =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly)));
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      specifier = statement.moduleSpecifier.text;
      const clause = statement.exportClause;
      types = statement.isTypeOnly || (clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly));
    }
    if (specifier === undefined) continue;
    (types ? typeOnly : loaded).add(specifier);
  }
  for (const specifier of loaded) typeOnly.delete(specifier);
  return typeOnly;
}

/**
 * Cycles of imports that load code among `sources`, each as its files in import order from the
 * alphabetically first ("a.ts → b.ts → a.ts"); a depth-first walk reports one per edge that
 * closes a loop, so the list is empty exactly when there is no cycle. Type-only imports are left
 * out: they are erased and load nothing (the folder rules above still count them).
 */
function importCycles(sources: readonly Source[]): string[] {
  const known = new Set(sources.map((s) => s.path));
  const edges = new Map(
    sources.map((s) => {
      const typeOnly = typeOnlySpecifiers(s);
      const targets = localImports(s)
        .filter((i) => !typeOnly.has(i.written))
        .map((i) => i.target)
        .filter((t) => known.has(t));
      return [s.path, [...new Set(targets)].sort()];
    }),
  );
  const cycles = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const loop = stack.slice(stack.indexOf(next));
        const first = loop.indexOf([...loop].sort()[0] as string);
        const ordered = [...loop.slice(first), ...loop.slice(0, first)];
        cycles.add([...ordered, ordered[0]].join(' → '));
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...known].sort()) if (!state.has(file)) visit(file);
  return [...cycles].sort();
}

function sourcesBelow(folder: string): Source[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => {
      const path = `${folder}/${name.split('\\').join('/')}`;
      return { path, text: readFileSync(join(ROOT, path), 'utf8') };
    });
}

describe('the import graph', () => {
  const tree = FOLDERS.flatMap(sourcesBelow);

  it('has no forbidden edge', () => {
    expect(tree.length).toBeGreaterThan(100);
    expect(tree.filter((s) => s.path.startsWith('front/')).length).toBeGreaterThan(0);
    expect(forbiddenImports(tree)).toEqual([]);
  });

  it('has no cycle', () => {
    expect(importCycles(tree)).toEqual([]);
  });

  it('names the files of each cycle', () => {
    const sources: Source[] = [
      { path: 'shared/b.ts', text: "import { c } from './c.ts';" },
      { path: 'shared/c.ts', text: "import { type A, a } from './a.ts';\nimport { d } from './d.ts';" },
      { path: 'shared/a.ts', text: "export { b } from './b.ts';\nimport * as z from 'zod';" },
      // Types alone load nothing: no cycle g → h → g.
      { path: 'shared/g.ts', text: "import type { H } from './h.ts';\nexport type { I } from './h.ts';" },
      { path: 'shared/h.ts', text: "import { type G } from './g.ts';\nexport const h = 1;" },
      { path: 'shared/d.ts', text: "import { e } from '../front/e.ts';" },
      { path: 'front/e.ts', text: "import { d } from '../shared/d.ts';" },
      { path: 'shared/f.ts', text: "import { a } from './a.ts';" },
    ];
    expect(importCycles(sources)).toEqual(['front/e.ts → shared/d.ts → front/e.ts', 'shared/a.ts → shared/b.ts → shared/c.ts → shared/a.ts']);
  });

  it('names the file and the import of each forbidden edge', () => {
    const sources: Source[] = [
      { path: 'web/upload/issue-table.ts', text: "import { codeTitle } from '../../addin/ui/strings.ts';\nimport { h } from '../common/dom.ts';" },
      { path: 'addin/ui/app.ts', text: "export { t } from '../../web/upload/strings.ts';\nimport { groupIssues } from '../../front/issue-list.ts';" },
      { path: 'shared/validate.ts', text: "import * as z from 'zod';\nimport type { Env } from '../worker/env.ts';" },
      { path: 'shared/periods.ts', text: "/// <reference path=\"../worker-configuration.d.ts\" />\nimport { x } from './time.ts';" },
      { path: 'front/names.ts', text: "const strings = await import('../addin/ui/strings.ts');" },
      { path: 'worker/routes/plan.ts', text: "import type { IssueGroup } from '../../front/issue-list.ts';\nimport { validateWorkbook } from '../../shared/validate.ts';" },
      { path: 'cli/main.ts', text: "import { kindName } from '../front/names.ts';\nimport { markIssues } from '../addin/excel/marks.ts';" },
    ];
    expect(forbiddenImports(sources)).toEqual([
      'web/upload/issue-table.ts imports ../../addin/ui/strings.ts (web → addin)',
      'addin/ui/app.ts imports ../../web/upload/strings.ts (addin → web)',
      'shared/validate.ts imports ../worker/env.ts (shared → worker)',
      'shared/periods.ts imports ../worker-configuration.d.ts (shared → worker-configuration.d.ts)',
      'front/names.ts imports ../addin/ui/strings.ts (front → addin)',
      'worker/routes/plan.ts imports ../../front/issue-list.ts (worker → front)',
      'cli/main.ts imports ../addin/excel/marks.ts (cli → addin)',
    ]);
  });
});
