/** A tiny element builder for the pane: no framework, no innerHTML (text is always text). */

export type Child = Node | string | null | false | undefined;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, unknown> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    else if (key === 'className') el.className = String(value);
    else if (key === 'value' && (el instanceof HTMLInputElement || el instanceof HTMLSelectElement)) el.value = String(value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  // A select's value can only be set once its options are there.
  if (el instanceof HTMLSelectElement) {
    const chosen = [...el.options].find((o) => o.hasAttribute('selected'));
    if (chosen) el.value = chosen.value;
  }
  return el;
}

/** A card of the pane: a section titled by its h2 (the id names it for assistive technology). */
export function card(titleId: string, title: string, ...children: Child[]): HTMLElement {
  return h('section', { className: 'card', 'aria-labelledby': titleId }, h('h2', { id: titleId }, title), ...children);
}
