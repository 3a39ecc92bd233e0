import type { LimitSlot } from '../../plugin-api.d.ts';
import type { Ctx } from './config.ts';

const MINUTE = 60_000;

/**
 * What each public route may cost one visitor, counted by `ctx.limits` in the database so the
 * limits hold across servers: per address (`ip:`), per conversation (`session:`) and per website
 * (`site:`). A request without a known address (in-process calls) is counted by the other keys.
 *
 * @example
 * const limits = chatLimits(ctx);
 * await limits.ask(c.var.clientIp, conversation.id); // 429 with Retry-After when over
 */
export function chatLimits(ctx: Ctx) {
  const rules = ctx.config.rateLimits;
  const take = (key: string | null, limit: number, windowMs = MINUTE) => (key ? ctx.limits.take(key, { limit, windowMs }) : Promise.resolve());
  const ip = (address: string | null) => (address ? `ip:${address}` : null);
  return {
    /** Starting or resuming a session. */
    async start(address: string | null, siteId?: string) {
      await take(ip(address), rules.perIp);
      if (siteId) await take(`site:${siteId}`, rules.perSite);
    },
    /** Asking a question. */
    async ask(address: string | null, conversationId: string) {
      await take(ip(address), rules.perIp);
      await take(`session:${conversationId}`, rules.perSession);
    },
    /** Reading the history, connecting the event stream, loading the demo page. */
    read: (address: string | null) => take(address ? `read:ip:${address}` : null, rules.readsPerIp),
    /** Asking for a person. */
    handoff: (conversationId: string) => take(`handoff:${conversationId}`, rules.handoffsPerHour, 60 * MINUTE),
    /** Sending the lead form (on top of the cap on leads per conversation). */
    lead: (address: string | null, conversationId: string) => Promise.all([take(ip(address), rules.perIp), take(`lead:${conversationId}`, rules.leadsPerConversation * 2, 60 * MINUTE)]),
    /** One open event stream: slots per conversation and per address, released when it ends. */
    async stream(address: string | null, conversationId: string): Promise<LimitSlot> {
      const slots: LimitSlot[] = [await ctx.limits.hold(`streams:session:${conversationId}`, rules.streamsPerSession, 'open chat connections for this conversation')];
      try {
        if (address) slots.push(await ctx.limits.hold(`streams:ip:${address}`, rules.streamsPerIp, 'open chat connections from this address'));
      } catch (error) {
        await slots[0]!.release();
        throw error;
      }
      return { release: async () => void (await Promise.all(slots.map((s) => s.release()))) };
    },
  };
}

export type ChatLimits = ReturnType<typeof chatLimits>;
