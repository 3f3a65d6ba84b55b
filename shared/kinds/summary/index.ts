import { checkedKind } from '../kind.ts';
import { SUMMARY } from './fields.ts';

/** The commune's summary forms: checked, never stored (see shared/sheet-kind.ts). Its rules: shared/rules/summary.ts. */
export const SUMMARY_KIND = checkedKind({
  id: 'summary',
  stored: false,
  spec: SUMMARY,
  names: { vi: 'Bảng tổng hợp (chỉ kiểm tra, không gửi)', en: 'Summary table (checked, not submitted)', inline: 'bảng tổng hợp (chỉ kiểm tra, không gửi)' },
});
