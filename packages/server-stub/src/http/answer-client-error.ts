import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { SECURITY_POLICIES } from './security-headers.ts';

/** What Node's HTTP parser or its timeouts refused, as status and error code. */
const PROBLEMS: Record<string, { status: number; error: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    error: 'headers_too_large',
    message: 'The request headers are too large.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    error: 'request_timeout',
    message: 'The request was not received in time.',
  },
};

const BAD_REQUEST = {
  status: 400,
  error: 'bad_request',
  message: 'The request is not valid HTTP.',
};

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/**
 * Answers a request that Node refused before the app saw it (malformed HTTP, headers over the size
 * limit, a client too slow to send its request) with the same `{ error, message, requestId }`
 * body and headers as every other error, instead of Node's bare status line; then closes the
 * connection. Returns the status sent, or undefined when the connection could only be dropped.
 * For `server.on('clientError', ...)`.
 */
export function answerClientError(
  error: Error & { code?: string },
  socket: Duplex,
): number | undefined {
  // As Node itself does: once anything was written on this connection, it can only be closed.
  const written = 'bytesWritten' in socket ? Number(socket.bytesWritten) : 0;
  // A client that closed its connection mid-request (HPE_INVALID_EOF_STATE) is gone: there is
  // nobody to answer, and its request is not bad HTTP.
  if (
    error.code === 'ECONNRESET' ||
    error.code === 'HPE_INVALID_EOF_STATE' ||
    !socket.writable ||
    written > 0
  ) {
    socket.destroy();
    return undefined;
  }
  const { status, error: code, message } = PROBLEMS[error.code ?? ''] ?? BAD_REQUEST;
  const requestId = randomUUID();
  const body = JSON.stringify({ error: code, message, requestId });
  const headers = {
    ...SECURITY_POLICIES.api,
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    'X-Request-Id': requestId,
    Connection: 'close',
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 ${status} ${REASONS[status]}\r\n${head.join('')}\r\n${body}`);
  return status;
}
