import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  FormDefinitionError,
  createClient,
  safeParseFormDefinition,
  type FormDefinition,
} from '@union-join/sdk';
import { CLIENT_RETRIES, endpointOf } from '../internal/client-options.ts';
import { DefinitionLoadError } from '../internal/definition-load-error.ts';

/** The element's own attributes and the global ones a page may put on any element. */
const KNOWN_ATTRIBUTE =
  /^(endpoint|form-id|src|lang|analytics|drafts|id|class|style|hidden|dir|title|slot|part|tabindex|inert|nonce|translate|(data|aria)-.*)$/;

/** Where a host gets its form definition from; the first one set wins, in this order. */
export interface DefinitionSource {
  /** The host element's attribute names, to name a misspelt one. */
  getAttributeNames(): string[];
  /** A definition object set from JavaScript. */
  definition: unknown;
  /** URL of a form-definition JSON file. */
  src: string | undefined;
  /** Backend base URL; with `formId`, the definition is `GET {endpoint}/v1/forms/{formId}`. */
  endpoint: string | undefined;
  /** The form's id on the backend. */
  formId: string | undefined;
}

/** Where loading stands: nothing to load yet, loading, loaded, or why it failed. */
export type DefinitionState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly definition: FormDefinition }
  | { readonly status: 'invalid'; readonly error: FormDefinitionError }
  | { readonly status: 'failed'; readonly error: DefinitionLoadError };

/**
 * Loads and checks the form definition from `.definition`, `src` or `endpoint` + `form-id`,
 * reloading whenever one of them changes. An invalid definition is reported with the sdk's JSON
 * paths (on the console too, where a webmaster looks first); a failed fetch can be retried, and
 * is retried by itself when the browser comes back online.
 */
export class DefinitionController implements ReactiveController {
  readonly #host: ReactiveControllerHost & DefinitionSource;
  readonly #onChange: (state: DefinitionState) => void;
  #state: DefinitionState = { status: 'idle' };
  #inputs: readonly unknown[] | undefined;
  #generation = 0;

  /** `onChange` is called whenever the state changes, before the host re-renders. */
  constructor(
    host: ReactiveControllerHost & DefinitionSource,
    onChange: (state: DefinitionState) => void,
  ) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener('online', this.#onOnline);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener('online', this.#onOnline);
  }

  /** The current state. */
  get state(): DefinitionState {
    return this.#state;
  }

  hostUpdate(): void {
    const { definition, src, endpoint, formId } = this.#host;
    const inputs = [definition, src, endpoint, formId];
    const previous = this.#inputs;
    if (previous && inputs.every((value, i) => Object.is(value, previous[i]))) return;
    this.#inputs = inputs;
    this.#load();
  }

  /** Loads again, e.g. from the "Try again" button after a network failure. */
  retry(): void {
    this.#load();
    this.#host.requestUpdate();
  }

  #onOnline = (): void => {
    if (this.#state.status === 'failed') this.retry();
  };

  #load(): void {
    const generation = ++this.#generation;
    const { definition, src, endpoint, formId } = this.#host;
    if (globalThis.isSecureContext === false) {
      this.#fail(new DefinitionLoadError('insecure'));
      return;
    }
    if (definition !== undefined && definition !== null) {
      // A definition set from JavaScript is checked at once, so the first render shows the form.
      this.#accept(safeParseFormDefinition(definition));
      return;
    }
    if (src) {
      this.#set({ status: 'loading' });
      void this.#fetchJson(src).then(
        (json) => generation === this.#generation && this.#accept(safeParseFormDefinition(json)),
        (error: unknown) => generation === this.#generation && this.#reject(error, src),
      );
      return;
    }
    if (formId) {
      this.#set({ status: 'loading' });
      void Promise.resolve()
        .then(() =>
          createClient({ endpoint: endpointOf(endpoint), maxRetries: CLIENT_RETRIES }).getForm(
            formId,
          ),
        )
        .then(
          (loaded) =>
            generation === this.#generation && this.#set({ status: 'ready', definition: loaded }),
          (error: unknown) =>
            generation === this.#generation &&
            this.#reject(error, `form-id "${formId}" at ${endpointOf(endpoint)}`),
        );
      return;
    }
    this.#warnUnknownAttributes(definition === null);
    this.#set({ status: 'idle' });
  }

  async #fetchJson(src: string): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(new URL(src, document.baseURI), {
        credentials: 'omit',
        headers: { accept: 'application/json' },
      });
    } catch (error) {
      throw new DefinitionLoadError('network', { cause: error, url: src });
    }
    const { status } = response;
    if (!response.ok) {
      throw new DefinitionLoadError(status === 404 || status === 410 ? 'not_found' : 'server', {
        status,
        url: src,
      });
    }
    try {
      return (await response.json()) as unknown;
    } catch (error) {
      // A file the webmaster wrote that is not JSON: their mistake to see, not a network problem.
      const reason = error instanceof Error ? ` (${error.message})` : '';
      throw new FormDefinitionError([{ path: '', message: `${src} is not JSON${reason}` }], {
        cause: error,
      });
    }
  }

  #accept(
    result: { ok: true; definition: FormDefinition } | { ok: false; error: FormDefinitionError },
  ): void {
    if (result.ok) this.#set({ status: 'ready', definition: result.definition });
    else this.#invalid(result.error);
  }

  #reject(error: unknown, url: string): void {
    if (error instanceof FormDefinitionError) this.#invalid(error);
    else
      this.#fail(
        error instanceof DefinitionLoadError ? error : DefinitionLoadError.from(error, url),
      );
  }

  /**
   * Nothing to load: a misspelt attribute (`formid`, `source`) is the usual reason, so name it on
   * the console instead of leaving the webmaster with "not set up yet" alone.
   */
  #warnUnknownAttributes(nullDefinition: boolean): void {
    const unknown = this.#host.getAttributeNames().filter((name) => !KNOWN_ATTRIBUTE.test(name));
    if (unknown.length > 0 || nullDefinition) {
      console.warn(
        `union-join-form has no form to show: set form-id (with endpoint), src or .definition; ${nullDefinition ? '.definition is null' : `unknown attributes: ${unknown.join(', ')}`}`,
      );
    }
  }

  #invalid(error: FormDefinitionError): void {
    console.error(error);
    this.#set({ status: 'invalid', error });
  }

  #fail(error: DefinitionLoadError): void {
    console.error(error);
    this.#set({ status: 'failed', error });
  }

  #set(state: DefinitionState): void {
    this.#state = state;
    this.#onChange(state);
    this.#host.requestUpdate();
  }
}
