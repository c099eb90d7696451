// Child process of bench/server-submissions.ts, so the load and the server do not share an event
// loop: runs the real server (SQLite on disk, encryption, full fsync) on 127.0.0.1 with the example
// forms, prints its URL as one JSON line, and removes its data when stdin closes.
import { startDemoServer } from '../../e2e/support/demo-server.ts';

const server = await startDemoServer({ element: false });
process.stdout.write(JSON.stringify({ url: server.url }) + '\n');

process.stdin.resume();
process.stdin.on('end', () => {
  void server.close().then(() => process.exit(0));
});
