import type { EventTypeInfo } from '../../plugin-api.d.ts';

/** How the email plugin's events look on a company's timeline (`GET /api/timeline/types`). */
export const TIMELINE: Record<`email.${string}`, EventTypeInfo> = {
  'email.received': { title: { da: 'E-mail modtaget', en: 'Email received' }, icon: 'mail', summary: ['subject', 'from.name', 'snippet'] },
  'email.sent': { title: { da: 'E-mail sendt', en: 'Email sent' }, icon: 'mail', summary: ['subject', 'snippet'] },
  'email.linked': { title: { da: 'Nævnt i en e-mailtråd', en: 'Copied on an email thread' }, icon: 'mail', summary: ['subject'] },
};
