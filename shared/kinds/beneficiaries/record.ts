import type { BeneficiaryRecord } from '../../rules/beneficiaries.ts';
import { recordShape } from '../record-shape.ts';

/** A beneficiary as stored with a submission (BeneficiaryRecord of shared/rules/beneficiaries.ts). */
export const BENEFICIARY_RECORD = recordShape<BeneficiaryRecord>({
  sheet: 'text',
  row: 'int',
  project: 'text?',
  fullName: 'text?',
  birthYear: 'number?',
  birthDate: 'text?',
  gender: { oneOf: ['male', 'female'], nullable: true },
  idNumber: 'text?',
  householdCode: 'text?',
  householdHead: 'text?',
  village: 'text?',
  supportType: 'text?',
  supportDate: 'text?',
  amount: 'number?',
  disabled: 'flag',
});
