// Starts the real reference server in-process, as `pnpm start` does, but on a free port with its own
// temporary data and forms directories, so that tests never touch a developer's data.
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  parseCommand,
  silentLogger,
  startServer,
  type RunningServer,
} from '@union-join/server-stub';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Where the built element is; `pnpm build` (part of `pnpm test`) writes it. */
export const elementDir = join(root, 'packages/form-element/dist');

/** Options of {@link startDemoServer}. */
export interface DemoServerOptions {
  /** Every form delivers its applications here, signed with `webhookSecret`. */
  webhookUrl?: string;
  webhookSecret?: string;
  /** An admin bearer token (24 characters or more). */
  adminToken?: string;
  /** Served at `/` instead of `examples/`. */
  staticDir?: string;
  /** Serve the built element (default true): then it must have been built. */
  element?: boolean;
  /** Form definitions to serve besides the examples, e.g. from `e2e/support/forms/`. */
  moreForms?: string[];
}

/** A running server and the directories it owns. */
export interface DemoServer {
  url: string;
  server: RunningServer;
  dataDir: string;
  close(): Promise<void>;
}

/** Starts the server with the example forms and pages, and the built element. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const element = options.element ?? true;
  if (element && !existsSync(join(elementDir, 'union-join-form.js'))) {
    throw new Error(`${elementDir}/union-join-form.js is missing: run \`pnpm build\` first`);
  }
  const scratch = await mkdtemp(join(tmpdir(), 'union-join-e2e-'));
  const dataDir = join(scratch, 'data');
  const formsDir = join(scratch, 'forms');
  await cp(join(root, 'examples/forms'), formsDir, { recursive: true });
  for (const file of options.moreForms ?? []) await cp(file, join(formsDir, basename(file)));
  if (options.webhookUrl) {
    for (const file of await readdir(formsDir)) {
      if (!file.endsWith('.json') || file.endsWith('.server.json')) continue;
      const settings = { webhook: { url: options.webhookUrl, secret: options.webhookSecret } };
      await writeFile(
        join(formsDir, file.replace(/\.json$/, '.server.json')),
        JSON.stringify(settings),
      );
    }
  }
  const env = options.adminToken ? { UNION_JOIN_ADMIN_TOKENS: `e2e:${options.adminToken}` } : {};
  const { config } = parseCommand(
    [
      '--port',
      '0',
      '--data',
      dataDir,
      '--forms',
      formsDir,
      '--static',
      options.staticDir ?? join(root, 'examples'),
      ...(element ? ['--element-dir', elementDir] : []),
      '--rate-limit',
      '0',
    ],
    env,
  ) as Extract<ReturnType<typeof parseCommand>, { kind: 'serve' }>;
  const server = await startServer(config, { env, logger: silentLogger });
  return {
    url: server.url,
    server,
    dataDir,
    close: async () => {
      await server.close();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}
