import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FileProblem } from './read-file.ts';

/** What a folder is searched for (any case: officers' files are REPORT.XLSX as often as report.xlsx). */
const WORKBOOK = /\.(xlsx|xlsm|xls|ods|csv)$/i;

export const WORKBOOK_KINDS = '.xlsx, .xlsm, .xls, .ods, .csv';

export interface FoundFiles {
  /** Each path as given, or joined onto the folder given: what the output shows and what is read. */
  files: string[];
  /** Folders given that held no workbook. */
  emptyFolders: string[];
}

export async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function entriesOf(folder: string): Promise<Dirent[]> {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch (e) {
    throw new FileProblem(`Không đọc được thư mục ${folder} (${(e as NodeJS.ErrnoException).code ?? 'lỗi'}). / Cannot read the folder.`);
  }
}

/**
 * The workbooks under a folder, at any depth. Skipped: hidden files and folders (.git, ._x.xlsx
 * from a Mac) and the ~$x.xlsx lock Excel keeps beside an open workbook. A link to a folder is not
 * followed, so a link back up cannot loop.
 */
async function workbooksUnder(folder: string, into: string[]): Promise<void> {
  for (const entry of await entriesOf(folder)) {
    if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await workbooksUnder(path, into);
    else if (WORKBOOK.test(entry.name)) into.push(path);
  }
}

/**
 * The files the arguments name, in the order given; a folder's workbooks sorted by path (code
 * units, not the locale) so two runs, or two machines, list them the same. A file named twice, or
 * also found in a folder, is checked once; `skip` (the --out file) never.
 */
export async function findWorkbooks(args: readonly string[], skip?: string): Promise<FoundFiles> {
  const seen = new Set(skip === undefined ? [] : [resolve(skip)]);
  const files: string[] = [];
  const emptyFolders: string[] = [];
  const take = (path: string): void => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(path);
  };
  for (const arg of args) {
    if (!(await isFolder(arg))) {
      take(arg);
      continue;
    }
    const found: string[] = [];
    await workbooksUnder(arg, found);
    if (found.length === 0) emptyFolders.push(arg);
    for (const path of found.sort()) take(path);
  }
  return { files, emptyFolders };
}
