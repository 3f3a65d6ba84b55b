/** The pages' lookups of index.html's elements and their "Thử lại" (the element builders are front/dom.ts). */

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`#${id} is missing from index.html`);
  return el as T;
}

/**
 * Shows a "Thử lại" button for a failed step, or hides it (retry null). A click hides it again and
 * runs the step once; the message it goes with stays in its own element (a live region).
 */
export function offerRetry(button: HTMLButtonElement, retry: (() => void) | null): void {
  button.hidden = retry === null;
  button.onclick =
    retry === null
      ? null
      : () => {
          button.hidden = true;
          button.onclick = null;
          retry();
        };
}
