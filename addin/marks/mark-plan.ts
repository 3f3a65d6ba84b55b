import * as z from 'zod';
import { type CellTarget, MARK_FILL, cellKey, markNoteText } from '../../front/cell-marks.ts';

/**
 * What marking a cell changes and how to undo it, as data. A mark is a fill colour and (where
 * Excel supports notes) a note; the fill and note the cell had before are kept in the workbook
 * (the very hidden sheet MARKS_SHEET) so "Xoá đánh dấu" can restore them after save and reopen.
 * Which cells get which mark is front/cell-marks.ts, shared with the upload page's marked copy.
 */

/** Cell text is limited to 32,767 characters; a note longer than this is left alone. */
const MAX_STORED_TEXT = 30_000;

export const SavedFill = z.object({
  /** "None" (no fill), "Solid", or another Excel pattern. */
  pattern: z.string(),
  color: z.string().optional(),
  patternColor: z.string().optional(),
});
export type SavedFill = z.infer<typeof SavedFill>;

/** A note as it was: none, its text, or "untouched" when the mark added no note (notes unsupported). */
export const SavedNote = z.union([z.null(), z.object({ content: z.string() }), z.literal('untouched')]);
export type SavedNote = z.infer<typeof SavedNote>;

export interface MarkRecord {
  sheet: string;
  address: string;
  /** The fill and note before the mark. */
  fill: SavedFill;
  note: SavedNote;
  /** The fill colour and note text the mark set (to tell whether the mark is still there). */
  markFill: string;
  markNote: string | null;
}

/** A cell as it is now. `note` is null when it has none; undefined when notes cannot be read. */
export interface CurrentCell {
  fill: SavedFill;
  note?: { content: string } | null;
}

export interface FillRestore {
  sheet: string;
  address: string;
  fill: SavedFill;
}
export interface NoteChange {
  sheet: string;
  address: string;
  /** null deletes the note. */
  content: string | null;
  /** Whether the cell has a note now (set its content) or not (add one). */
  exists: boolean;
}
export interface FillMark {
  sheet: string;
  address: string;
  color: string;
}

export interface MarkPlan {
  fills: FillMark[];
  restoreFills: FillRestore[];
  notes: NoteChange[];
  records: MarkRecord[];
}

function sameColor(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toUpperCase() === b.toUpperCase();
}

/**
 * Marks for `targets`, undoing `previous` marks that no longer apply. A previous mark counts as
 * still there only if the cell still has our fill (our note); if the officer changed it, the
 * officer's version is what gets kept and restored.
 */
export function planMarks(
  targets: readonly CellTarget[],
  previous: readonly MarkRecord[],
  current: ReadonlyMap<string, CurrentCell>,
  notes: boolean,
): MarkPlan {
  const plan: MarkPlan = { fills: [], restoreFills: [], notes: [], records: [] };
  const before = new Map(previous.map((r) => [cellKey(r.sheet, r.address), r]));
  const wanted = new Set(targets.map((t) => cellKey(t.sheet, t.address)));
  const ours = (r: MarkRecord, now: CurrentCell) => ({
    fill: now.fill.pattern === 'Solid' && sameColor(now.fill.color, r.markFill),
    note: r.markNote !== null && now.note !== undefined && now.note !== null && now.note.content === r.markNote,
  });

  for (const r of previous) {
    const key = cellKey(r.sheet, r.address);
    const now = current.get(key);
    if (wanted.has(key) || !now) continue;
    const still = ours(r, now);
    if (still.fill) plan.restoreFills.push({ sheet: r.sheet, address: r.address, fill: r.fill });
    if (still.note && r.note !== 'untouched') {
      plan.notes.push({ sheet: r.sheet, address: r.address, content: r.note === null ? null : r.note.content, exists: true });
    }
  }

  for (const t of targets) {
    const key = cellKey(t.sheet, t.address);
    const now = current.get(key);
    if (!now) continue;
    const prev = before.get(key);
    const still = prev ? ours(prev, now) : { fill: false, note: false };
    const fill = prev && still.fill ? prev.fill : now.fill;
    const color = MARK_FILL[t.severity];
    plan.fills.push({ sheet: t.sheet, address: t.address, color });

    let note: SavedNote = 'untouched';
    let markNote: string | null = null;
    if (notes && now.note !== undefined) {
      const original: SavedNote = prev && still.note && prev.note !== 'untouched' ? prev.note : now.note;
      const text = markNoteText(original, t.lines);
      if (text.length <= MAX_STORED_TEXT) {
        note = original;
        markNote = text;
        plan.notes.push({ sheet: t.sheet, address: t.address, content: text, exists: now.note !== null });
      }
    }
    plan.records.push({ sheet: t.sheet, address: t.address, fill, note, markFill: color, markNote });
  }
  return plan;
}

// ---- the stored form: one row per marked cell on the marks sheet ------------------------------

export const MARKS_HEADER = ['GNBV marks v1', 'address', 'fill', 'note', 'markFill', 'markNote'] as const;

export function encodeRecords(records: readonly MarkRecord[]): string[][] {
  return [
    [...MARKS_HEADER],
    ...records.map((r) => [r.sheet, r.address, JSON.stringify(r.fill), JSON.stringify(r.note), r.markFill, r.markNote ?? '']),
  ];
}

const StoredRow = z.tuple([z.string().min(1), z.string().regex(/^[A-Z]{1,3}\d+$/), z.string(), z.string(), z.string(), z.string()]);

/** The records from the marks sheet's values; rows that do not parse are skipped. */
export function decodeRecords(values: readonly (readonly unknown[])[] | null): MarkRecord[] {
  if (!values || values[0]?.[0] !== MARKS_HEADER[0]) return [];
  const records: MarkRecord[] = [];
  for (const row of values.slice(1)) {
    const parsed = StoredRow.safeParse(row.slice(0, 6).map((v) => (v === null || v === undefined ? '' : String(v))));
    if (!parsed.success) continue;
    const [sheet, address, fillJson, noteJson, markFill, markNote] = parsed.data;
    try {
      const fill = SavedFill.safeParse(JSON.parse(fillJson));
      const note = SavedNote.safeParse(JSON.parse(noteJson));
      if (!fill.success || !note.success) continue;
      records.push({ sheet, address, fill: fill.data, note: note.data, markFill, markNote: markNote === '' ? null : markNote });
    } catch {
      continue;
    }
  }
  return records;
}
