/**
 * The website chats the demo plays through the chat plugin's visitor routes, as visitors of
 * the demo site would: questions the knowledge base answers, a visitor who asks for a person,
 * questions the bot can't answer (they wait for staff), a lead form from someone at one of the
 * customers (kept as an unverified lead until staff confirm it), and one a colleague answered.
 */
export type DemoStep =
  | { ask: string }
  | { handoff: true }
  | { lead: { email: string; name?: string; phone?: string; company?: string } }
  | { staffReply: string }
  | { close: true };

export interface DemoConversation {
  lang: 'da' | 'en';
  steps: DemoStep[];
}

export const DEMO_CONVERSATIONS: DemoConversation[] = [
  {
    lang: 'da',
    steps: [{ ask: 'Hvad koster nye tagrender i zink?' }, { ask: 'Kører I også ud til Struer?' }],
  },
  {
    lang: 'da',
    steps: [{ ask: 'Der er blæst tagsten af mit tag i nat. Hvad gør jeg ved stormskade?' }, { ask: 'Kan jeg tale med en person?' }],
  },
  {
    lang: 'da',
    steps: [{ ask: 'Kan I lægge solceller på et stråtag?' }],
  },
  {
    lang: 'da',
    steps: [
      { ask: 'Hvordan fakturerer I opgaver over kr. 50.000?' },
      { lead: { email: 'henrik.dahl@limfjord-maskinfabrik.dk', name: 'Henrik Dahl', phone: '+45 22 18 40 77', company: 'Limfjord Maskinfabrik A/S' } },
      { ask: 'Ring mig gerne op i morgen formiddag.' },
    ],
  },
  {
    lang: 'en',
    steps: [{ ask: 'When is your office open?' }, { ask: 'How long is your guarantee?' }],
  },
  {
    lang: 'da',
    steps: [
      { ask: 'Hvordan bestiller jeg en besigtigelse og et tilbud?' },
      { handoff: true },
      { staffReply: 'Hej, det er Line fra kontoret. Vi kan komme forbi torsdag i næste uge mellem kl. 8 og 10. Jeg sender en bekræftelse på mail.' },
      { close: true },
    ],
  },
  {
    lang: 'da',
    steps: [{ ask: 'Hvornår skal fakturaen betales, og kan jeg bruge MobilePay?' }],
  },
  {
    lang: 'da',
    steps: [{ ask: 'Har I brug for en tømrerlærling? Jeg vil gerne søge en læreplads.' }],
  },
];
