import type { PluginContext } from '../../plugin-api.d.ts';
import type { CAPABILITIES, PricingConfig } from './config.ts';

/** The pricing plugin's ctx: its config and exactly the services of its capabilities. */
export type Ctx = PluginContext<PricingConfig, (typeof CAPABILITIES)[number]>;
