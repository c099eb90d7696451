import type { Context } from 'hono';
import {
  findJsonProblem,
  formatJsonPath,
  MAX_JSON_DEPTH,
  type JsonProblem,
} from './find-json-problem.ts';
import { HttpProblem } from './http-problem.ts';
import { locateJsonSyntaxError } from './locate-json-syntax-error.ts';
import { requireIdentityEncoding } from './require-identity-encoding.ts';

/** Whether a Content-Type is JSON (`application/json` or `application/*+json`, UTF-8 only). */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) return false;
  // A parameter value may be quoted (RFC 9110): charset="utf-8" is the same charset.
  return parameters.every(
    (parameter) =>
      !parameter.startsWith('charset=') || parameter.slice(8).replace(/^"(.*)"$/, '$1') === 'utf-8',
  );
}

/** The 400 answer for a body that parsed but is refused; names where, never a value. */
function refusal({ kind, path }: JsonProblem, key: string | undefined): HttpProblem {
  const where = formatJsonPath(path);
  const quoted =
    key === undefined ? '' : JSON.stringify(key.length <= 64 ? key : `${key.slice(0, 64)}…`);
  switch (kind) {
    case 'forbidden_key':
      return new HttpProblem(
        400,
        'forbidden_key',
        `The JSON key ${quoted} is not accepted (at ${where}).`,
      );
    case 'duplicate_key':
      return new HttpProblem(
        400,
        'invalid_json',
        `The JSON key ${quoted} is given twice, at ${where}.`,
      );
    case 'too_deep':
      return new HttpProblem(
        400,
        'invalid_json',
        `The JSON is nested more than ${MAX_JSON_DEPTH} levels deep, at ${where}.`,
      );
    case 'unpaired_surrogate':
      return new HttpProblem(
        400,
        'invalid_json',
        `A key or string at ${where} has half of a UTF-16 surrogate pair (a \\u escape without its partner), which UTF-8 cannot carry.`,
      );
  }
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
 * Reads a JSON request body within `limit` bytes. Rejects a non-JSON Content-Type or a compressed body (415), a larger
 * body (413), invalid UTF-8 or JSON (400, a syntax error located by line and column), a key given twice, nesting deeper than
 * {@link MAX_JSON_DEPTH} and half a surrogate pair (400 `invalid_json`, naming the JSON path), and
 * the keys `__proto__`, `constructor` and `prototype` (400 `forbidden_key`), so no later merge or
 * assignment can reach an object's prototype.
 */
export async function readJsonBody(c: Context, limit: number): Promise<unknown> {
  if (!isJsonContentType(c.req.header('content-type'))) {
    throw new HttpProblem(
      415,
      'unsupported_media_type',
      'The request body must be application/json.',
    );
  }
  requireIdentityEncoding(c.req.header('content-encoding'));
  const bytes = await readLimited(c, limit);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new HttpProblem(400, 'invalid_json', 'The request body is not valid UTF-8.', { cause });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    // V8's own message may quote the body, so the place is found here and told in fixed words.
    const error = locateJsonSyntaxError(text);
    const where =
      error === undefined
        ? ''
        : `: ${error.problem}, at line ${error.line}, column ${error.column}`;
    throw new HttpProblem(400, 'invalid_json', `The request body is not valid JSON${where}.`, {
      cause,
    });
  }
  const problem = findJsonProblem(text);
  if (problem) throw refusal(problem, 'key' in problem ? problem.key : undefined);
  return parsed;
}
