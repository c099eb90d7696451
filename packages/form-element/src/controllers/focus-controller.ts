import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How a focused target is brought into view (see {@link FocusController.focusAfterRender}). */
type Placement = 'top' | 'field';

/** What the focus controller needs from its host element. */
export type FocusHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode };

/**
 * Moves focus after the view changes and keeps the text of the polite live region, so keyboard
 * and screen-reader users always know where they are. Nothing moves on first load: focus is only
 * taken in answer to something the applicant did.
 */
export class FocusController implements ReactiveController {
  readonly #host: FocusHost;
  #pending: string | undefined;
  #placement: Placement | undefined;
  #announcement = (): string => '';

  constructor(host: FocusHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The text of the live region, worked out when read, so it says what the render shows. */
  get announcement(): string {
    return this.#announcement();
  }

  /**
   * Focuses the element matching `selector` after the next render and announces `text()`. With
   * `top`, a target whose first line (a heading) is off screen is scrolled to the top of the
   * window, so a tall error summary never takes focus with its heading out of sight; with
   * `field`, the target is a question, shown with its label as {@link focusNow} does.
   */
  focusAfterRender(selector: string, text?: () => string, placement?: Placement): void {
    this.#pending = selector;
    this.#placement = placement;
    if (text) this.#announcement = text;
    this.#host.requestUpdate();
  }

  /** Says `text()` in the live region without moving focus (e.g. "Sending…"). */
  announce(text: () => string): void {
    this.#announcement = text;
    this.#host.requestUpdate();
  }

  /** Focuses the element matching `selector` now (e.g. a field from an error summary link). */
  focusNow(selector: string): boolean {
    const target = this.#host.renderRoot.querySelector<HTMLElement>(selector);
    if (!target) return false;
    // The label and legend sit above the control: bring them into view too, as GOV.UK does,
    // unless they are so tall (text zoomed on a phone) that the box would then be out of sight.
    const context = target.closest('[part~="field"]') ?? target;
    const fits = target.getBoundingClientRect().bottom - context.getBoundingClientRect().top;
    const scrolled = fits <= innerHeight ? context : target;
    scrolled.scrollIntoView({
      block: scrolled === context ? 'start' : 'center',
      behavior: this.#scrollBehaviour(),
    });
    target.focus({ preventScroll: true });
    return true;
  }

  hostUpdated(): void {
    const selector = this.#pending;
    if (selector === undefined) return;
    this.#pending = undefined;
    if (this.#placement === 'field' && this.focusNow(selector)) return;
    const target = this.#host.renderRoot.querySelector<HTMLElement>(selector);
    if (!target) return;
    const behavior = this.#scrollBehaviour();
    const first =
      this.#placement === 'top' ? target.firstElementChild?.getBoundingClientRect() : undefined;
    const box = target.getBoundingClientRect();
    const top = this.#host.getBoundingClientRect().top;
    if (first && (first.top < 0 || first.bottom > innerHeight)) {
      target.scrollIntoView({ block: 'start', behavior });
    } else if (top < 0 && box.bottom - top <= innerHeight) {
      // After Continue at the bottom of a long step the new page would start off screen.
      this.#host.scrollIntoView({ block: 'start', behavior });
    } else if (box.top < 0 || box.bottom > innerHeight) {
      // A target far down the element (a question under the step) is brought into view itself.
      target.scrollIntoView({ block: 'nearest', behavior });
    }
    target.focus({ preventScroll: true });
  }

  #scrollBehaviour(): ScrollBehavior {
    return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  }
}
