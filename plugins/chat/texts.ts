/** What the bot says, in the visitor's language. */
export const TEXTS = {
  da: {
    greeting: 'Hej! Hvad kan jeg hjælpe dig med?',
    found: 'Det her fandt jeg:',
    unsure: 'Det ved jeg desværre ikke nok om til at svare sikkert. Skriv din e-mail, så vender en medarbejder tilbage, eller bed om at tale med en person.',
    leadThanks: 'Tak! Vi vender tilbage hurtigst muligt.',
    handoff: 'Jeg har bedt en medarbejder om at tage over; svaret kommer her. Skriv gerne din e-mail, hvis du ikke kan vente.',
  },
  en: {
    greeting: 'Hi! How can I help you?',
    found: 'This is what I found:',
    unsure: "I'm afraid I don't know enough to answer that reliably. Leave your email and a colleague will get back to you, or ask to talk to a person.",
    leadThanks: "Thank you! We'll get back to you as soon as we can.",
    handoff: "I've asked a colleague to take over; the answer will appear here. Leave your email if you can't wait.",
  },
} as const;

export type Lang = keyof typeof TEXTS;
