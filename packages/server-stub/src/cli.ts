import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ConfigError, ServerStubError } from './errors.ts';
import { HELP, parseCommand, type Environment } from './config.ts';
import { rotateDataKey } from './crypto/rotate-data-key.ts';
import type { FormRegistry } from './forms/form-registry.ts';
import { createJsonLogger } from './logger.ts';
import { openDataDir, startServer } from './server.ts';

/** Where the CLI writes; injectable for tests. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * Says which forms are served (stdout) and, loudly, which form files were left out and why
 * (stderr): the server starts without them rather than take the other forms down.
 */
function reportForms(forms: FormRegistry, io: CliIo): void {
  const ids = forms.list().map((form) => form.id);
  io.out(
    ids.length > 0
      ? `union-join-server serving forms: ${ids.join(', ')}\n`
      : 'union-join-server serving no forms: the forms directory holds no <id>.json file\n',
  );
  if (forms.problems.length === 0) return;
  const files = forms.problems.map((problem) => basename(problem.file));
  io.out(`union-join-server not loaded (see the errors): ${files.join(', ')}\n`);
  for (const problem of forms.problems)
    io.err(`union-join-server: NOT LOADED ${problem.message}\n`);
  const count = forms.problems.length;
  io.err(
    `union-join-server: ${count} form ${count === 1 ? 'file was' : 'files were'} not loaded ` +
      '(see above) and answer 404; the other forms are served. Fix them and restart the server.\n',
  );
}

/**
 * Runs `union-join-server [options]` or `union-join-server rotate-key`; resolves with the exit code
 * (serving resolves once the server is listening and stops on SIGINT or SIGTERM).
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), process.env);
 */
export async function main(
  argv: readonly string[],
  env: Environment,
  io: CliIo = defaultIo,
): Promise<number> {
  try {
    const command = parseCommand(argv, env);
    if (command.kind === 'help') {
      io.out(HELP);
      return 0;
    }
    if (command.kind === 'version') {
      io.out(`${version()}\n`);
      return 0;
    }
    const logger = createJsonLogger((line) => io.err(line + '\n'));
    if (command.kind === 'rotate-key') {
      const { storage } = await openDataDir(command.config.dataDir, env, logger);
      try {
        const result = await rotateDataKey({ dataDir: command.config.dataDir, env, storage });
        io.out(`Re-encrypted ${result.rewritten} applications under key ${result.keyId}.\n`);
        if (result.fromEnvironment) {
          io.out(
            'Now set UNION_JOIN_DATA_KEY to the value of UNION_JOIN_NEW_DATA_KEY, and keep the old key\n' +
              'in UNION_JOIN_PREVIOUS_DATA_KEYS while older idempotency records or backups need it.\n',
          );
        }
      } finally {
        await storage.close();
      }
      return 0;
    }
    const server = await startServer(command.config, { env, logger });
    const stop = () => {
      void server.close().then(() => process.exit(0));
    };
    // Before the line that says the server is up: whoever waits for it may stop it at once.
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    reportForms(server.forms, io);
    io.out(`union-join-server listening on ${server.url}\n`);
    return 0;
  } catch (error) {
    // Each of the server's own errors is one line that says what to change; others keep their stack.
    if (error instanceof ServerStubError) {
      io.err(`union-join-server: ${error.message}\n`);
      return error instanceof ConfigError ? 2 : 1;
    }
    throw error;
  }
}
