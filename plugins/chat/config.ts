import type { PluginContext } from '../../plugin-api.d.ts';
import { z } from 'zod';

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
  /** Requests per minute, per visitor address, per conversation and per website. */
  rateLimits: z
    .object({ perIp: z.number().int().min(1).default(30), perSession: z.number().int().min(1).default(12), perSite: z.number().int().min(1).default(1200) })
    .default({ perIp: 30, perSession: 12, perSite: 1200 }),
});
export type ChatConfig = z.infer<typeof Config>;

export const CAPABILITIES = ['storage', 'vector', 'routes', 'public-routes', 'events', 'llm', 'jobs'] as const;
export type Ctx = PluginContext<ChatConfig, (typeof CAPABILITIES)[number]>;
