import type { EventTypeInfo } from '../../plugin-api.d.ts';

/** How the documents plugin's events look on a company's timeline (`GET /api/timeline/types`). */
export const TIMELINE: Record<`document.${string}`, EventTypeInfo> = {
  'document.uploaded': { title: { da: 'Dokument uploadet', en: 'Document uploaded' }, icon: 'document', summary: ['name'] },
  'document.indexed': { title: { da: 'Dokument læst og søgbart', en: 'Document read and searchable' }, icon: 'document', summary: ['name', 'category', 'pages'] },
  'document.failed': { title: { da: 'Dokument kunne ikke læses', en: 'Document could not be read' }, icon: 'alert', summary: ['name', 'reason'] },
  'document.recategorised': { title: { da: 'Dokumentets kategori rettet', en: 'Document category corrected' }, icon: 'document', summary: ['name', 'from', 'to'] },
  'document.deleted': { title: { da: 'Dokument slettet', en: 'Document deleted' }, icon: 'document', summary: ['name'] },
};
