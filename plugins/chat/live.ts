import { EventEmitter } from 'node:events';

/**
 * Wakes a visitor's open event stream in this process as soon as staff reply, instead of at its
 * next poll. Streams still poll the database (every few seconds) for replies written by another
 * server process.
 *
 * @example
 * const live = createLive();
 * const stop = live.watch(conversationId, () => wake());
 * live.notify(conversationId);
 */
export function createLive() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    watch(conversationId: string, wake: () => void): () => void {
      emitter.on(conversationId, wake);
      return () => emitter.off(conversationId, wake);
    },
    notify: (conversationId: string) => void emitter.emit(conversationId),
  };
}

export type Live = ReturnType<typeof createLive>;
