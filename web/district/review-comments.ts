import type { ReviewComment } from '../../shared/api.ts';
import { h } from '../../front/dom.ts';
import { t } from './strings.ts';

/**
 * The review comments being written (drafts): on the whole report, a sheet, a row or one cell of
 * the submission as received. Each has a text box; each can be removed. The text is sent byte for
 * byte as typed (the server never trims it); a blank or over-long one holds the buttons back.
 */

export type CommentPlace =
  | { scope: 'report' }
  | { scope: 'sheet'; sheet: string }
  | { scope: 'row'; sheet: string; row: number }
  | { scope: 'cell'; sheet: string; row: number; column: string };

export interface Draft {
  id: number;
  place: CommentPlace;
  text: string;
}

export const MAX_COMMENT = 2000;

/** "Ô C14 — Danh sach ho", "Dòng 14 — …", "Trang …", "Cả báo cáo". */
export function placeLabel(place: CommentPlace | ReviewComment): string {
  switch (place.scope) {
    case 'report':
      return t('scopeReport');
    case 'sheet':
      return `${t('scopeSheet')} ${place.sheet}`;
    case 'row':
      return `${t('scopeRow')} ${place.row} — ${place.sheet}`;
    case 'cell':
      return `${t('scopeCell')} ${place.column}${place.row} — ${place.sheet}`;
  }
}

function samePlace(a: CommentPlace, b: CommentPlace): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function toComment(d: Draft): ReviewComment {
  return { ...d.place, text: d.text } as ReviewComment;
}

/** Why the drafts cannot be sent as they are, or null. */
export function draftProblem(drafts: readonly Draft[]): string | null {
  if (drafts.some((d) => d.text.trim() === '')) return t('commentBlank');
  if (drafts.some((d) => d.text.length > MAX_COMMENT)) return t('commentTooLong');
  return null;
}

export class Drafts {
  private items: Draft[] = [];
  private next = 1;
  readonly list: HTMLOListElement = h('ol', { class: 'drafts', id: 'review-drafts' });
  readonly empty: HTMLParagraphElement = h('p', { class: 'note', id: 'review-drafts-empty' }, t('noDrafts'));

  /** `changed(placesChanged)`: false when only a text was edited. */
  constructor(private readonly changed: (placesChanged: boolean) => void) {
    this.render();
  }

  all(): readonly Draft[] {
    return this.items;
  }

  /** Adds a draft for the place (or focuses the one already there). */
  add(place: CommentPlace): void {
    const there = this.items.find((d) => samePlace(d.place, place));
    if (there === undefined) this.items.push({ id: this.next++, place, text: '' });
    this.render();
    const id = there?.id ?? this.next - 1;
    this.list.querySelector<HTMLTextAreaElement>(`textarea[data-draft="${id}"]`)?.focus();
    this.changed(true);
  }

  private render(): void {
    this.empty.hidden = this.items.length > 0;
    this.list.replaceChildren(
      ...this.items.map((d) => {
        const label = placeLabel(d.place);
        const area = h('textarea', { 'data-draft': d.id, maxlength: MAX_COMMENT, 'aria-label': `${t('commentText')}: ${label}` });
        area.value = d.text;
        area.addEventListener('input', () => {
          d.text = area.value;
          this.changed(false);
        });
        const remove = h('button', { type: 'button', class: 'subtle small', 'data-remove': d.id }, t('removeComment'));
        remove.addEventListener('click', () => {
          this.items = this.items.filter((x) => x !== d);
          this.render();
          this.changed(true);
        });
        return h(
          'li',
          { 'data-scope': d.place.scope, 'data-sheet': 'sheet' in d.place ? d.place.sheet : '', 'data-row': 'row' in d.place ? d.place.row : '', 'data-column': 'column' in d.place ? d.place.column : '' },
          h('span', { class: 'place' }, label),
          ' ',
          remove,
          area,
        );
      }),
    );
  }
}
