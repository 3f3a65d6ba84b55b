import type { HouseholdCategory } from '../plans/plan.ts';
import type { HouseholdRecord } from '../rules/households.ts';
import type { ChangeFigures } from './figures.ts';
import { PreviousList, type StartCategory } from './previous-list.ts';

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
    const start = hasPrevious ? this.previousList.take(record) : 'none';
    const now = record.category;
    if (now === null) return;
    this.categorised++;
    if (now === 'poor') this.poorAtEnd++;
    else if (now === 'nearPoor') this.nearPoorAtEnd++;
    // Where the list has the column, a blank start means the household was on no list at the start.
    if (record.beginningCategory !== null) this.columnSeen = true;
    this.byColumn.count(record.beginningCategory ?? 'none', now);
    if (hasPrevious) this.byPrevious.count(start, now);
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
