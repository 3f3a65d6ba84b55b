export { contentDisposition, WORKBOOK_CONTENT_TYPE, workbookDisplayName, workbookFileName } from './file-name.ts';
export type { WorkbookCommune, WorkbookRegion, WorkbookSource, WorkbookSubmission } from './source.ts';
export { writeDistrictWorkbook } from './write-workbook.ts';
