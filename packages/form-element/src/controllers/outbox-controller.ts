import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { TemplateResult } from 'lit';
import {
  ApiError,
  ConnectionError,
  TimeoutError,
  ValidationError,
  createClient,
  type Application,
  type FormDefinition,
  type FormSession,
  type Translation,
} from '@union-join/sdk';
import {
  createOutbox,
  createOutboxSender,
  OutboxError,
  type DeliveryFailure,
  type DeliveryReceipt,
  type DraftStorage,
  type Outbox,
  type OutboxFilter,
  type OutboxSender,
} from '@union-join/sdk/drafts';
import { UnionJoinQueuedEvent } from '../events/queued-event.ts';
import { UnionJoinSuccessEvent } from '../events/success-event.ts';
import { CLIENT_RETRIES, endpointOf } from '../internal/client-options.ts';
import { referenceGroups } from '../internal/reference-groups.ts';
import type { DraftsController } from './drafts-controller.ts';
import type { JourneyController } from './journey-controller.ts';
import type { Delivered, SubmissionController } from './submission-controller.ts';

/** What the outbox controller needs from its host element. */
export interface OutboxHost extends ReactiveControllerHost, EventTarget {
  /** The engine session of the loaded form, if any. */
  readonly session: FormSession | undefined;
  /** Backend base URL; empty means the page's own origin. */
  readonly endpoint: string | undefined;
  /** The form's id on the backend, when the host loads it by id. */
  readonly formId: string | undefined;
  /** Whether the element is in a document (its sender runs only then). */
  readonly isConnected: boolean;
}

/** Told to every instance of the form in this browser when a queued application is settled. */
type OutboxMessage = ({ type: 'delivered' } & DeliveryReceipt) | { type: 'failed'; id: string };

/** An outbox opened on one device storage for one endpoint. */
interface OutboxLink {
  storage: Promise<DraftStorage>;
  endpoint: string;
  outbox: Promise<Outbox | undefined>;
}

const CHANNEL = 'union-join-outbox';
// The attempt that failed just now was the client's last retry: give the network a moment.
const FIRST_RETRY_MS = 5_000;
// How long a confirmation stays on a visible page before its receipt is dropped: long enough that
// a reload at the moment of delivery shows it again, short enough for the next applicant not to.
const SEEN_MS = 2_000;

/**
 * The outbox side of the form: an application that cannot be delivered (offline, network error,
 * server error after the client's retries) is queued on the device with its idempotency key and
 * the applicant reads that it will be sent automatically; the sdk sender delivers it when the
 * browser is online again or the page is next opened, one tab at a time. The sender needs only the
 * endpoint, so it runs even when the form itself cannot be loaded. The confirmation follows on this
 * page or the next visit, and its receipt stays on the device until it has been on screen; a
 * refusal brings the answers back with the server's reasons.
 * Also keeps the offline notice. Without durable storage (`drafts="off"`, no IndexedDB) nothing is
 * queued and the submission controller's own retry applies.
 */
