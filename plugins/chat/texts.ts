/** What the bot says, in the visitor's language. (The greeting is the widget's own text.) */
export const TEXTS = {
  da: {
    found: 'Det her fandt jeg:',
    unsure: 'Det ved jeg desværre ikke nok om til at svare sikkert. Skriv din e-mail, så vender en medarbejder tilbage, eller bed om at tale med en person.',
    payment: 'Betalingsoplysninger som kontonumre giver jeg ikke her i chatten. Brug oplysningerne på din faktura, eller skriv din e-mail, så kontakter en medarbejder dig.',
    leadThanks: 'Tak! Vi vender tilbage hurtigst muligt.',
    handoff: 'Jeg har bedt en medarbejder om at tage over; svaret kommer her. Imens svarer jeg gerne på det, jeg kan. Skriv din e-mail, hvis du ikke kan vente.',
  },
  en: {
    found: 'This is what I found:',
    unsure: "I'm afraid I don't know enough to answer that reliably. Leave your email and a colleague will get back to you, or ask to talk to a person.",
    payment: "I don't give out payment details such as account numbers in the chat. Please use the details on your invoice, or leave your email and a colleague will contact you.",
    leadThanks: "Thank you! We'll get back to you as soon as we can.",
    handoff: "I've asked a colleague to take over; the answer will appear here. Meanwhile I'm happy to answer what I can. Leave your email if you can't wait.",
  },
} as const;

export type Lang = keyof typeof TEXTS;
