import type { PluginContext } from '../../plugin-api.d.ts';
import { z } from 'zod';

const LIMITS = {
  perIp: 30, perSession: 12, perSite: 1200, readsPerIp: 120, leadsPerConversation: 3, handoffsPerHour: 3, streamsPerSession: 2, streamsPerIp: 10,
};

/** Settings (crm.config.ts or CRM_PLUGIN_CHAT_<KEY>). */
export const Config = z.object({
  /** How long a visitor's conversation can be resumed from the same browser. */
  sessionDays: z.number().int().min(1).max(365).default(30),
  /** Longest message a visitor may send, in characters. */
  maxMessageChars: z.number().int().min(100).max(20_000).default(2000),
  /** Language-model tokens one conversation may use (about 4 characters a token); then answers are extractive. */
  llmTokensPerConversation: z.number().int().min(0).default(20_000),
  /** Language-model tokens all conversations together may use per day (UTC). */
  llmTokensPerDay: z.number().int().min(0).default(500_000),
  /**
   * What one visitor may do, counted in the database (so across every server): new sessions and
   * questions per minute per address (`perIp`), questions per minute per conversation
   * (`perSession`), sessions per minute per website (`perSite`), history reads, event-stream
   * connects and demo pages per minute per address (`readsPerIp`), leads per conversation,
   * handoff requests per conversation per hour, and event streams open at once per conversation
   * and per address.
   */
  rateLimits: z
    .object({
      perIp: z.number().int().min(1).default(LIMITS.perIp),
      perSession: z.number().int().min(1).default(LIMITS.perSession),
      perSite: z.number().int().min(1).default(LIMITS.perSite),
      readsPerIp: z.number().int().min(1).default(LIMITS.readsPerIp),
      leadsPerConversation: z.number().int().min(1).default(LIMITS.leadsPerConversation),
      handoffsPerHour: z.number().int().min(1).default(LIMITS.handoffsPerHour),
      streamsPerSession: z.number().int().min(1).default(LIMITS.streamsPerSession),
      streamsPerIp: z.number().int().min(1).default(LIMITS.streamsPerIp),
    })
    .default(LIMITS),
});
export type ChatConfig = z.infer<typeof Config>;

export const CAPABILITIES = ['storage', 'vector', 'routes', 'public-routes', 'events', 'llm', 'jobs'] as const;
export type Ctx = PluginContext<ChatConfig, (typeof CAPABILITIES)[number]>;
