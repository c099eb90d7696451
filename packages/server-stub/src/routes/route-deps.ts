import type { Clock } from '../clock.ts';
import type { ServerConfig } from '../config.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { FormRegistry } from '../forms/form-registry.ts';
import type { ClientIpResolver } from '../http/client-ip.ts';
import type { OriginPolicy } from '../http/origin-policy.ts';
import type { RateLimiter } from '../http/rate-limiter.ts';
import type { Logger } from '../logger.ts';
import type { Storage } from '../storage/storage.ts';

/** What every route module receives: the server's services, built once in `createApp`. */
export interface RouteDeps {
  config: Pick<ServerConfig, 'adminTokens' | 'bodyLimitBytes'>;
  forms: FormRegistry;
  storage: Storage;
  keyring: Keyring;
  clock: Clock;
  logger: Logger;
  origins: OriginPolicy;
  clientIp: ClientIpResolver;
  submissionLimiter: RateLimiter;
  authFailureLimiter: RateLimiter;
  /** Called after an application with a webhook delivery is stored, to send it promptly. */
  onDeliveryQueued: () => void;
}
