// The real server with every example form delivering to a webhook receiver on 127.0.0.1: what a
// union runs, end to end, on free ports and in temporary directories.
import {
  startWebhookReceiver,
  type ReceivedApplication,
} from '../../examples/webhook-receiver/receiver.ts';
import { startDemoServer, type DemoServer } from './demo-server.ts';

/** A running server, its webhook receiver and what the receiver has been sent. */
export interface JourneyRig {
  demo: DemoServer;
  /** Applications the receiver accepted (valid signature, first delivery of each id). */
  delivered: ReceivedApplication[];
  /** Calls the server's admin API with the rig's admin token. */
  admin(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

const webhookSecret = 'whsec_e2e_0123456789abcdef';
const adminToken = 'e2e-admin-token-0123456789abcdef';

/** Starts the receiver, then the server delivering every form's applications to it. */
export async function startJourneyRig(): Promise<JourneyRig> {
  const delivered: ReceivedApplication[] = [];
  const receiver = await startWebhookReceiver({
    secret: webhookSecret,
    onApplication: (application) => void delivered.push(application),
  });
  const address = receiver.address();
  if (!address || typeof address !== 'object') throw new Error('the receiver is not listening');
  const demo = await startDemoServer({
    webhookUrl: `http://127.0.0.1:${address.port}/`,
    webhookSecret,
    adminToken,
  });
  return {
    demo,
    delivered,
    admin: (path, init = {}) =>
      fetch(`${demo.url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${adminToken}`, ...init.headers },
      }),
    close: async () => {
      await demo.close();
      await new Promise((resolve) => receiver.close(resolve));
    },
  };
}
