import type { Context } from 'hono';
import { HttpProblem } from './http-problem.ts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Whether a Content-Type is JSON (`application/json` or `application/*+json`, UTF-8 only). */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) return false;
  return parameters.every(
    (parameter) => !parameter.startsWith('charset=') || parameter === 'charset=utf-8',
  );
}

async function readLimited(c: Context, limit: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new HttpProblem(413, 'payload_too_large', `The request body is larger than ${limit} bytes.`);
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const body = c.req.raw.body;
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads a JSON request body within `limit` bytes. Rejects a non-JSON Content-Type (415), a larger
 * body (413), invalid UTF-8 or JSON (400), and the keys `__proto__`, `constructor` and `prototype`
 * (400), so no later merge or assignment can reach an object's prototype.
 */
export async function readJsonBody(c: Context, limit: number): Promise<unknown> {
  if (!isJsonContentType(c.req.header('content-type'))) {
    throw new HttpProblem(
      415,
      'unsupported_media_type',
      'The request body must be application/json.',
    );
  }
  const bytes = await readLimited(c, limit);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new HttpProblem(400, 'invalid_json', 'The request body is not valid UTF-8.', { cause });
  }
  let forbidden: string | undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, function (key, value: unknown) {
      if (FORBIDDEN_KEYS.has(key)) forbidden ??= key;
      return value;
    });
  } catch (cause) {
    throw new HttpProblem(400, 'invalid_json', 'The request body is not valid JSON.', { cause });
  }
  if (forbidden !== undefined) {
    throw new HttpProblem(400, 'forbidden_key', `The JSON key "${forbidden}" is not accepted.`);
  }
  return parsed;
}
