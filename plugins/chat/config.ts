import type { PluginContext } from '../../plugin-api.d.ts';
import { z } from 'zod';

/** Settings (crm.config.ts or CRM_PLUGIN_CHAT_<KEY>). */
export const Config = z.object({
  /** How long a visitor's conversation can be resumed from the same browser. */
  sessionDays: z.number().int().min(1).max(365).default(30),
  /** Longest message a visitor may send, in characters. */
  maxMessageChars: z.number().int().min(100).max(20_000).default(2000),
});
export type ChatConfig = z.infer<typeof Config>;

export const CAPABILITIES = ['storage', 'vector', 'routes', 'public-routes', 'events'] as const;
export type Ctx = PluginContext<ChatConfig, (typeof CAPABILITIES)[number]>;
