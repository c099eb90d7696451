import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestContext } from 'node:test';

/** One request the receiver got. */
export interface ReceivedWebhook {
  headers: IncomingMessage['headers'];
  body: string;
  /** What the receiver answered; `drop` means the connection was cut without an answer. */
  answer: number | 'drop';
}

/** How to answer a request: a status, `drop`, or `hold` (wait until `release()`). */
export type Answer = number | 'drop' | 'hold';

/** A real HTTP receiver on 127.0.0.1 that records every request and dedupes nothing. */
export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Answers for the next requests, in order; afterwards 200. */
  answers: Answer[];
  /** Resolves when `count` requests have arrived. */
  waitFor(count: number): Promise<void>;
  /** Cuts held connections without an answer. */
  dropHeld(): void;
}

/** Starts a receiver that closes when the test ends. */
export async function startWebhookReceiver(t: TestContext): Promise<WebhookReceiver> {
  const held: ServerResponse[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const receiver: WebhookReceiver = {
    url: '',
    received: [],
    answers: [],
    waitFor(count) {
      if (receiver.received.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    dropHeld() {
      for (const response of held.splice(0)) response.socket?.destroy();
    },
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = receiver.answers.shift() ?? 200;
      receiver.received.push({
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        answer: answer === 'hold' ? 'drop' : answer,
      });
      for (const waiter of waiters.filter((w) => receiver.received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      if (answer === 'hold') held.push(response);
      else if (answer === 'drop') response.socket?.destroy();
      else response.writeHead(answer, { 'Content-Type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  t.after(
    () =>
      new Promise<void>((resolve) => {
        receiver.dropHeld();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return receiver;
}
