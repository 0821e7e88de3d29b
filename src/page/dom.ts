/**
 * Building the page's elements. Ladder text only ever becomes text nodes (`append` of a string),
 * never markup, and attributes are set one by one, so nothing a ladder says can add an element,
 * a handler or a style.
 */
export type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | boolean | undefined> = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/** Text as the ladder writes it, with `code spans` shown as code: the one bit of markup ladders use inside a clause. */
export function inline(text: string): Child[] {
  return text.split(/(`[^`\n]+`)/).map((part, i) => (i % 2 === 1 ? el('code', {}, part.slice(1, -1)) : part));
}

/** Words for screen readers that the eye gets from colour or a symbol. */
export const hiddenLabel = (text: string) => el('span', { class: 'sr' }, text);

/** A link to a view of the page. */
export const viewLink = (hash: string, ...children: Child[]) => el('a', { href: `#${hash}` }, ...children);

/** A table that scrolls sideways on a narrow screen, reachable by keyboard (a focusable, named region). */
export function scrollRegion(label: string, table: HTMLTableElement): HTMLElement {
  return el('div', { class: 'scroll', role: 'region', 'aria-label': label, tabindex: '0' }, table);
}
