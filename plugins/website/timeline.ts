import type { EventTypeInfo } from '../../plugin-api.d.ts';

/** How the website plugin's events look on a company's timeline (`GET /api/timeline/types`). */
export const TIMELINE: Record<`website.${string}`, EventTypeInfo> = {
  'website.crawled': { title: { da: 'Hjemmeside gennemgået', en: 'Website crawled' }, icon: 'web', summary: ['url', 'summary'] },
  'website.enriched': { title: { da: 'Profil fra hjemmesiden', en: 'Profile from the website' }, icon: 'web', summary: ['name', 'address', 'cvr', 'phone'] },
};
