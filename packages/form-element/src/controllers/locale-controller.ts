import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LOCALES, negotiateLocale, type Locale } from '@union-join/sdk';

/**
 * Decides the language of the form and re-renders the host when it may have changed.
 *
 * Order: the host's own `lang` attribute, the closest ancestor with `lang` (across shadow roots),
 * `navigator.languages`, then the form's first locale. Each candidate is only taken if the form
 * offers it, so `lang="de"` on the page falls through to the browser's languages.
 */
export class LocaleController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #observer: MutationObserver | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    // Watch the host and each ancestor's lang attribute: a CMS language switcher may change <html lang>.
    this.#observer = new MutationObserver(() => this.#host.requestUpdate());
    for (const element of this.#langCarriers()) {
      this.#observer.observe(element, { attributes: true, attributeFilter: ['lang'] });
    }
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  /** The locale to use for a form offering `supported` (all sdk locales while no form is loaded). */
  resolve(supported: readonly Locale[] = LOCALES): Locale {
    return negotiateLocale(this.#candidates(), supported) ?? supported[0] ?? 'en';
  }

  #candidates(): string[] {
    const candidates: string[] = [];
    const own = this.#host.getAttribute('lang');
    if (own) candidates.push(own);
    const inherited = this.#inheritedLang();
    if (inherited) candidates.push(inherited);
    if (typeof navigator !== 'undefined') candidates.push(...(navigator.languages ?? []));
    return candidates;
  }

  #inheritedLang(): string | undefined {
    for (const element of this.#langCarriers()) {
      if (element === this.#host) continue;
      const lang = element.getAttribute('lang');
      if (lang) return lang;
    }
    return undefined;
  }

  /** The host, then its ancestors up to the document, stepping out of shadow roots. */
  *#langCarriers(): Generator<Element> {
    let node: Node | null = this.#host;
    while (node) {
      if (node instanceof Element) yield node;
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
  }
}
