import { textLookup } from '../../front/text-table.ts';
import { UNREADABLE_MESSAGES, type UnreadableReason } from '../../shared/xlsx/unreadable.ts';
import commonText from '../common/common-text.json' with { type: 'json' };
import uploadText from './upload-text.json' with { type: 'json' };

/**
 * The upload page's words, Vietnamese first, in upload-text.json (a translator's file: one entry per
 * key, `vi` and `en`), with the words both pages share (web/common/common-text.json). Issue messages,
 * group titles, kind and period names come from the one catalogue (shared/messages.ts), as in the
 * task pane, so both parts say the same.
 */
const UI = { ...commonText, ...uploadText };

export type UiKey = keyof typeof UI;

export const t = textLookup(UI);

/**
 * Why a file cannot be read: the engine's wording (shared/xlsx/read-spreadsheet.ts), the same as
 * the command line's, plus the page's own case. The page puts "Tệp «name»" in front.
 */
export const UNREADABLE: Record<UnreadableReason | 'reader-not-loaded', string> = {
  ...UNREADABLE_MESSAGES,
  // The reader is fetched with the first file: the line may have dropped.
  'reader-not-loaded':
    'chưa đọc được vì không tải được phần đọc tệp Excel. Hãy kiểm tra kết nối mạng rồi chọn lại tệp. / could not be read: the part of the page that reads Excel files did not load. Check the connection and choose the file again.',
};
