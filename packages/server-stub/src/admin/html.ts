/** Markup that is already safe to insert: built by {@link html}, never from raw input. */
export class SafeHtml {
  readonly #text: string;

  /** Wraps markup; only {@link html} and {@link joinHtml} should call this. */
  constructor(text: string) {
    this.#text = text;
  }

  /** The markup. */
  toString(): string {
    return this.#text;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML or SVG text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

type Interpolation = SafeHtml | string | number | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map((item: Interpolation) => render(item)).join('');
  return escapeHtml(String(value));
}

/**
 * Template tag that escapes every interpolated value unless it is {@link SafeHtml}, so form
 * titles and labels from a definition can never inject markup into the admin page.
 *
 * @example
 * html`<h2>${definition.organisation.name}</h2>`;
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  for (const [index, value] of values.entries()) out += render(value) + (strings[index + 1] ?? '');
  return new SafeHtml(out);
}
