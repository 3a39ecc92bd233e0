import type { CrmEvents, CrmFilters, EventBus, Veto } from '../../plugin-api.d.ts';
import { CrmError } from '../errors/index.ts';
import type { Logger } from '../log/index.ts';

type Handler = { owner: string; run: (payload: any) => unknown };

/** The in-process event bus, and what it has seen go wrong. */
export interface CoreEventBus {
  /** The bus as a plugin (or the core) sees it: what it registers is tagged with `owner`. */
  forOwner(owner: string): EventBus;
  /** Emits without waiting: for the core's request paths, which must not wait on plugins. */
  publish<K extends keyof CrmEvents>(type: K, payload: CrmEvents[K]): void;
  /** Resolves when every handler started so far has finished (tests, shutdown). */
  idle(): Promise<void>;
  /** Failed handler runs by owner. */
  failures(): Record<string, number>;
  /** Drops everything `owner` registered (a plugin that failed or stopped). */
  removeOwner(owner: string): void;
}

/**
 * Creates the event bus: actions after something happened (`on`/`emit`), filters before it
 * (`filter`/`applyFilters`). A handler that throws is logged with its owner and counted; it
 * never reaches the emitter, other handlers, or the process.
 *
 * @example
 * const bus = createEventBus(logger);
 * bus.forOwner('csv-leads').on('company.created', ({ companyId }) => …);
 * bus.publish('company.created', { companyId, name });
 */
export function createEventBus(logger: Logger): CoreEventBus {
  const actions = new Map<string, Handler[]>();
  const filters = new Map<string, Handler[]>();
  const failed: Record<string, number> = {};
  const pending = new Set<Promise<void>>();

  const add = (map: Map<string, Handler[]>, name: string, handler: Handler) => {
    map.set(name, [...(map.get(name) ?? []), handler]);
    return () => map.set(name, (map.get(name) ?? []).filter((h) => h !== handler));
  };
  const fail = (owner: string, name: string, error: unknown) => {
    failed[owner] = (failed[owner] ?? 0) + 1;
    logger.error({ plugin: owner, event: name, err: error }, 'event handler failed');
  };

  async function emit(type: string, payload: unknown): Promise<void> {
    for (const handler of actions.get(type) ?? []) {
      try {
        await handler.run(payload);
      } catch (error) {
        fail(handler.owner, type, error);
      }
    }
  }

  async function applyFilters(name: string, value: unknown): Promise<unknown> {
    let current = value;
    for (const handler of filters.get(name) ?? []) {
      let next: unknown;
      try {
        next = await handler.run(current);
      } catch (error) {
        // A broken filter must not block the action for everyone: it is skipped.
        fail(handler.owner, name, error);
        continue;
      }
      if (isVeto(next)) return { veto: `${next.veto} (${handler.owner})` };
      current = next;
    }
    return current;
  }

  return {
    forOwner: (owner) => ({
      on: (type, run) => add(actions, type, { owner, run }),
      emit: (type, payload) => emit(type, payload),
      filter: (name, run) => add(filters, name, { owner, run }),
      applyFilters: (name, value) => applyFilters(name, value) as Promise<CrmFilters[typeof name] | Veto>,
    }),
    publish(type, payload) {
      const run = emit(type, payload).finally(() => pending.delete(run));
      pending.add(run);
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    failures: () => ({ ...failed }),
    removeOwner(owner) {
      for (const map of [actions, filters]) for (const [name, list] of map) map.set(name, list.filter((h) => h.owner !== owner));
    },
  };
}

export function isVeto(value: unknown): value is Veto {
  return typeof value === 'object' && value !== null && typeof (value as Veto).veto === 'string';
}

/**
 * Runs a filter hook and turns a veto into the error the caller answers with.
 *
 * @example
 * const contact = await filterOrRefuse(bus, 'contact.beforeCreate', { companyId, name, email, phone });
 */
export async function filterOrRefuse<K extends keyof CrmFilters>(bus: CoreEventBus, name: K, value: CrmFilters[K]): Promise<CrmFilters[K]> {
  const result = await bus.forOwner('core').applyFilters(name, value);
  if (isVeto(result)) throw new CrmError('validation_failed', `Refused: ${result.veto}`);
  return result;
}
