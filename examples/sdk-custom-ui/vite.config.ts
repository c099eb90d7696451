import { defineConfig, defaultClientConditions } from 'vite';

// The API the example talks to; `pnpm start` at the repository root serves it on :8787.
const api = process.env.UNION_JOIN_ENDPOINT ?? 'http://localhost:8787';

export default defineConfig({
  // Inside this repository the sdk resolves to its TypeScript source, so no build is needed first.
  // From npm, the package's default export condition points at its built files instead.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // Same-origin `/v1` in development, so the server's CORS allowlist needs no entry for Vite.
  server: { proxy: { '/v1': api } },
  preview: { proxy: { '/v1': api } },
  build: { target: 'es2022' },
});
