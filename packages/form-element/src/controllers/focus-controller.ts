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
  /** The page changed in answer to the browser's Back or Forward, in this task. */
  #popped = false;

  constructor(host: FocusHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('popstate', this.#onPop);
  }

  hostDisconnected(): void {
    removeEventListener('popstate', this.#onPop);
  }

  #onPop = (): void => {
    this.#popped = true;
    setTimeout(() => (this.#popped = false));
  };

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
    const placement = this.#placement;
    this.#reveal(target, placement);
    target.focus({ preventScroll: true });
    // After Back or Forward the browser restores the scroll that history entry had (Continue at
    // the bottom of a tall step), once the page has changed: the heading is shown again over it.
    if (this.#popped) {
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const box = target.getBoundingClientRect();
          if (target.isConnected && (box.top < 0 || box.bottom > innerHeight)) {
            this.#reveal(target, placement);
          }
        }),
      );
    }
  }

  /** Scrolls the page so that `target` and, when they fit, the form's top are in view. */
  #reveal(target: HTMLElement, placement: Placement | undefined): void {
    const behavior = this.#scrollBehaviour();
    const first =
      placement === 'top' ? target.firstElementChild?.getBoundingClientRect() : undefined;
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
  }

  #scrollBehaviour(): ScrollBehavior {
    return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  }
}
