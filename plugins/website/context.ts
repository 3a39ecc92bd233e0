import type { PluginContext } from '../../plugin-api.d.ts';
import type { CAPABILITIES, WebsiteConfig } from './config.ts';

/** The website plugin's ctx: its config and exactly the services of its capabilities. */
export type Ctx = PluginContext<WebsiteConfig, (typeof CAPABILITIES)[number]>;
