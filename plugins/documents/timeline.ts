import type { EventTypeInfo } from '../../plugin-api.d.ts';
import { CATEGORY_LABELS } from './texts.ts';

/** A category as a timeline shows it, in the reader's language. */
export function categoryText(category: string | null): { da: string; en: string } | null {
  return category && category in CATEGORY_LABELS ? CATEGORY_LABELS[category as keyof typeof CATEGORY_LABELS] : null;
}

/** "3 sider" / "3 pages" for a paged document. */
export function pagesText(pages: number | null): { da: string; en: string } | null {
  return pages ? { da: pages === 1 ? '1 side' : `${pages} sider`, en: pages === 1 ? '1 page' : `${pages} pages` } : null;
}

/** How the documents plugin's events look on a company's timeline (`GET /api/timeline/types`). */
export const TIMELINE: Record<`document.${string}`, EventTypeInfo> = {
  'document.uploaded': { title: { da: 'Dokument uploadet', en: 'Document uploaded' }, icon: 'document', summary: ['name'] },
  'document.indexed': { title: { da: 'Dokument læst og søgbart', en: 'Document read and searchable' }, icon: 'document', summary: ['name', 'category_label', 'pages_label'] },
  'document.failed': { title: { da: 'Dokument kunne ikke læses', en: 'Document could not be read' }, icon: 'alert', summary: ['name', 'reason'] },
  'document.recategorised': { title: { da: 'Dokumentets kategori rettet', en: 'Document category corrected' }, icon: 'document', summary: ['name', 'to_label'] },
  'document.deleted': { title: { da: 'Dokument slettet', en: 'Document deleted' }, icon: 'document', summary: ['name'] },
};
