import type { HouseholdRecord } from '../rules/households.ts';
import type { DuplicateIdPair, HouseholdPlace } from './figures.ts';
import { idKey, idNumberKey, NO_ID } from './household-key.ts';
import { IdTable } from './id-table.ts';

const ROW_BITS = 2 ** 21;
const COMMUNE_LIMIT = 2 ** 11;

/**
 * ID.DUPLICATE across communes (SPEC section 4: "flagged in the merge"). The only state that grows
 * with the rows: one number per ID seen, packing the first household's commune, merged row and
 * source row (11 + 21 + 21 bits, inside 2^53).
 */
export class CrossCommuneIds {
  private readonly first = new IdTable();
  readonly pairs: DuplicateIdPair[] = [];

  constructor(private readonly communeName: (index: number) => { id: string; name: string }) {}

  /** Note one household; a second household with the ID in another commune makes a pair. */
  note(record: HouseholdRecord, communeIndex: number, mergedRow: number | null): void {
    // Keyed in place: the idKey string is made only for a pair (and for the rare ID with letters).
    const key = idNumberKey(record.idNumber);
    if (key === NO_ID || record.idNumber === null) return;
    const seen = this.first.getByKey(key, record.idNumber);
    if (seen === undefined) {
      this.first.setByKey(key, record.idNumber, pack(communeIndex, mergedRow, record.row));
      return;
    }
    const first = this.place(seen);
    if (first.communeIndex === communeIndex) return; // a repeat inside one list is the commune's own ID.DUPLICATE
    const commune = this.communeName(communeIndex);
    this.pairs.push({
      idNumber: idKey(record.idNumber) as string,
      first,
      second: {
        communeIndex,
        communeId: commune.id,
        communeName: commune.name,
        mergedRow,
        sourceRow: record.row,
        sourceSheet: record.sheet,
        headName: record.headName,
      },
    });
  }

  private place(packed: number): HouseholdPlace {
    const sourceRow = packed % ROW_BITS;
    const rest = Math.floor(packed / ROW_BITS);
    const merged = rest % ROW_BITS;
    const communeIndex = Math.floor(rest / ROW_BITS);
    const commune = this.communeName(communeIndex);
    return { communeIndex, communeId: commune.id, communeName: commune.name, mergedRow: merged === 0 ? null : merged - 1, sourceRow };
  }
}

function pack(communeIndex: number, mergedRow: number | null, sourceRow: number): number {
  const merged = mergedRow === null ? 0 : mergedRow + 1;
  if (communeIndex >= COMMUNE_LIMIT || merged >= ROW_BITS || sourceRow >= ROW_BITS || sourceRow < 0) {
    throw new RangeError(`CrossCommuneIds: position out of range (commune ${communeIndex}, row ${mergedRow}, source row ${sourceRow})`);
  }
  return (communeIndex * ROW_BITS + merged) * ROW_BITS + sourceRow;
}
