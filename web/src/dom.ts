/**
 * Tiny DOM builder. Strings always become text nodes, so data from the API is never parsed
 * as HTML (no innerHTML anywhere in the app).
 */
export type Child = Node | string | number | null | undefined | false;

export type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

/** Creates an element; `on…` attributes given functions become event listeners. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

/** Appends children, turning strings and numbers into text nodes. */
export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A `<label>` wrapping its control, the simplest accessible pairing; a hint is tied by `aria-describedby`. */
export function field(label: Child, control: HTMLElement, hint?: Child): HTMLLabelElement {
  let hintEl: HTMLElement | null = null;
  if (hint) {
    hintEl = h('small', { id: `hint-${++hintCount}` }, hint);
    control.setAttribute('aria-describedby', hintEl.id);
  }
  return h('label', { class: 'field' }, h('span', { class: 'label' }, label), control, hintEl);
}

let hintCount = 0;

/** Looks up an element that index.html must contain. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no element #${id}`);
  return el as T;
}
