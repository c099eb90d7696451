// A union's CRM side of the webhook: verify the signature over the raw body, drop deliveries of an
// application already handled (delivery is at-least-once), and hand each new application on once.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { WEBHOOK_SIGNATURE_HEADER, verifyWebhookSignature } from '@union-join/sdk/webhooks';

/** What the receiver reads from a delivery: enough to file the application, no answers. */
export interface ReceivedApplication {
  /** The application id: the same on every redelivery, so it is the dedupe key. */
  id: string;
  formId: string;
  /** The whole parsed body, for a CRM that maps answers into its own records. */
  payload: Record<string, unknown>;
}

/** Options of {@link createWebhookReceiver}. */
export interface WebhookReceiverOptions {
  /** The form's webhook secret; several during a rotation. */
  secret: string | readonly string[];
  /** Called once per application id. Throw to answer 500, so that the server retries later. */
  onApplication: (application: ReceivedApplication) => void | Promise<void>;
  /** Ids already handled, e.g. loaded from the CRM; kept in memory otherwise. */
  seen?: Set<string>;
  /** Largest body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
}

class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLargeError(`body larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function reply(response: ServerResponse, status: number, body: Record<string, unknown>): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** Reads the application id and form id of an `application.received` delivery. */
function describe(payload: Record<string, unknown>): { id: string; formId: string } | undefined {
  const { id, formId } = payload;
  if (typeof id !== 'string' || id === '' || typeof formId !== 'string') return undefined;
  return { id, formId };
}

/**
 * A `node:http` request handler that accepts signed application webhooks.
 *
 * @example
 * ```ts
 * const handler = createWebhookReceiver({
 *   secret: process.env.WEBHOOK_SECRET!,
 *   onApplication: ({ id, formId }) => crm.createMember(id, formId),
 * });
 * createServer(handler).listen(9000);
 * ```
 */
export function createWebhookReceiver(
  options: WebhookReceiverOptions,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const seen = options.seen ?? new Set<string>();
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  return async (request, response) => {
    if (request.method !== 'POST') {
      reply(response, 405, { error: 'method_not_allowed' });
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(request, limit);
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      reply(response, tooLarge ? 413 : 400, { error: tooLarge ? 'too_large' : 'bad_body' });
      return;
    }
    const signature = request.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()];
    const header = Array.isArray(signature) ? signature[0] : signature;
    if (!(await verifyWebhookSignature(options.secret, header, new Uint8Array(body)))) {
      reply(response, 401, { error: 'bad_signature' });
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      reply(response, 400, { error: 'bad_json' });
      return;
    }
    const described =
      typeof payload === 'object' && payload !== null && !Array.isArray(payload)
        ? describe(payload as Record<string, unknown>)
        : undefined;
    if (!described) {
      reply(response, 400, { error: 'no_application_id' });
      return;
    }
    if (seen.has(described.id)) {
      reply(response, 200, { id: described.id, duplicate: true });
      return;
    }
    // Claimed before the await, so a redelivery racing this one is answered as a duplicate.
    seen.add(described.id);
    try {
      await options.onApplication({ ...described, payload: payload as Record<string, unknown> });
    } catch (error) {
      seen.delete(described.id);
      console.error(`could not store application ${described.id}:`, (error as Error).name);
      reply(response, 500, { error: 'not_stored' });
      return;
    }
    reply(response, 200, { id: described.id, duplicate: false });
  };
}

/** Starts the receiver on `port` (0 for any free port) at 127.0.0.1 unless `host` is given. */
export function startWebhookReceiver(
  options: WebhookReceiverOptions & { port?: number; host?: string },
): Promise<Server> {
  const handler = createWebhookReceiver(options);
  const server = createServer((request, response) => void handler(request, response));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const secret = process.env.WEBHOOK_SECRET;
  if (!secret) {
    console.error('Set WEBHOOK_SECRET to the webhook secret configured for the form.');
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 9000);
  const server = await startWebhookReceiver({
    secret: secret.split(','),
    port,
    host: process.env.HOST ?? '127.0.0.1',
    onApplication: ({ id, formId }) => {
      // A real CRM would store the payload here; the example only says what arrived.
      console.log(`${new Date().toISOString()} application ${id} for form ${formId}`);
    },
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  console.log(`Listening for webhooks on http://127.0.0.1:${bound}/`);
}
