import type { HouseholdCategory } from './plans/plan.ts';
import { categoryOf } from './rules/category.ts';
import { MarkSets } from './rules/mark-sets.ts';
import { normalizeLabel } from './table/labels.ts';
import { type LegacyEncoding, detectLegacyEncoding } from './text/legacy-encoding.ts';
import { fold, foldName } from './text/normalize.ts';

/** Answers to one question by key, forgotten all at once when more than `limit` are held. */
class Memo<Answer> {
  private readonly answers = new Map<string, Answer>();

  constructor(private readonly limit: number) {}

  answer(key: string, find: (key: string) => Answer): Answer {
    let found = this.answers.get(key);
    if (found === undefined) {
      found = find(key);
      if (this.answers.size > this.limit) this.answers.clear();
      this.answers.set(key, found);
    }
    return found;
  }
}

function detectUnfonted(text: string): LegacyEncoding | null {
  return detectLegacyEncoding(text.normalize('NFC'), null);
}

/**
 * What one check remembers while it runs: the answers to questions that come back row after row
 * (a list repeats its villages, names and categories) and memory to reuse. The domain keeps no
 * state of its own between calls; validateWorkbook makes one of these per call unless the caller
 * passes one in (ValidateOptions.memory): the task pane, which checks the same workbook again and
 * again, keeps one for as long as it is open. Each memo is bounded, so a long-lived one stays small.
 */
export class CheckMemory {
  private readonly folded = new Memo<string>(50_000);
  private readonly names = new Memo<string>(50_000);
  private readonly labels = new Memo<string>(10_000);
  private readonly categories = new Memo<HouseholdCategory | null>(10_000);
  private lastCategoryText: string | null = null;
  private lastCategory: HouseholdCategory | null = null;
  private readonly legacy = new Memo<LegacyEncoding | null>(100_000);
  private readonly sets = new Memo<MarkSets>(63);
  private readonly scores = new WeakMap<object, Map<string, ReadonlyMap<number, number>>>();
  private spareIdMemory: ArrayBuffer | null = null;

  /** fold(), once per distinct text (a function value: parseMark takes it). */
  readonly fold = (text: string): string => this.folded.answer(text, fold);

  /** foldName(), once per distinct text. */
  foldName(text: string): string {
    return this.names.answer(text, foldName);
  }

  /** normalizeLabel(), once per distinct header text (a header's labels come back sheet after sheet). */
  label(text: string): string {
    return this.labels.answer(text, normalizeLabel);
  }

  /** categoryOf(), once per distinct text; rows of a list often share their category. */
  category(text: string): HouseholdCategory | null {
    if (text === this.lastCategoryText) return this.lastCategory;
    const found = this.categories.answer(text, categoryOf);
    this.lastCategoryText = text;
    this.lastCategory = found;
    return found;
  }

  /** Legacy-encoding detection, once per distinct text and font (lists repeat villages and names). */
  legacyEncoding(text: string, font: string | null): LegacyEncoding | null {
    if (font === null) return this.legacy.answer(text, detectUnfonted);
    return this.legacy.answer(`${font}\u0000${text}`, () => detectLegacyEncoding(text.normalize('NFC'), font));
  }

  /** The shared id lists for these mark columns (frozen lists, so sharing them between checks is safe). */
  markSets(ids: readonly string[]): MarkSets {
    return this.sets.answer(ids.join(','), () => new MarkSets(ids));
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
