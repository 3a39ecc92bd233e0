/**
 * The invented business the demo workspace shows: a roofing and carpentry firm in Holstebro,
 * West Jutland. Everything here is fiction; the domain is not a real firm's.
 */
export const DEMO_BUSINESS = {
  name: 'Storå Tag & Tømrer ApS',
  domain: 'storaa-tag.dk',
  websiteUrl: 'https://www.storaa-tag.dk',
  cvr: '31524938',
  address: 'Lægårdvej 118, 7500 Holstebro',
  phone: '+45 97 40 12 34',
  email: 'info@storaa-tag.dk',
} as const;

/** The business's own people, who write the notes on the customers' timelines and answer the chat. */
export const DEMO_STAFF = {
  owner: 'Mads Storgaard',
  office: 'Line Kjærgaard',
  carpenter: 'Jonas Bech',
  books: 'Camilla Vinther',
} as const;

/** The marker on everything the demo creates, so `crm demo --remove` finds exactly that. */
export const DEMO_TAG = 'demo';
