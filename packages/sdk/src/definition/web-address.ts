import * as z from 'zod/mini';

// z.url({ protocol: /^https?$/ }) would add zod's URL format classes to the form's bundle (about
// 0.4 KB brotli) for what this one check does: the same test, the same value, one issue.
function parses(address: string): boolean {
  try {
    return new URL(address).protocol !== '';
  } catch {
    return false;
  }
}

const webAddressCheck = z.check<string>((payload) => {
  const trimmed = payload.value.trim();
  // "https:example.org" parses, but an http(s) address without its "//" is refused, as z.url does.
  const slashes = /^https?:\/\//i.test(trimmed);
  if (slashes && parses(trimmed)) {
    // The URL parser skips tabs and line breaks; dropping them keeps the value the address it names.
    payload.value = trimmed.replace(/[\t\n\r]/g, '');
    return;
  }
  payload.issues.push({
    code: 'invalid_format',
    format: 'url',
    ...(slashes ? {} : { note: 'Invalid URL format' }),
    input: payload.value,
    continue: true,
  });
});

/**
 * Zod schema of a full https address, trimmed, as `z.url({ protocol: /^https?$/ })` checks it;
 * `error` words its issue. An http:// address gets its own issue: applicants open these links from
 * the form, and a plain-http page can be changed on its way to them.
 */
export function webAddress(error: string): z.ZodMiniString<string> {
  return z
    .string(error)
    .check(
      webAddressCheck,
      z.regex(
        /^(?!\s*http:\/\/)/i,
        'use an https:// address: applicants must not be sent to a plain-http page',
      ),
    );
}

/** Whether `schema` was made by {@link webAddress} (its JSON Schema format is "uri"). */
export function isWebAddress(schema: z.core.$ZodType): boolean {
  return schema._zod.def.checks?.includes(webAddressCheck) ?? false;
}
