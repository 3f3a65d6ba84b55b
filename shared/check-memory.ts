import type { HouseholdCategory } from './plans/plan.ts';
import { categoryOf } from './rules/category.ts';
import { MarkSets } from './rules/mark-sets.ts';
import { normalizeLabel } from './table/labels.ts';
import { type LegacyEncoding, detectLegacyEncoding } from './text/legacy-encoding.ts';
import { fold, foldName } from './text/normalize.ts';

/**
 * What one check remembers while it runs: the answers to questions that come back row after row
 * (a list repeats its villages, names and categories) and memory to reuse. The domain keeps no
 * state of its own between calls; validateWorkbook makes one of these per call unless the caller
 * passes one in (ValidateOptions.memory): the task pane, which checks the same workbook again and
 * again, keeps one for as long as it is open. Each memo is bounded, so a long-lived one stays small.
 */
export class CheckMemory {
  private readonly folded = new Map<string, string>();
  private readonly names = new Map<string, string>();
  private readonly labels = new Map<string, string>();
  private readonly categories = new Map<string, HouseholdCategory | null>();
  private lastCategoryText: string | null = null;
  private lastCategory: HouseholdCategory | null = null;
  private readonly legacy = new Map<string, LegacyEncoding | null>();
  private readonly sets = new Map<string, MarkSets>();
  private readonly scores = new WeakMap<object, Map<string, ReadonlyMap<number, number>>>();
  private spareIdMemory: ArrayBuffer | null = null;

  /** fold(), once per distinct text (a function value: parseMark takes it). */
  readonly fold = (text: string): string => {
    let folded = this.folded.get(text);
    if (folded === undefined) {
      folded = fold(text);
      if (this.folded.size > 50_000) this.folded.clear();
      this.folded.set(text, folded);
    }
    return folded;
  };

  /** foldName(), once per distinct text. */
  foldName(text: string): string {
    let folded = this.names.get(text);
    if (folded === undefined) {
      folded = foldName(text);
      if (this.names.size > 50_000) this.names.clear();
      this.names.set(text, folded);
    }
    return folded;
  }

  /** normalizeLabel(), once per distinct header text (a header's labels come back sheet after sheet). */
  label(text: string): string {
    let label = this.labels.get(text);
    if (label === undefined) {
      label = normalizeLabel(text);
      if (this.labels.size > 10_000) this.labels.clear();
      this.labels.set(text, label);
    }
    return label;
  }

  /** categoryOf(), once per distinct text; rows of a list often share their category. */
  category(text: string): HouseholdCategory | null {
    if (text === this.lastCategoryText) return this.lastCategory;
    let found = this.categories.get(text);
    if (found === undefined) {
      found = categoryOf(text);
      if (this.categories.size > 10_000) this.categories.clear();
      this.categories.set(text, found);
    }
    this.lastCategoryText = text;
    this.lastCategory = found;
    return found;
  }

  /** Legacy-encoding detection, once per distinct text and font (lists repeat villages and names). */
  legacyEncoding(text: string, font: string | null): LegacyEncoding | null {
    const key = font === null ? text : `${font}\u0000${text}`;
    let found = this.legacy.get(key);
    if (found === undefined) {
      found = detectLegacyEncoding(text.normalize('NFC'), font);
      if (this.legacy.size > 100_000) this.legacy.clear();
      this.legacy.set(key, found);
    }
    return found;
  }

  /** The shared id lists for these mark columns (frozen lists, so sharing them between checks is safe). */
  markSets(ids: readonly string[]): MarkSets {
    const key = ids.join(',');
    let sets = this.sets.get(key);
    if (!sets) {
      if (this.sets.size >= 64) this.sets.clear();
      sets = new MarkSets(ids);
      this.sets.set(key, sets);
    }
    return sets;
  }

  /** Scores of header labels against one alias index (the key), label → scores. */
  labelScores(index: object): Map<string, ReadonlyMap<number, number>> {
    let memo = this.scores.get(index);
    if (!memo) this.scores.set(index, (memo = new Map()));
    return memo;
  }

  /**
   * Memory for IdOccurrences: a 100,000-row list needs about 2 MB, and memory fresh from the system
   * costs more than the work there (npm run bench). A second table while one is open gets its own.
   */
  takeIdMemory(bytes: number): ArrayBuffer {
    const spare = this.spareIdMemory;
    if (spare !== null && spare.byteLength >= bytes) {
      this.spareIdMemory = null;
      return spare;
    }
    return new ArrayBuffer(bytes);
  }

  giveBackIdMemory(memory: ArrayBuffer): void {
    this.spareIdMemory = memory;
  }
}
