/**
 * The element builders of the task pane and the pages: no framework, no innerHTML (every text goes
 * in as text, a number as its digits).
 */

type AttrValue = string | number | boolean | null | undefined;
/** An attribute (null, undefined and false leave it out, true sets it empty), or a listener (`onClick`). */
export type Props = Readonly<Record<string, AttrValue | ((event: Event) => void)>>;
export type Child = Node | string | number | null | undefined | false;

function append(el: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'number' ? String(child) : child);
  }
}

/**
 * An HTML element. Besides attributes, `onX` with a function adds a listener for x, `className`
 * sets the class, `value` sets an input's or a select's current value; a select whose options come
 * with one `selected` shows that one.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'className') el.className = String(value);
    else if (key === 'value' && (el instanceof HTMLInputElement || el instanceof HTMLSelectElement)) el.value = String(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  // A select's value can only be set once its options are there.
  if (el instanceof HTMLSelectElement) {
    const chosen = [...el.options].find((o) => o.hasAttribute('selected'));
    if (chosen) el.value = chosen.value;
  }
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element; attributes are presentation attributes (the pages' CSP allows no inline style). */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, AttrValue>> = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}
