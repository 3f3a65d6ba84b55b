import * as z from 'zod';
import { ColumnMapping } from '../shared/grid/grid.ts';

/**
 * Two stores: the officer's own settings (server, token, language) in this computer's
 * localStorage — never in the workbook, which travels by e-mail — and the workbook's column
 * mappings in the document's settings (Office.context.document.settings), which travel with it.
 */

export const UserSettings = z.object({
  serverUrl: z.string(),
  token: z.string(),
  lang: z.enum(['vi', 'en']),
});
export type UserSettings = z.infer<typeof UserSettings>;

const USER_KEY = 'gnbv.settings.v1';

export function loadUserSettings(storage: Storage, defaultServerUrl: string): UserSettings {
  const fallback: UserSettings = { serverUrl: defaultServerUrl, token: '', lang: 'vi' };
  try {
    const parsed = UserSettings.safeParse(JSON.parse(storage.getItem(USER_KEY) ?? 'null'));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

export function saveUserSettings(storage: Storage, settings: UserSettings): void {
  storage.setItem(USER_KEY, JSON.stringify(settings));
}

/** A server address the pane may call: https (or http on this computer, for development). */
export function normaliseServerUrl(text: string): string | null {
  const trimmed = text.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  try {
    const url = new URL(trimmed);
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
    if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) return null;
    return trimmed;
  } catch {
    return null;
  }
}

/** The part of Office.context.document.settings the pane uses. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
}

const MAPPINGS_KEY = 'gnbv.mappings.v1';
const Mappings = z.record(z.string(), ColumnMapping);
export type Mappings = z.infer<typeof Mappings>;

/** The officer's corrected column mappings, by sheet name. */
export function loadMappings(settings: DocumentSettings): Mappings {
  const parsed = Mappings.safeParse(settings.get(MAPPINGS_KEY) ?? {});
  return parsed.success ? parsed.data : {};
}

export function saveMappings(settings: DocumentSettings, mappings: Mappings): Promise<void> {
  settings.set(MAPPINGS_KEY, mappings);
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (String(result.status) === 'failed') reject(new Error(result.error?.message ?? 'settings.saveAsync failed'));
      else resolve();
    });
  });
}
