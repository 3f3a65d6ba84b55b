import type { HouseholdCategory } from '../plans/plan.ts';
import type { HouseholdRecord } from '../rules/households.ts';
import type { ChangeFigures } from './figures.ts';
import { headVillageKey, idKey } from './household-key.ts';

/** A household's category at the start of the year; 'none' = not on the previous list. */
type StartCategory = HouseholdCategory | 'none';

interface PreviousEntry {
  category: HouseholdCategory | null;
  id: string | null;
  matched: boolean;
}

/**
 * The commune's previous annual list, indexed for matching: by ID number, else by head name +
 * village. Held for one commune at a time (what the changes report needs), then dropped.
 */
class PreviousList {
  private readonly entries: PreviousEntry[] = [];
  private readonly byId = new Map<string, PreviousEntry>();
  private readonly byHead = new Map<string, PreviousEntry[]>();

  get size(): number {
    return this.entries.length;
  }

  add(record: HouseholdRecord): void {
    const entry: PreviousEntry = { category: record.category, id: idKey(record.idNumber), matched: false };
    this.entries.push(entry);
    if (entry.id !== null && !this.byId.has(entry.id)) this.byId.set(entry.id, entry);
    const head = headVillageKey(record);
    if (head !== null) {
      const list = this.byHead.get(head);
      if (list) list.push(entry);
      else this.byHead.set(head, [entry]);
    }
  }

  /** The unmatched previous entry for this household, marked matched; null when none. */
  take(record: HouseholdRecord): PreviousEntry | null {
    const id = idKey(record.idNumber);
    if (id !== null) {
      const byId = this.byId.get(id);
      if (byId && !byId.matched) {
        byId.matched = true;
        return byId;
      }
    }
    // Name + village only between records that do not both carry (different) ID numbers.
    const head = headVillageKey(record);
    const candidates = head === null ? undefined : this.byHead.get(head);
    for (const entry of candidates ?? []) {
      if (!entry.matched && (entry.id === null || id === null)) {
        entry.matched = true;
        return entry;
      }
    }
    return null;
  }

  unmatched(): HouseholdCategory[] {
    const out: HouseholdCategory[] = [];
    for (const e of this.entries) if (!e.matched && e.category !== null) out.push(e.category);
    return out;
  }
}

/** Counters for one way of knowing the start of year. */
class Transitions {
  poorAtStart = 0;
  nearPoorAtStart = 0;
  poorToOut = 0;
  poorToNearPoor = 0;
  nearPoorToPoor = 0;
  nearPoorToOut = 0;
  newPoor = 0;
  newNearPoor = 0;
  newlyEscaped = 0;

  count(start: StartCategory, now: HouseholdCategory): void {
    if (start === 'poor') {
      this.poorAtStart++;
      if (now === 'nearPoor') this.poorToNearPoor++;
      else if (now === 'newlyEscaped') this.poorToOut++;
    } else if (start === 'nearPoor') {
      this.nearPoorAtStart++;
      if (now === 'poor') this.nearPoorToPoor++;
      else if (now === 'newlyEscaped') this.nearPoorToOut++;
    } else if (now === 'poor') this.newPoor++;
    else if (now === 'nearPoor') this.newNearPoor++;
    if (now === 'newlyEscaped' && start !== 'newlyEscaped') this.newlyEscaped++;
  }

  /** A household of the start of year that is no longer on the list. */
  gone(start: HouseholdCategory): void {
    if (start === 'poor') {
      this.poorAtStart++;
      this.poorToOut++;
    } else if (start === 'nearPoor') {
      this.nearPoorAtStart++;
      this.nearPoorToOut++;
    }
  }
}

/**
 * Diễn biến for one commune, streamed: feed the previous annual list first (`previous`), then the
 * current list (`current`). Both ways of knowing the start are counted side by side, since whether
 * the sheet has a start-of-year column is only known at the end; `finish` picks the column when
 * any household has one (a blank then means "on no list at the start"), else the previous list.
 */
export class ChangeTally {
  /** Dropped by `finish`, so a district's tallies do not keep every commune's previous list. */
  private previousList: PreviousList | null = new PreviousList();
  private result: ChangeFigures | null = null;
  private readonly byColumn = new Transitions();
  private readonly byPrevious = new Transitions();
  private started = false;
  private columnSeen = false;
  private poorAtEnd = 0;
  private nearPoorAtEnd = 0;
  private categorised = 0;

  previous(record: HouseholdRecord): void {
    if (this.started || !this.previousList) throw new Error('ChangeTally: the previous list must be given before the current list');
    this.previousList.add(record);
  }

  current(record: HouseholdRecord): void {
    if (!this.previousList) throw new Error('ChangeTally: households given after finish()');
    this.started = true;
    const hasPrevious = this.previousList.size > 0;
    const entry = hasPrevious ? this.previousList.take(record) : null;
    const now = record.category;
    if (now === null) return;
    this.categorised++;
    if (now === 'poor') this.poorAtEnd++;
    else if (now === 'nearPoor') this.nearPoorAtEnd++;
    // Where the list has the column, a blank start means the household was on no list at the start.
    if (record.beginningCategory !== null) this.columnSeen = true;
    this.byColumn.count(record.beginningCategory ?? 'none', now);
    if (hasPrevious) this.byPrevious.count(entry?.category ?? 'none', now);
  }

  /** The figures; the first call ends the tally and drops the previous list. */
  finish(hasList: boolean): ChangeFigures {
    this.result ??= this.compute(hasList);
    this.previousList = null;
    return this.result;
  }

  private compute(hasList: boolean): ChangeFigures {
    const previousList = this.previousList ?? new PreviousList();
    const end = hasList ? { poorAtEnd: this.poorAtEnd, nearPoorAtEnd: this.nearPoorAtEnd } : { poorAtEnd: null, nearPoorAtEnd: null };
    let t: Transitions | null = null;
    let basis: ChangeFigures['basis'] = 'none';
    if (hasList && this.columnSeen) {
      t = this.byColumn;
      basis = 'beginningCategory';
    } else if (hasList && previousList.size > 0) {
      t = this.byPrevious;
      basis = 'previousList';
      for (const category of previousList.unmatched()) t.gone(category);
    }
    if (t === null) {
      return {
        basis,
        poorAtStart: null,
        poorToOut: null,
        poorToNearPoor: null,
        nearPoorToPoor: null,
        newPoor: null,
        poorAtEnd: end.poorAtEnd,
        nearPoorAtStart: null,
        nearPoorToOut: null,
        newNearPoor: null,
        nearPoorAtEnd: end.nearPoorAtEnd,
        newlyEscaped: null,
        unknownStart: hasList ? this.categorised : null,
      };
    }
    return {
      basis,
      poorAtStart: t.poorAtStart,
      poorToOut: t.poorToOut,
      poorToNearPoor: t.poorToNearPoor,
      nearPoorToPoor: t.nearPoorToPoor,
      newPoor: t.newPoor,
      poorAtEnd: end.poorAtEnd,
      nearPoorAtStart: t.nearPoorAtStart,
      nearPoorToOut: t.nearPoorToOut,
      newNearPoor: t.newNearPoor,
      nearPoorAtEnd: end.nearPoorAtEnd,
      newlyEscaped: t.newlyEscaped,
      unknownStart: 0,
    };
  }
}
