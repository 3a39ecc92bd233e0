import type { PluginContext } from '../../plugin-api.d.ts';
import type { CAPABILITIES, DocumentsConfig } from './config.ts';

/** The documents plugin's ctx: its config and exactly the services of its capabilities. */
export type Ctx = PluginContext<DocumentsConfig, (typeof CAPABILITIES)[number]>;
