/** What may be passed as a child: `false` and `undefined` are skipped, so conditions read inline. */
export type Child = Node | string | false | undefined;

/** Attributes and properties `h` sets: strings become attributes, booleans toggle them, functions listen. */
export type Props = Record<
  string,
  string | number | boolean | undefined | ((event: Event) => void)
>;

/**
 * Creates an element. Text children become text nodes, so answers and labels are never parsed as HTML.
 * @example h('button', { type: 'submit' }, 'Continue')
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== undefined && value !== false) element.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child !== false && child !== undefined) element.append(child);
  }
  return element;
}
