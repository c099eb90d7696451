import * as z from 'zod';
import { didYouMean } from '@union-join/sdk';
import { parseOrigins, type Environment } from '../config.ts';
import { ConfigError } from '../errors.ts';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const SecretReferenceSchema = z.strictObject({
  env: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name'),
});

const SecretSchema = z.union([
  z.string().min(16, 'must be at least 16 characters'),
  SecretReferenceSchema,
]);

const WebhookSchema = z.strictObject({
  url: z.url().refine((value) => {
    const url = new URL(value);
    return (
      url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
    );
  }, 'must be an https:// URL (http:// only for localhost)'),
  secret: SecretSchema,
});

/** Zod schema of `<formId>.server.json`: the settings of a form that must not be public. */
export const FormServerSettingsFileSchema = z.strictObject({
  webhook: WebhookSchema.optional(),
  allowedOrigins: z.array(z.string()).optional(),
  retentionDays: z.number().int().min(1).max(3650).optional(),
});

/** The keys each object of the file may have, by its path, for "did you mean". */
const KNOWN_KEYS: Record<string, string[]> = {
  '': Object.keys(FormServerSettingsFileSchema.shape),
  webhook: Object.keys(WebhookSchema.shape),
  'webhook.secret': Object.keys(SecretReferenceSchema.shape),
};

/** A form's private settings, resolved: secrets read from the environment, origins checked. */
export interface FormServerSettings {
  webhook?: { url: string; secret: string };
  allowedOrigins: string[];
  retentionDays?: number;
}

/** The value at `path` in the parsed file, or undefined where there is none. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part))
      return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/**
 * Checks a parsed `<formId>.server.json` and resolves `{ "env": "NAME" }` secrets. Throws
 * {@link ConfigError} naming the JSON path; a secret's value never appears in a message.
 */
export function resolveFormServerSettings(input: unknown, env: Environment): FormServerSettings {
  const result = FormServerSettingsFileSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.flatMap((issue) => {
      const path = formatPath(issue.path);
      const at = (key: string) => (path ? `${path}.${key}` : key);
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => {
          const meant = didYouMean(key, KNOWN_KEYS[path] ?? []);
          return `${at(key)}: unknown key${meant ? `; did you mean "${meant}"?` : ''}`;
        });
      }
      const message = valueAt(input, issue.path) === undefined ? 'is required' : issue.message;
      return [path ? `${path}: ${message}` : message];
    });
    throw new ConfigError(lines.join('\n'));
  }
  const file = result.data;
  const settings: FormServerSettings = {
    allowedOrigins: parseOrigins(file.allowedOrigins, 'allowedOrigins'),
  };
  if (file.retentionDays !== undefined) settings.retentionDays = file.retentionDays;
  if (file.webhook) {
    const { secret } = file.webhook;
    let value: string | undefined;
    if (typeof secret === 'string') value = secret;
    else {
      value = env[secret.env];
      if (value === undefined || value.length < 16) {
        throw new ConfigError(
          `webhook.secret: environment variable ${secret.env} must be set to at least 16 characters`,
        );
      }
    }
    settings.webhook = { url: file.webhook.url, secret: value };
  }
  return settings;
}
