import type { EventTypeInfo } from '../../plugin-api.d.ts';

/** How the pricing plugin's events look on a company's timeline (`GET /api/timeline/types`). */
export const TIMELINE: Record<`quote.${string}`, EventTypeInfo> = {
  'quote.created': { title: { da: 'Tilbud oprettet', en: 'Quote created' }, icon: 'quote', summary: ['number'] },
  'quote.sent': { title: { da: 'Tilbud sendt', en: 'Quote sent' }, icon: 'quote', summary: ['number'] },
  'quote.accepted': { title: { da: 'Tilbud accepteret', en: 'Quote accepted' }, icon: 'check', summary: ['number', 'accepted_by'] },
  'quote.rejected': { title: { da: 'Tilbud afvist', en: 'Quote rejected' }, icon: 'quote', summary: ['number'] },
  'quote.expired': { title: { da: 'Tilbud udløbet', en: 'Quote expired' }, icon: 'quote', summary: ['number'] },
};
