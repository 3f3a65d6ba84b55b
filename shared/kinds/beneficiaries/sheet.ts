import type { BeneficiaryRecord } from '../../rules/beneficiaries.ts';
import { GENDER_NAMES, fieldHeader } from '../../messages/workbook-text.ts';
import type { KindSheet } from '../kind.ts';
import { PROJECT_RECORD_COLUMNS, projectRecordCells } from '../project-record.ts';

export const BENEFICIARY_SHEET: KindSheet<BeneficiaryRecord> = {
  columns: [
    ...PROJECT_RECORD_COLUMNS,
    { header: fieldHeader('fullName'), kind: 'text', minWidth: 18 },
    { header: 'Năm sinh', kind: 'plain' },
    { header: fieldHeader('birthDate'), kind: 'date' },
    { header: fieldHeader('gender'), kind: 'text' },
    { header: fieldHeader('idNumber'), kind: 'text', minWidth: 13 },
    { header: fieldHeader('householdCode'), kind: 'text' },
    { header: fieldHeader('householdHead'), kind: 'text' },
    { header: fieldHeader('village'), kind: 'text' },
    { header: fieldHeader('supportType'), kind: 'text' },
    { header: fieldHeader('supportDate'), kind: 'date' },
    { header: 'Kinh phí (đồng)', kind: 'money' },
    { header: fieldHeader('disabled'), kind: 'mark' },
  ],
  values(b, context) {
    return projectRecordCells(
      b,
      context,
      b.fullName,
      b.birthYear,
      b.birthDate,
      b.gender === null ? null : GENDER_NAMES[b.gender],
      b.idNumber,
      b.householdCode,
      b.householdHead,
      b.village,
      b.supportType,
      b.supportDate,
      b.amount,
      b.disabled,
    );
  },
};

