import type { FieldRef, RowCells } from '../context.ts';

/** The household fields the checks read, resolved to their columns once per sheet (`col` 0: not in the sheet). */
export interface HouseholdFields {
  householdCode: FieldRef;
  headName: FieldRef;
  headGender: FieldRef;
  idNumber: FieldRef;
  ethnicity: FieldRef;
  village: FieldRef;
  size: FieldRef;
  category: FieldRef;
  beginningCategory: FieldRef;
  income: FieldRef;
  b1Score: FieldRef;
  b2Score: FieldRef;
  deprivationCount: FieldRef;
  meritFamily: FieldRef;
  noWorkCapacity: FieldRef;
  escapedYear: FieldRef;
  memberName: FieldRef;
  relationship: FieldRef;
  address: FieldRef;
  recognitionDate: FieldRef;
  ethnicMinority: FieldRef;
  localEthnic: FieldRef;
  reasonList: FieldRef;
  deprivationList: FieldRef;
}

export function householdFields(cells: RowCells): HouseholdFields {
  return {
    householdCode: cells.ref('householdCode'),
    headName: cells.ref('headName'),
    headGender: cells.ref('headGender'),
    idNumber: cells.ref('idNumber'),
    ethnicity: cells.ref('ethnicity'),
    village: cells.ref('village'),
    size: cells.ref('size'),
    category: cells.ref('category'),
    beginningCategory: cells.ref('beginningCategory'),
    income: cells.ref('income'),
    b1Score: cells.ref('b1Score'),
    b2Score: cells.ref('b2Score'),
    deprivationCount: cells.ref('deprivationCount'),
    meritFamily: cells.ref('meritFamily'),
    noWorkCapacity: cells.ref('noWorkCapacity'),
    escapedYear: cells.ref('escapedYear'),
    memberName: cells.ref('memberName'),
    relationship: cells.ref('relationship'),
    address: cells.ref('address'),
    recognitionDate: cells.ref('recognitionDate'),
    ethnicMinority: cells.ref('ethnicMinority'),
    localEthnic: cells.ref('localEthnic'),
    reasonList: cells.ref('reasonList'),
    deprivationList: cells.ref('deprivationList'),
  };
}
