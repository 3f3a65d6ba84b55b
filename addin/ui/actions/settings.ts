import type { ColumnMapping } from '../../../shared/grid/grid.ts';
import type { SheetSummary } from '../../../shared/validate.ts';
import { AddinError } from '../../errors.ts';
import { periodOn } from '../../period-choice.ts';
import { loadMappings, normaliseServerUrl, saveMappings, saveUserSettings } from '../../settings.ts';
import type { Pane } from '../pane.ts';
import { t } from '../strings.ts';

/** A column picked for a field in the mapping editor, saved in the workbook for the next check. */
export function remap(pane: Pane, summary: SheetSummary, field: string, column: string): Promise<void> {
  return pane.runAction(async () => {
    const { deps } = pane;
    const mappings = loadMappings(deps.documentSettings);
    const base: ColumnMapping = mappings[summary.name] ?? {
      ...(summary.kind ? { kind: summary.kind } : {}),
      headerRow: summary.headerRow ?? 1,
      headerRows: summary.headerRows ?? 1,
      columns: { ...summary.columns },
    };
    const columns = { ...base.columns };
    // Drop the alias mappingOf() gives a multi-column field (its first column), so it cannot go stale.
    for (const [k, col] of Object.entries(base.columns)) {
      const dot = k.indexOf('.');
      if (dot > 0 && columns[k.slice(0, dot)] === col) delete columns[k.slice(0, dot)];
    }
    if (column === '') delete columns[field];
    else columns[field] = column;
    await saveMappings(deps.documentSettings, { ...mappings, [summary.name]: { ...base, columns } });
    pane.state.info = t('mappingSaved', pane.lang());
  });
}

/** The settings form saved: server, token, language. */
export function saveSettings(pane: Pane, form: HTMLFormElement): Promise<void> {
  return pane.runAction(async () => {
    const { deps, state } = pane;
    const data = new FormData(form);
    const serverUrl = normaliseServerUrl(String(data.get('serverUrl') ?? ''));
    if (serverUrl === null) throw new AddinError('badServerUrl');
    state.settings = { serverUrl, token: String(data.get('token') ?? '').trim(), lang: data.get('lang') === 'en' ? 'en' : 'vi' };
    saveUserSettings(deps.storage, state.settings);
    state.showSettings = false;
    // Signed in: the district's comments for the period show at once; Kiểm tra marks their cells.
    if (!state.outcome) void pane.review.load(state.period || periodOn(pane.now())).then(() => pane.render());
  });
}
