/**
 * The one message catalogue, Vietnamese first: issue messages (messages/issue-text.ts) and the
 * names shown beside them (messages/names.ts). Every part renders user text from here.
 */
export { FIELD_LABELS, type Lang, fieldLabel, renderMessage, withText } from './messages/issue-text.ts';
export { codeTitle, kindName, periodName, periodPartName } from './messages/names.ts';
