/**
 * Element construction for the whole UI. Text goes in as text nodes only: model output and user
 * input are never parsed as HTML, so nothing a service or a file returns can inject markup.
 */
type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, ...children);
  return element;
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  setAttributes(element, attributes);
  append(element, ...children);
  return element;
}

function setAttributes(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** A message region that screen readers announce when its text changes. */
export function messageRegion(kind: 'status' | 'alert', className = 'message'): HTMLElement {
  return el('p', { role: kind, class: className, 'aria-live': kind === 'alert' ? 'assertive' : 'polite' });
}

export function showError(region: HTMLElement, message: string | undefined): void {
  region.textContent = message ?? '';
  region.hidden = !message;
}

export const percent = (value: number, digits = 1) => `${(value * 100).toFixed(digits)} %`;
