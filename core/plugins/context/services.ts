import type { LlmProvider } from '../../../plugin-api.d.ts';
import type { BlobBackend } from '../../blobs/index.ts';
import type { Database } from '../../db/types.ts';
import type { CoreEventBus } from '../../events/bus.ts';
import type { EventTypes } from '../../events/types.ts';
import type { JobHandler } from '../../jobs/index.ts';
import type { Limiter } from '../../limits/index.ts';
import type { Logger } from '../../log/index.ts';
import type { EmbeddingProvider } from '../../search/embeddings/index.ts';

/**
 * What the host builds plugin contexts from. Providers are looked up when used, not when a
 * context is built, because provider plugins start alongside the plugins that use them.
 */
export interface HostServices {
  db: Database;
  logger: Logger;
  bus: CoreEventBus;
  embedder(): EmbeddingProvider;
  llm(): LlmProvider | undefined;
  /** Where plugin job handlers are registered (full name → handler), for the worker. */
  jobHandlers: Map<string, JobHandler>;
  /** Wakes the in-process worker after an enqueue. */
  onJobQueued(): void;
  /** How timeline event types are shown (the core's and every plugin's). */
  eventTypes: EventTypes;
  /** Rate limits and stream caps (Postgres-backed, shared by every server). */
  limiter: Limiter;
  /**
   * What `ctx.fetch` may reach although it is loopback or private (tests, intranet crawls):
   * hostnames, addresses, CIDR ranges or `*` (`CRM_FETCH_ALLOW`); empty refuses them all.
   */
  fetchAllow: string[];
  /**
   * Where blob bytes go (BLOB_STORE): a backend, and the folder uploads are spooled into first
   * (on the same disk as a folder backend, so saving is a rename). Absent: in the `blobs` rows.
   */
  blobs?: { backend: BlobBackend; incomingDir: string };
  /** Aborts when the process begins to shut down (SIGTERM): `ctx.shutdown`. */
  shutdown?: AbortSignal;
}

/** Job failures and event-handler failures by plugin, for `GET /api/plugins`. */
export type FailureCounts = Map<string, number>;
