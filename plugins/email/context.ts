import type { PluginContext } from '../../plugin-api.d.ts';
import type { CAPABILITIES, EmailConfig } from './config.ts';

/** The email plugin's ctx: its config and exactly the services of its capabilities. */
export type Ctx = PluginContext<EmailConfig, (typeof CAPABILITIES)[number]>;
