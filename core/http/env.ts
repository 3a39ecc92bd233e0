import type { Logger } from 'pino';
import type { Principal } from '../auth/principal.ts';
import type { Scope } from '../db/scope/index.ts';
import type { CoreEventBus } from '../events/bus.ts';

/** What every request handler finds on `c.var`. */
export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    /** Set by the auth middleware on every /api route. */
    principal: Principal;
    /** The caller's company scope: the only way handlers reach customer data. */
    scope: Scope;
    /** In-process events for plugins: publish after the transaction has committed. */
    bus: CoreEventBus;
    /** The client's address (TRUST_PROXY decides whether X-Forwarded-For is believed); null in process. */
    clientIp: string | null;
    /** Aborts when the process begins to shut down: long handlers (streams) stop on it. */
    shutdown: AbortSignal;
  };
}
