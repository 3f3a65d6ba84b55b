import type { Table } from '../../table/read-table.ts';
import type { FieldRef, RowCells } from '../context.ts';
import { isHeadRelationship } from '../household-layout.ts';

/** In a list with one row per person: which of the table's rows are members' rows, and each head's count. */
export interface MemberRows {
  /** 1 at a member's row (by place in the table's rows). */
  isMember: Uint8Array;
  /** At a head's row: how many members are listed under it. */
  count: Int32Array;
  /** Any member at all. */
  any: boolean;
}

/**
 * A member's row has a relationship other than the head's, or a member's name and no head's name.
 * Read before the checks, in a pass of its own: a head's size is compared with the rows under it.
 */
export function memberRows(
  table: Table,
  cells: RowCells,
  F: { headName: FieldRef; memberName: FieldRef; relationship: FieldRef },
): MemberRows {
  const rows = table.rows;
  const isMember = new Uint8Array(rows.length);
  const count = new Int32Array(rows.length);
  let head = -1;
  let any = false;
  for (let r = 0; r < rows.length; r++) {
    cells.at(rows[r] as number);
    let member: boolean;
    if (F.relationship.col > 0) {
      const rel = cells.value(F.relationship);
      member = typeof rel === 'string' && rel.trim() !== '' && !isHeadRelationship(rel, cells.memory.fold);
    } else member = cells.blank(F.headName) && !cells.blank(F.memberName);
    // A member before any head is checked as a household: its missing fields are then reported.
    if (member && head >= 0) {
      isMember[r] = 1;
      count[head] = (count[head] as number) + 1;
      any = true;
    } else head = r;
  }
  return { isMember, count, any };
}
