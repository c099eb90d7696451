import type { Context } from 'hono';

/** Connections Node cut off because the client did not send its request in time. */
const timedOutSockets = new WeakSet<object>();

/** Records that Node's request timeout ended this connection (from `clientError`). */
export function markRequestTimedOut(socket: object): void {
  timedOutSockets.add(socket);
}

/** Why a request's client went away before it was answered. */
export type ClientGoneReason = 'disconnected' | 'timeout';

/**
 * Whether `error` only means the client went away mid-request (it disconnected, or missed the
 * request timeout) rather than that the server failed, and which of the two. A phone losing
 * signal mid-upload is ordinary, and must not be logged as a server error.
 */
export function clientGone(error: unknown, c: Context): ClientGoneReason | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (!c.req.raw.signal.aborted || code !== 'ECONNRESET') return undefined;
  const socket = (c.env as { incoming?: { socket?: object } } | undefined)?.incoming?.socket;
  return socket !== undefined && timedOutSockets.has(socket) ? 'timeout' : 'disconnected';
}

/**
 * Status logged for a client that went away: 408 for a timeout (what the client was sent), and
 * for a disconnect 499, the "client closed request" status proxies log (nothing can be sent).
 */
export const CLIENT_GONE_STATUS = { disconnected: 499, timeout: 408 } as const;
