import { type Child, h } from '../../front/dom.ts';

/** A card of the pane: a section titled by its h2 (the id names it for assistive technology). */
export function card(titleId: string, title: string, ...children: Child[]): HTMLElement {
  return h('section', { className: 'card', 'aria-labelledby': titleId }, h('h2', { id: titleId }, title), ...children);
}
