import { renderMessage } from '../../../shared/messages.ts';
import { readSheets, titlePeriod } from '../../../shared/validate.ts';
import { h } from '../../../front/dom.ts';
import { markedCopy, markedFileName } from '../mark-copy.ts';
import type { Page } from '../page.ts';
import { type FileRead, readDroppedFile } from '../read-file.ts';
import { forgetFile, reviewTargets, setPeriod, shownIssues } from '../state.ts';
import { check } from './check.ts';

/** A file dropped or chosen: read, its period taken from its title (unless chosen), then checked. */
export async function openFile(page: Page, file: File): Promise<void> {
  const { state } = page;
  page.seq.check++;
  state.checking = false;
  state.reading = true;
  state.fileError = null;
  forgetFile(state);
  page.render();
  let read: FileRead;
  try {
    read = await readDroppedFile(file);
  } finally {
    state.reading = false;
  }
  if (!read.ok) {
    state.fileError = read.message;
    page.render();
    return;
  }
  state.file = { ...read, tables: readSheets(read.grids.map((grid) => ({ grid }))) };
  if (state.periodSource !== 'chosen') {
    const fromTitle = titlePeriod(state.file.tables);
    if (fromTitle) setPeriod(state, fromTitle, 'title');
  }
  await check(page);
}

/** The file with its issues' cells and the district's commented cells marked, as a download. */
export async function downloadCopy(page: Page): Promise<void> {
  const { state } = page;
  const file = state.file;
  const issues = shownIssues(state);
  if (!file || !issues) return;
  state.preparingCopy = true;
  state.copyError = null;
  page.render();
  try {
    const issuesInLang = issues.map((i) => ({ ...i, message: renderMessage(i, state.lang) }));
    const bytes = await markedCopy(file, issuesInLang, reviewTargets(state));
    const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: markedFileName(file.name, page.tr('markedSuffix')) });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (e) {
    state.copyError = e instanceof Error ? e.message : String(e);
  } finally {
    state.preparingCopy = false;
    page.render();
  }
}
