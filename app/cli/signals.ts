/** What SIGINT/SIGTERM mean to a long-running command. */
export interface StopSignals {
  /** Resolves on the first signal: begin the clean stop. */
  stopped: Promise<void>;
  /** Aborts on a second signal: skip the remaining waits (the database is still closed). */
  force: AbortSignal;
}

/**
 * Listens for SIGINT and SIGTERM for the rest of the process. Call it before printing the line
 * that says the command runs: whoever waits for that line may signal at once. The listeners
 * stay for the whole shutdown, since without one a second SIGTERM would kill the process
 * mid-close and leave the lock behind.
 *
 * @example
 * const { stopped, force } = onStopSignals();
 * io.out('listening');
 * await stopped;
 * await server.close(force);
 */
export function onStopSignals(): StopSignals {
  const force = new AbortController();
  const stopped = new Promise<void>((resolve) => {
    let signals = 0;
    const stop = () => {
      signals += 1;
      if (signals === 1) resolve();
      else force.abort();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return { stopped, force: force.signal };
}
