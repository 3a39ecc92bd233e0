/**
 * Every text the chat widget shows, in Danish and English. The loader owns this table and hands
 * a lookup function to the panel, so the page downloads it once.
 */
export type Lang = 'da' | 'en';

const en = {
  open: 'Open chat',
  closeChat: 'Close chat',
  unread: (n: number) => (n === 1 ? '1 unread message' : `${n} unread messages`),
  title: 'Chat with us',
  close: 'Close',
  conversation: 'Conversation',
  greeting: 'Hi! Ask me anything about our products and services.',
  you: 'You',
  bot: 'Assistant',
  staff: 'Staff',
  inputLabel: 'Your message',
  placeholder: 'Write a message…',
  send: 'Send',
  typing: 'The assistant is writing…',
  sources: 'Sources',
  page: 'page',
  talk: 'Talk to a person',
  unsure: 'I am not sure about that one. Leave your email and we will get back to you, or talk to a person.',
  handoff: 'A colleague has been asked to take over. You will see the answer here.',
  leadIntro: 'Leave your details and we will get back to you.',
  email: 'Email',
  name: 'Name',
  phone: 'Phone',
  company: 'Company',
  website: 'Website (leave empty)',
  optional: '(optional)',
  leadSubmit: 'Send details',
  leadLater: 'Not now',
  leadThanks: 'Thanks! We will get back to you.',
  error: 'Something went wrong. Please try again.',
  offline: 'Could not reach the chat. Check your connection and try again.',
  notAllowed: 'The chat is not set up for this website yet. Please contact us another way.',
  rateLimited: (s?: number) => (s ? `Too many messages. Try again in ${s} seconds.` : 'Too many messages. Try again in a moment.'),
  loading: 'Loading the conversation…',
};

export type Texts = typeof en;

const da: Texts = {
  open: 'Åbn chat',
  closeChat: 'Luk chat',
  unread: (n) => (n === 1 ? '1 ulæst besked' : `${n} ulæste beskeder`),
  title: 'Chat med os',
  close: 'Luk',
  conversation: 'Samtale',
  greeting: 'Hej! Spørg mig om vores produkter og ydelser.',
  you: 'Dig',
  bot: 'Assistent',
  staff: 'Medarbejder',
  inputLabel: 'Din besked',
  placeholder: 'Skriv en besked…',
  send: 'Send',
  typing: 'Assistenten skriver…',
  sources: 'Kilder',
  page: 'side',
  talk: 'Tal med et menneske',
  unsure: 'Det er jeg ikke sikker på. Skriv din e-mail, så vender vi tilbage, eller tal med et menneske.',
  handoff: 'En kollega er bedt om at tage over. Du ser svaret her.',
  leadIntro: 'Skriv dine oplysninger, så vender vi tilbage.',
  email: 'E-mail',
  name: 'Navn',
  phone: 'Telefon',
  company: 'Virksomhed',
  website: 'Hjemmeside (lad feltet stå tomt)',
  optional: '(valgfrit)',
  leadSubmit: 'Send oplysninger',
  leadLater: 'Ikke nu',
  leadThanks: 'Tak! Vi vender tilbage.',
  error: 'Noget gik galt. Prøv igen.',
  offline: 'Chatten kunne ikke nås. Tjek din forbindelse og prøv igen.',
  notAllowed: 'Chatten er ikke sat op til denne hjemmeside endnu. Kontakt os venligst på anden vis.',
  rateLimited: (s) => (s ? `For mange beskeder. Prøv igen om ${s} sekunder.` : 'For mange beskeder. Prøv igen om lidt.'),
  loading: 'Henter samtalen…',
};

export const TEXTS: Record<Lang, Texts> = { da, en };

/** `da` for any Danish tag (da, da-DK), else `en`. The first non-empty candidate decides. */
export function pickLang(...candidates: Array<string | null | undefined>): Lang {
  const tag = candidates.find((c) => c && c.trim())?.trim().toLowerCase() ?? '';
  return tag === 'da' || tag.startsWith('da-') ? 'da' : 'en';
}
