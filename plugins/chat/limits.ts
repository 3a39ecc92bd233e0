import { CrmError } from '../../plugin-api.js';

/**
 * Fixed-window rate limits in this process's memory: per visitor IP, per session and per
 * site key, so a loop or a bot can't flood the chat or run up a bill. With several server
 * processes each counts alone (the limits are per process).
 *
 * @example
 * const limits = createLimits({ perIp: 30, perSession: 10, perSite: 600 });
 * limits.take('ip', clientIp); // throws 429 with Retry-After when exceeded
 */
export function createLimits(perMinute: { perIp: number; perSession: number; perSite: number }, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  const limitOf = { ip: perMinute.perIp, session: perMinute.perSession, site: perMinute.perSite };
  return {
    take(kind: keyof typeof limitOf, key: string | null): void {
      if (!key) return;
      const id = `${kind}:${key}`;
      const t = now();
      let window = windows.get(id);
      if (!window || t - window.start >= 60_000) {
        window = { start: t, count: 0 };
        windows.set(id, window);
        if (windows.size > 100_000) for (const [k, w] of windows) if (t - w.start >= 60_000) windows.delete(k);
      }
      window.count++;
      if (window.count > limitOf[kind]) {
        const retryAfter = Math.max(1, Math.ceil((window.start + 60_000 - t) / 1000));
        throw new CrmError('rate_limited', `Too many requests from this ${kind === 'ip' ? 'address' : kind}; try again in ${retryAfter} s`, { extra: { retryAfter } });
      }
    },
  };
}
