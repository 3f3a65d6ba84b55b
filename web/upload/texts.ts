import { type Lang, periodName } from '../../shared/messages.ts';
import type { Period } from '../../shared/periods.ts';
import { vietnamDateTimeText } from '../../shared/vietnam-time.ts';
import { ApiFailure } from '../common/api.ts';
import { t } from './strings.ts';

/** The page's texts made from data: a failure, a day, an instant, a period. */

export function failureText(e: unknown, lang: Lang): string {
  if (e instanceof ApiFailure) {
    if (e.kind === 'network') return t('network', lang);
    if (e.kind === 'timeout') return t('timeout', lang);
    if (e.status === 401) return t('failUnauthorized', lang);
    // The report is accepted (issue 20): sending again cannot help until the district reopens it.
    if (e.code === 'REVIEW_LOCKED') return t('reviewLocked', lang);
    if (e.kind === 'bad-answer') return `${t('failBadAnswer', lang)} (HTTP ${e.status ?? '?'})`;
    // The envelope's message is Vietnamese first with English in brackets: shown as is.
    return e.serverMessage ?? `${t('failUnknown', lang)} (HTTP ${e.status ?? '?'})`;
  }
  return `${t('failUnknown', lang)} ${e instanceof Error ? e.message : String(e)}`;
}

export function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** "29/11/2026 09:26:21 (giờ Việt Nam)": day first in both languages, as officers write dates. */
export function formatVietnamTime(instant: string, lang: Lang): string {
  const ms = Date.parse(instant);
  return `${Number.isNaN(ms) ? instant : vietnamDateTimeText(ms, true)} (${t('vietnamTime', lang)})`;
}

export function periodLabel(period: Period, lang: Lang): string {
  return periodName(period, lang, 'long');
}
