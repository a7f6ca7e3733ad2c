/**
 * A tiny DOM builder. Text always goes in as a text node (never as HTML), so everything a user
 * typed — trend texts, matter titles — is shown as typed and cannot inject markup.
 */
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined | null | ((e: Event) => void)>;

const SVG_NS = 'http://www.w3.org/2000/svg';

function build<E extends Element>(el: E, attrs: Attrs, children: Child[]): E {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return el;
}

/** An HTML element. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** Replaces an element's content. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  build(el, {}, children);
}

/** Oslo date of an ISO instant, e.g. «3. mar. 2026». */
export function osloDate(iso: string, locale: 'nb' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nb-NO', { timeZone: 'Europe/Oslo', day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(iso),
  );
}

/** «mar 2026» for YYYY-MM. */
export function monthLabel(month: string, months: readonly string[]): string {
  const [y, m] = month.split('-');
  return `${months[Number(m) - 1] ?? m} ${y}`;
}
