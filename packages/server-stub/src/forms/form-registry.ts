import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseFormDefinition, type FormDefinition } from '@union-join/sdk';
import type { Environment } from '../config.ts';
import { FormLoadError } from '../errors.ts';
import { resolveFormServerSettings, type FormServerSettings } from './form-server-settings.ts';
import { readJsonFile } from './read-json-file.ts';

/** A form the server serves: its checked public definition and its private settings. */
export interface LoadedForm {
  id: string;
  definition: FormDefinition;
  /** The public definition as served by `GET /v1/forms/{id}`. */
  json: string;
  /** Strong ETag of {@link LoadedForm.json}. */
  etag: string;
  settings: FormServerSettings;
}

/** Builds a {@link LoadedForm} from a definition (checked with `parseFormDefinition`). */
export function loadForm(
  input: unknown,
  settings: FormServerSettings = { allowedOrigins: [] },
): LoadedForm {
  const definition = parseFormDefinition(input);
  const json = JSON.stringify(input);
  const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
  return { id: definition.id, definition, json, etag, settings };
}

/**
 * The forms a server instance serves, by id, and the form files it could not load.
 *
 * @example
 * const forms = FormRegistry.fromDirectory('./forms', process.env);
 * forms.get('example-union')?.definition.version;
 * for (const problem of forms.problems) console.error(problem.message);
 */
export class FormRegistry {
  readonly #forms = new Map<string, LoadedForm>();
  /** Files in the forms directory that were not loaded, each naming the file and the JSON path. */
  readonly problems: readonly FormLoadError[];

  /** Creates a registry of already loaded forms. */
  constructor(forms: Iterable<LoadedForm> = [], problems: readonly FormLoadError[] = []) {
    for (const form of forms) this.#forms.set(form.id, form);
    this.problems = problems;
  }

  /** The form with this id, if served. */
  get(id: string): LoadedForm | undefined {
    return this.#forms.get(id);
  }

  /** Every served form. */
  list(): LoadedForm[] {
    return [...this.#forms.values()];
  }

  /**
   * Loads `<id>.json` definitions and optional `<id>.server.json` settings from a directory.
   * A form whose definition or settings fail is left out and recorded in
   * {@link FormRegistry.problems}, so one bad file does not take a union's other forms down.
   * Throws a {@link FormLoadError} when the directory is missing, or when it holds form files
   * and none of them loads (the message lists every problem).
   */
  static fromDirectory(dir: string, env: Environment): FormRegistry {
    if (!existsSync(dir)) throw new FormLoadError(dir, 'the forms directory does not exist');
    const names = readdirSync(dir).sort();
    const forms: LoadedForm[] = [];
    const problems: FormLoadError[] = [];
    const definitions = names.filter(
      (name) => name.endsWith('.json') && !name.endsWith('.server.json'),
    );
    for (const name of definitions) {
      try {
        forms.push(loadFormFile(dir, name, env));
      } catch (error) {
        if (!(error instanceof FormLoadError)) throw error;
        problems.push(error);
      }
    }
    for (const name of names) {
      // "Form.JSON" looks like a form file to a person, so it is named rather than skipped.
      if (/\.json$/i.test(name) && !name.endsWith('.json')) {
        problems.push(
          new FormLoadError(join(dir, name), 'form files end in .json, in lower case: rename it'),
        );
      }
      if (!name.endsWith('.server.json')) continue;
      const id = basename(name, '.server.json');
      if (!definitions.includes(`${id}.json`)) {
        problems.push(
          new FormLoadError(join(dir, name), `there is no form definition ${id}.json beside it`),
        );
      }
    }
    if (forms.length === 0 && problems.length > 0) {
      throw new FormLoadError(
        dir,
        `no form could be loaded:\n${problems.map((problem) => problem.message).join('\n')}`,
        { cause: problems[0] },
      );
    }
    return new FormRegistry(forms, problems);
  }
}

/** Loads `<dir>/<name>` and its settings file; throws a {@link FormLoadError} naming the file. */
function loadFormFile(dir: string, name: string, env: Environment): LoadedForm {
  const file = join(dir, name);
  const input = readJsonFile(file);
  let form: LoadedForm;
  try {
    form = loadForm(input);
  } catch (cause) {
    throw new FormLoadError(file, cause instanceof Error ? cause.message : String(cause), {
      cause,
    });
  }
  if (form.id !== basename(name, '.json')) {
    throw new FormLoadError(
      file,
      `id "${form.id}" must match the file name: rename the file to ${form.id}.json, or change the id to "${basename(name, '.json')}"`,
    );
  }
  const settingsFile = join(dir, `${form.id}.server.json`);
  if (existsSync(settingsFile)) {
    try {
      form.settings = resolveFormServerSettings(readJsonFile(settingsFile), env);
    } catch (cause) {
      if (cause instanceof FormLoadError) throw cause;
      throw new FormLoadError(
        settingsFile,
        cause instanceof Error ? cause.message : String(cause),
        {
          cause,
        },
      );
    }
  }
  return form;
}
