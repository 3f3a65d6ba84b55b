/**
 * The same few id lists come back row after row (which indicators, which reasons): one frozen
 * list per set of marks, shared by the records, instead of two new arrays per household.
 * CheckMemory.markSets keeps one per set of columns.
 */
export class MarkSets {
  /** Indexed by the bits: 2^12 slots for the 12 indicators, 2^8 for the reasons. */
  private readonly lists: (readonly string[] | undefined)[];

  constructor(private readonly ids: readonly string[]) {
    if (ids.length > 16) throw new Error('MarkSets: at most 16 ids');
    this.lists = new Array<readonly string[] | undefined>(1 << ids.length).fill(undefined);
  }

  /** The ids whose bit is set in `bits` (bit k = ids[k]). */
  of(bits: number): readonly string[] {
    let list = this.lists[bits];
    if (list === undefined) {
      list = Object.freeze(this.ids.filter((_, k) => (bits & (1 << k)) !== 0));
      this.lists[bits] = list;
    }
    return list;
  }
}
