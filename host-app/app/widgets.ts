/**
 * Loads the CRM's widgets the way any intranet would: as scripts from the CRM (`/widgets/*.js`),
 * not bundled into this app. One `configureCrm` call (exported by each widget module: they share
 * the kit) gives them all the signed-in person's token; `pageClient()` is the same client for the
 * few calls the app makes itself, and `live` its live timeline.
 */
import type { CrmClient } from '../../widgets/kit/client.ts';
import type { LiveEvent } from '../../widgets/kit/live.ts';

export type { LiveEvent };

export interface Widgets {
  configureCrm(options: { apiBase?: string; auth?: { getToken?: () => string } }): void;
  pageClient(): CrmClient;
  live(client: CrmClient, listener: (event: LiveEvent) => void): () => void;
}

const NAMES = ['companies', 'company', 'documents', 'email-thread', 'inbox', 'knowledge', 'search'] as const;
let loading: Promise<Widgets> | undefined;

export function loadWidgets(getToken: () => string): Promise<Widgets> {
  loading ??= Promise.all(NAMES.map((name) => import(/* @vite-ignore */ `/widgets/${name}.js`) as Promise<Widgets>)).then((modules) => {
    modules[0]!.configureCrm({ apiBase: location.origin, auth: { getToken } });
    return modules[0]!;
  });
  loading.catch(() => (loading = undefined));
  return loading;
}
