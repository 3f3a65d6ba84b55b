import { isRetryable } from '../common/api.ts';
import { h } from '../../front/dom.ts';
import { byId, offerRetry } from '../common/dom.ts';
import { t } from './strings.ts';

/**
 * One of the page's modal dialogs: `<dialog id=ID>` with #ID-title, #ID-close and #ID-body (the
 * version history, the review). Đóng and Esc close it; closing aborts the reads still running for
 * it, empties its body and puts the focus back where it was opened from — or, when the page has
 * redrawn that element meanwhile (a review action refreshes the grid), on the one `refind` finds
 * in its place. Opening it again while it is open aborts the previous reads.
 */
export class PageDialog {
  private controller: AbortController | null = null;
  private from: HTMLElement | null = null;
  private refind: (() => HTMLElement | null) | null = null;

  constructor(private readonly id: string) {}

  private element(): HTMLDialogElement {
    return byId<HTMLDialogElement>(this.id);
  }

  /** Wires Đóng and the close event (once, at start). */
  setUp(): void {
    const d = this.element();
    byId(`${this.id}-close`).addEventListener('click', () => d.close());
    d.addEventListener('close', () => {
      this.controller?.abort();
      this.controller = null;
      byId(`${this.id}-body`).replaceChildren();
      const back = this.from?.isConnected ? this.from : this.refind?.();
      back?.focus();
      this.from = null;
      this.refind = null;
    });
  }

  /** Shows it with the title and "Đang tải…" in its body; the signal is for its reads. */
  open(title: string, from: HTMLElement, refind: (() => HTMLElement | null) | null = null): { signal: AbortSignal; body: HTMLElement; status: HTMLParagraphElement } {
    this.controller?.abort();
    const abort = new AbortController();
    this.controller = abort;
    this.from = from;
    this.refind = refind;
    byId(`${this.id}-title`).textContent = title;
    const body = byId(`${this.id}-body`);
    const status = h('p', { class: 'dialog-status', role: 'status' }, t('loading'));
    body.replaceChildren(status);
    const d = this.element();
    if (!d.open) d.showModal();
    return { signal: abort.signal, body, status };
  }
}

/** A failed read's message where the data goes, with "Thử lại" when trying again may help. */
export function failed(holder: HTMLElement, message: string, e: unknown, retry: () => void): void {
  const text = h('p', { class: 'dialog-status error', role: 'alert' }, message);
  if (!isRetryable(e)) {
    holder.replaceChildren(text);
    return;
  }
  const button = h('button', { type: 'button', class: 'retry small' }, t('tryAgain'));
  offerRetry(button, retry);
  holder.replaceChildren(text, button);
}
