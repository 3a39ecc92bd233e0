import type { EventTypeInfo } from '../../plugin-api.d.ts';

/** How the chat's events look on a company's timeline (`GET /api/timeline/types`). */
export const TIMELINE: Record<`chat.${string}`, EventTypeInfo> = {
  'chat.message': { title: { da: 'Spørgsmål i chatten', en: 'Chat question' }, icon: 'chat', summary: ['text'] },
  'chat.handoff': { title: { da: 'Bad om en medarbejder', en: 'Asked for a person' }, icon: 'alert', summary: [] },
  'chat.reply': { title: { da: 'Svar fra en medarbejder', en: 'Staff reply' }, icon: 'chat', summary: [] },
  'chat.lead': { title: { da: 'Efterlod kontaktoplysninger (ubekræftet)', en: 'Left contact details (unverified)' }, icon: 'person', summary: ['name', 'email', 'company'] },
  'chat.assigned': { title: { da: 'Samtale tildelt', en: 'Conversation assigned' }, icon: 'person', summary: ['to'] },
  'chat.lead_confirmed': { title: { da: 'Kundeemne bekræftet', en: 'Lead confirmed' }, icon: 'check', summary: [] },
};