export class OutboxController implements ReactiveController {
  readonly #host: OutboxHost;
  readonly #journey: JourneyController;
  readonly #drafts: DraftsController;
  readonly #submission: SubmissionController;
  readonly #onQueued: () => void;
  #outbox: Outbox | undefined;
  #sender: OutboxSender | undefined;
  #endpoint = '/';
  /** The device storage and endpoint the outbox and its sender were opened for. */
  #link: OutboxLink | undefined;
  #channel: BroadcastChannel | undefined;
  #attachments = 0;
  /** Queued items this form shows as waiting. */
  readonly #waiting = new Set<string>();
  /** What this page queued, by item: queued again if the device loses its storage meanwhile. */
  readonly #copies = new Map<string, { application: Application; idempotencyKey: string }>();
  /** Items settled on this page, which a later look at the device must not show again. */
  readonly #settled = new Set<string>();
  /** Items still queued from an application the applicant moved on from, to a new one. */
  readonly #earlier = new Set<string>();
  /** The references of such items once delivered, said in a notice (a rep may queue several). */
  #earlierReferences: string[] = [];
  /** Applications of this form waiting on the device, counted while the form cannot be loaded. */
  #held = 0;
  #offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  /** The last attempt got an answer from the server (a 5xx, say): the connection is not to blame. */
  #serverFailed = false;
  /** An application waits in this page's memory only: the device could not store it. */
  #volatile = false;
  /** The receipt of the confirmation on screen, dropped once it has been seen. */
  #receipt: string | undefined;
  #seenTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Takes the applications `submission` cannot deliver; `onQueued` runs after one was queued, to
   * move focus to the notice.
   */
  constructor(
    host: OutboxHost,
    journey: JourneyController,
    drafts: DraftsController,
    submission: SubmissionController,
    onQueued: () => void,
  ) {
    this.#host = host;
    this.#journey = journey;
    this.#drafts = drafts;
    this.#submission = submission;
    this.#onQueued = onQueued;
    submission.onUndelivered = (application, idempotencyKey, error) =>
      this.enqueue(application, idempotencyKey, error);
    submission.sendAhead = (application, idempotencyKey, signal) =>
      this.#send(application, idempotencyKey, signal);
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener('online', this.#onOnline);
    globalThis.addEventListener('offline', this.#onOffline);
    if (typeof BroadcastChannel === 'function') {
      this.#channel = new BroadcastChannel(CHANNEL);
      this.#channel.onmessage = (event: MessageEvent<OutboxMessage>) =>
        void this.#settle(event.data);
    }
    this.#sender?.start();
    this.#dismissOnceSeen();
  }

  hostUpdate(): void {
    void this.#connect();
  }

  hostDisconnected(): void {
    globalThis.removeEventListener('online', this.#onOnline);
    globalThis.removeEventListener('offline', this.#onOffline);
    this.#channel?.close();
    this.#channel = undefined;
    this.#sender?.stop();
    // A page that goes (a reload, say) may not have been seen: the next one shows the receipt.
    clearTimeout(this.#seenTimer);
  }

  /** Whether the form shows that the application is saved to be sent, instead of a step. */
  get queued(): boolean {
    return this.#waiting.size > 0;
  }

  /**
   * Starts on a newly loaded form: shows what the applicant should see first: the confirmation of
   * an application delivered since, answers the server refused, or the queued notice. Resolves to
   * whether one of those replaced the first step.
   */
  async attach(definition: FormDefinition): Promise<boolean> {
    const attachment = ++this.#attachments;
    this.#waiting.clear();
    this.#volatile = false;
    const outbox = await this.#connect();
    if (attachment !== this.#attachments || !outbox) return false;
    const shown = await this.#firstView(outbox, definition);
    if (attachment !== this.#attachments) return false;
    this.#host.requestUpdate();
    return shown;
  }

  /**
   * Queues an application the submission could not deliver, with the key of its attempts. Resolves
   * to false when there is no durable outbox, so the submission shows its own retry instead.
   */
  async enqueue(
    application: Application,
    idempotencyKey: string,
    error: unknown,
  ): Promise<boolean> {
    const outbox = this.#outbox;
    if (!outbox) return false;
    this.#noteFailure(error);
    try {
      const item = await outbox.enqueue({
        application,
        idempotencyKey,
        endpoint: this.#endpoint,
        nextAttemptAt: Date.now() + FIRST_RETRY_MS,
      });
      this.#waiting.add(item.id);
      this.#copies.set(item.id, { application, idempotencyKey });
      // The write may have fallen back to memory (storage cleared, or full): say so, not "saved".
      this.#volatile ||= !outbox.persistent;
    } catch {
      return false;
    }
    await this.#drafts.discard();
    this.#host.dispatchEvent(new UnionJoinQueuedEvent(idempotencyKey));
    this.#onQueued();
    this.#host.requestUpdate();
    void this.#sender?.flush({ force: false });
    return true;
  }

  /**
   * Sends through the outbox sender when the device can hold the application: written there first,
   * it is delivered on the next visit if this page is closed before the server answers. Resolves
   * to undefined, sending nothing, without a durable outbox.
   */
  async #send(
    application: Application,
    idempotencyKey: string,
    signal: AbortSignal,
  ): Promise<Delivered | undefined> {
    // The device may still be opening (a slow phone, a quick applicant): its answer is awaited.
    const outbox = await this.#connect();
    const sender = this.#sender;
    if (!sender || !outbox?.persistent) return undefined;
    return sender.send(application, { idempotencyKey, signal }).then((receipt) => {
      // Kept until the confirmation has been on a visible page for a while, as for a queued one:
      // a page reloaded or closed at this moment shows it again instead of an empty form.
      this.#receipt = receipt.id;
      this.#dismissOnceSeen();
      const result: Delivered = { id: receipt.reference };
      if (receipt.receivedAt !== undefined) result.receivedAt = receipt.receivedAt;
      return result;
    });
  }

  /**
   * Lets the applicant (or the next person on a shared device) fill in a new application while
   * the queued ones wait: they are still sent, and a delivery is then said in a notice.
   */
  moveOn(): void {
    for (const id of this.#waiting) this.#earlier.add(id);
    this.#waiting.clear();
    this.#volatile = false;
    this.#earlierReferences = [];
    this.#dismissReceipt();
  }

  /** The heading of the queued notice: offline, or the server failed while the device is online. */
  queuedTitle(t: Translation): string {
    return this.#queuedTexts(t)[0];
  }

  /** The notice shown instead of the form while the application waits on the device. */
  renderQueued(t: Translation, headingId: string, startNew: () => void): TemplateResult {
    const [title, body] = this.#queuedTexts(t);
    return html`<div class="notice info">
        <h2 id=${headingId} tabindex="-1">${title}</h2>
        <p>${body}</p>
      </div>
      <div class="actions">
        <button part="button" type="button" class="secondary" @click=${startNew}>
          ${t.startNewApplication}
        </button>
      </div>`;
  }

  /** While the form cannot be loaded: that an application from this device waits to be sent. */
  renderHeld(t: Translation): TemplateResult | typeof nothing {
    if (this.#held === 0) return nothing;
    const [title, body] = this.#queuedTexts(t);
    return html`<div class="notice info" role="status">
      <p><strong>${title}</strong></p>
      <p>${body}</p>
    </div>`;
  }

  /**
   * The offline notice while the applicant fills in the form, saying whether their answers are
   * kept on the device (`keepsAnswers`), and that an earlier application was sent. A queued
   * application has its own notice, and pages that ask nothing need no offline notice.
   */
  renderNotices(
    t: Translation,
    filling: boolean,
    keepsAnswers: boolean,
  ): TemplateResult | typeof nothing {
    // The live region stays on the page while the form is filled in, so that the notice appearing
    // in it is announced (a region inserted together with its text often is not).
    const showOffline = this.#offline && !this.queued;
    const offline = filling
      ? html`<div
          id="uj-offline"
          class=${showOffline ? 'notice info' : 'visually-hidden'}
          role="status"
        >
          ${
            showOffline
              ? html`<p>${keepsAnswers ? t.offlineNotice : t.offlineNoticeNoDrafts}</p>`
              : nothing
          }
        </div>`
      : nothing;
    const earlier =
      this.#earlierReferences.length > 0 && filling
        ? html`<div class="notice info" role="status">
            ${this.#earlierReferences.map(
              (reference) =>
                html`<p>
                  ${t.queuedSent} ${t.yourReference}:
                  <strong
                    >${referenceGroups(reference).map((group) => html`${group}<wbr />`)}</strong
                  >
                </p>`,
            )}
          </div>`
        : nothing;
    // Until it is sent: the same person filling the form in again would be sent twice.
    const waiting =
      this.#earlier.size > 0 && filling
        ? html`<div class="notice info"><p>${t.earlierWaiting}</p></div>`
        : nothing;
    return html`${waiting}${earlier}${offline}`;
  }

  /**
   * Opens the device's outbox and starts its sender for the host's endpoint, once per endpoint and
   * storage; resolves to the outbox, or undefined without durable storage.
   */
  #connect(): Promise<Outbox | undefined> {
    const storage = this.#drafts.storage();
    const endpoint = endpointOf(this.#host.endpoint);
    const current = this.#link;
    if (current?.storage === storage && current.endpoint === endpoint) return current.outbox;
    this.#sender?.stop();
    this.#sender = undefined;
    this.#outbox = undefined;
    this.#endpoint = endpoint;
    const link: OutboxLink = {
      storage,
      endpoint,
      outbox: storage.then((opened) =>
        this.#link === link ? this.#open(opened, endpoint) : undefined,
      ),
    };
    this.#link = link;
    return link.outbox;
  }

  async #open(storage: DraftStorage, endpoint: string): Promise<Outbox | undefined> {
    if (!storage.persistent) return undefined;
    const outbox = createOutbox(storage);
    this.#outbox = outbox;
    storage.subscribe(() => void this.#requeue(outbox));
    // Every queued application for this backend, whichever form it came from: all go to one server.
    this.#sender = createOutboxSender({
      client: createClient({ endpoint, maxRetries: CLIENT_RETRIES }),
      store: outbox,
      endpoint,
      onDelivered: (item, receipt) => this.#tell({ type: 'delivered', ...receipt }),
      onFailed: (item) => this.#tell({ type: 'failed', id: item.id }),
      onRetry: (_item, error) => this.#noteFailure(error),
    });
    if (this.#host.isConnected) this.#sender.start();
    await this.#countHeld(outbox);
    return outbox;
  }

  async #countHeld(outbox: Outbox): Promise<void> {
    const formId = this.#host.formId;
    const filter: OutboxFilter = { endpoint: this.#endpoint, status: 'pending' };
    if (formId) filter.formId = formId;
    const held = (await outbox.list(filter).catch(() => [])).length;
    if (held === this.#held) return;
    this.#held = held;
    this.#host.requestUpdate();
  }

  #onOnline = (): void => {
    this.#offline = false;
    this.#host.requestUpdate();
  };

  #onOffline = (): void => {
    this.#offline = true;
    this.#host.requestUpdate();
  };

  #noteFailure(error: unknown): void {
    if (error instanceof ApiError) {
      this.#serverFailed = true;
    } else if (error instanceof ConnectionError || error instanceof TimeoutError) {
      // No answer: the applicant's signal when the browser knows it is offline; otherwise it may
      // as well be the server, so the notice does not blame their connection.
      this.#offline ||= navigator.onLine === false;
      this.#serverFailed = false;
    }
    this.#host.requestUpdate();
  }

  #queuedTexts(t: Translation): [string, string] {
    const body = this.#volatile ? t.queuedBodyKeepOpen : t.queuedBody;
    if (this.#offline) return [t.queuedTitle, body];
    const retry = this.#volatile ? t.submitFailedTitle : t.queuedRetryTitle;
    if (this.#serverFailed) return [retry, `${t.queuedRetryBody} ${body}`];
    // Online, and nothing failed yet (another page is sending it, or it is due): no connection
    // is awaited.
    return [retry, body];
  }

  /** Drops the receipt on screen once the page has been visible with it for a while. */
  #dismissOnceSeen(): void {
    clearTimeout(this.#seenTimer);
    // A form taken off the page (a site's router, say) never shows it: the next one will.
    if (this.#receipt === undefined || !this.#host.isConnected) return;
    this.#seenTimer = setTimeout(() => {
      if (!this.#host.isConnected) return;
      if (document.visibilityState === 'visible') this.#dismissReceipt();
      else this.#dismissOnceSeen();
    }, SEEN_MS);
  }

  #dismissReceipt(): void {
    clearTimeout(this.#seenTimer);
    const id = this.#receipt;
    this.#receipt = undefined;
    if (id !== undefined) void this.#outbox?.dismissReceipt(id).catch(() => undefined);
  }

  async #firstView(outbox: Outbox, definition: FormDefinition): Promise<boolean> {
    // Pending items first: the sender is already running, and one it delivers while the receipts
    // are read is then settled as it arrives, or found among them.
    const items = await outbox.list({ formId: definition.id, endpoint: this.#endpoint });
    const fresh = items.filter(
      (item) => !this.#settled.has(item.id) && !this.#earlier.has(item.id),
    );
    for (const item of fresh) if (item.status === 'pending') this.#waiting.add(item.id);
    const receipts = await outbox.receipts(definition.id);
    const receipt = receipts.at(-1);
    // Older receipts were seen on a visit in between, or belong to an earlier application.
    for (const older of receipts.slice(0, -1)) await outbox.dismissReceipt(older.id);
    if (receipt && this.#earlier.has(receipt.id)) {
      await this.#settle({ type: 'delivered', ...receipt });
    } else if (receipt && !this.#settled.has(receipt.id)) {
      // The confirmation is shown; anything else still queued is confirmed on a later visit.
      this.#waiting.clear();
      this.#waiting.add(receipt.id);
      await this.#settle({ type: 'delivered', ...receipt });
      return true;
    }
    const failed = fresh.find((item) => item.status === 'failed');
    if (failed) {
      this.#waiting.clear();
      this.#waiting.add(failed.id);
      if (await this.#settle({ type: 'failed', id: failed.id })) return true;
      for (const item of fresh) if (item.status === 'pending') this.#waiting.add(item.id);
    }
    return this.queued || this.#journey.view?.kind === 'confirmation';
  }

  /** Settles a queued application here and in every other instance of the form in this browser. */
  #tell(message: OutboxMessage): void {
    if (this.#channel) this.#channel.postMessage(message);
    else if (typeof BroadcastChannel === 'function') {
      // Taken off the page while sending (a site's router): the form put in its place is told.
      const channel = new BroadcastChannel(CHANNEL);
      channel.postMessage(message);
      channel.close();
    }
    void this.#settle(message);
    if (this.#outbox) void this.#countHeld(this.#outbox);
  }

  /**
   * The device lost its storage (site data cleared, space freed) with applications this page
   * queued: they go into the memory the outbox now uses, to be sent while the page is open, and
   * the notice says to keep it open instead of promising they survive its closing.
   */
  async #requeue(outbox: Outbox): Promise<void> {
    if (outbox !== this.#outbox || !this.#host.isConnected) return;
    for (const [id, copy] of [...this.#copies]) {
      this.#copies.delete(id);
      const shown = this.#waiting.delete(id)
        ? this.#waiting
        : this.#earlier.delete(id) && this.#earlier;
      if (!shown) continue;
      const item = await outbox
        .enqueue({ ...copy, endpoint: this.#endpoint })
        .catch(() => undefined);
      if (!item) continue;
      shown.add(item.id);
      this.#copies.set(item.id, copy);
      this.#volatile = true;
    }
    this.#host.requestUpdate();
    void this.#sender?.flush();
  }

  /** Shows how a queued application this form waits for was settled; false if it was not shown. */
  async #settle(message: OutboxMessage): Promise<boolean> {
    const outbox = this.#outbox;
    if (message.type === 'delivered' && this.#earlier.delete(message.id)) {
      // Said beside the new application, which stays on screen; a refusal stays queued as failed
      // and comes back, with its answers, the next time the form is opened.
      this.#settled.add(message.id);
      await outbox?.dismissReceipt(message.id).catch(() => undefined);
      this.#earlierReferences = [...this.#earlierReferences, message.reference];
      this.#host.dispatchEvent(new UnionJoinSuccessEvent(message.reference, message.receivedAt));
      this.#host.requestUpdate();
      return false;
    }
    this.#copies.delete(message.id);
    // A refused earlier application comes back, with its answers, the next time the form opens.
    if (this.#earlier.delete(message.id)) this.#host.requestUpdate();
    if (!this.#waiting.delete(message.id)) return false;
    this.#settled.add(message.id);
    if (message.type === 'delivered') {
      this.#offline = false;
      this.#receipt = message.id;
      this.#dismissOnceSeen();
      this.#host.dispatchEvent(new UnionJoinSuccessEvent(message.reference, message.receivedAt));
      this.#journey.showConfirmation(message.reference);
      return true;
    }
    const item = await outbox?.get(message.id);
    const session = this.#host.session;
    if (!outbox || !item?.failure || !session) return false;
    const application = await outbox.readApplication(item.id).catch(() => undefined);
    // Unreadable, it stays in the outbox marked failed; readable, the applicant gets it back.
    if (!application) return false;
    restoreAnswers(session, application);
    // Into the draft before it leaves the outbox, so a reload or a closed tab offers it again.
    await this.#drafts.keep(session, item.idempotencyKey);
    await outbox.remove(item.id);
    this.#showRefusal(session, application, item.failure);
    return true;
  }

  /** Shows a refusal on the review, with the answers put back, as if it had just been sent. */
  #showRefusal(session: FormSession, application: Application, failure: DeliveryFailure): void {
    const issues = (failure.issues ?? []).map((issue) => ({ ...issue, message: '' }));
    const error =
      failure.status === 422
        ? new ValidationError({ code: failure.code }, issues)
        : failure.status === undefined
          ? new OutboxError(failure.code, 'The queued application could not be sent')
          : new ApiError(failure.status, { code: failure.code });
    this.#submission.showError(session, application, error, true);
  }
}

/** Puts a queued application's answers and consents back into the session, to be corrected. */
function restoreAnswers(session: FormSession, application: Application): void {
  const fields = session.definition.steps.flatMap((step) => step.fields);
  for (const [fieldId, value] of Object.entries(application.answers)) {
    try {
      session.set(fieldId, value);
    } catch {
      // A field the form no longer has: the applicant answers again what is asked now.
    }
  }
  for (const consent of application.consents) {
    const field = fields.find((f) => f.type === 'consent' && f.purpose === consent.purpose);
    if (field && consent.granted) session.set(field.id, true, consent.at);
  }
}
