import { CrmError } from '../../core/errors/index.ts';
import type { DemoApi } from './client.ts';

/** A company as the API answers it (the fields the demo reads). */
export interface ApiCompany {
  id: string;
  name: string;
  kind: string;
  domain: string | null;
  website_url: string | null;
  attributes: Record<string, unknown>;
}

/**
 * What the demo keeps on the own company (`attributes.demo`): that it is there, its chat site,
 * and the own company's name, domain and website before the demo named it (when it did), so
 * removing the demo gives them back. A staff view can show "this is the demo workspace" from it.
 */
export interface DemoMarker {
  seeded_at: string;
  site_id: string | null;
  /** The own company's demo documents (the customers' go with their companies). */
  documents?: string[];
  previous: { name: string; domain: string | null; website_url: string | null } | null;
}

/**
 * The own company (kind `self`), which bootstrap creates on the first start.
 *
 * @example
 * const self = await selfCompany(api);
 */
export async function selfCompany(api: DemoApi): Promise<ApiCompany> {
  const { items } = await api.call<{ items: ApiCompany[] }>('GET', '/api/companies?kind=self&limit=1');
  const self = items[0];
  if (!self) throw new CrmError('not_found', 'Demo workspace: the own company is missing; start the CRM once first');
  return self;
}

/**
 * The marker on the own company, or undefined when there is no demo.
 *
 * @example
 * if (demoMarker(await selfCompany(api))) throw new CrmError('conflict', 'The demo workspace is already there');
 */
export function demoMarker(self: ApiCompany): DemoMarker | undefined {
  const marker = self.attributes.demo;
  return marker && typeof marker === 'object' ? (marker as DemoMarker) : undefined;
}

/**
 * Sets (or, with `null`, removes) the marker, keeping the own company's other attributes, and
 * applies `fields` (its name, domain, website) in the same request.
 *
 * @example
 * await writeMarker(api, self, { seeded_at: new Date().toISOString(), site_id: null, previous: null });
 */
export async function writeMarker(
  api: DemoApi,
  self: ApiCompany,
  marker: DemoMarker | null,
  fields: { name?: string; domain?: string | null; website_url?: string | null } = {},
): Promise<ApiCompany> {
  const { demo: _old, ...attributes } = self.attributes;
  return api.call<ApiCompany>('PATCH', `/api/companies/${self.id}`, { body: { ...fields, attributes: marker ? { ...attributes, demo: marker } : attributes } });
}
