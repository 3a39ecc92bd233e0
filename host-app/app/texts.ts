/** Every text of the intranet app, in Danish and English. */
export type Lang = 'da' | 'en';

export const TEXTS = {
  da: {
    brand: 'CRM', skip: 'Spring til indhold', nav: 'Hovedmenu', overview: 'Overblik', customers: 'Kunder', inbox: 'Indbakke', knowledge: 'Viden', search: 'Søg',
    settings: 'Indstillinger', signOut: 'Log ud', language: 'English', languageLabel: 'Skift sprog til engelsk',
    signInTitle: 'Log ind', email: 'E-mail', password: 'Adgangskode', signIn: 'Log ind', signingIn: 'Logger ind…', linkHint: 'Har du fået et login-link? Åbn det, så er du logget ind.',
    magicLink: 'Send mig et login-link', linkSent: 'Tjek din e-mail for et login-link.', expired: 'Dit login er udløbet. Log ind igen.',
    waiting: 'Venter på svar', waitingHint: 'Chats hvor en besøgende venter på en medarbejder', openInbox: 'Åbn indbakken', recent: 'Seneste aktivitet',
    live: 'Lige nu', liveHint: 'Det sker, mens siden er åben', nothingYet: 'Intet nyt endnu.', leads: 'Ubekræftede kundeemner', leadsHint: 'Besøgende der har efterladt kontaktoplysninger',
    confirm: 'Bekræft', reject: 'Afvis', back: 'Tilbage til kunderne', pickCustomer: 'Vælg en kunde for at se overblikket.', notFound: 'Siden findes ikke.',
    staff: 'Medarbejdere', addStaff: 'Tilføj medarbejder', name: 'Navn', role: 'Rolle', roles: { admin: 'Administrator', staff: 'Medarbejder', viewer: 'Læser' },
    link: 'Login-link', linkCopied: 'Login-link (gælder 24 timer, én gang):', add: 'Tilføj', disabled: 'Deaktiveret', disable: 'Deaktivér', enable: 'Aktivér',
    adminOnly: 'Kun administratorer kan se indstillingerne.', signedInAs: 'Logget ind som', demoSite: 'Demo-hjemmeside med chatten',
  },
  en: {
    brand: 'CRM', skip: 'Skip to content', nav: 'Main menu', overview: 'Overview', customers: 'Customers', inbox: 'Inbox', knowledge: 'Knowledge', search: 'Search',
    settings: 'Settings', signOut: 'Sign out', language: 'Dansk', languageLabel: 'Change language to Danish',
    signInTitle: 'Sign in', email: 'Email', password: 'Password', signIn: 'Sign in', signingIn: 'Signing in…', linkHint: 'Got a sign-in link? Open it and you are signed in.',
    magicLink: 'Email me a sign-in link', linkSent: 'Check your email for a sign-in link.', expired: 'Your sign-in has expired. Sign in again.',
    waiting: 'Waiting for an answer', waitingHint: 'Chats where a visitor waits for a person', openInbox: 'Open the inbox', recent: 'Latest activity',
    live: 'Right now', liveHint: 'What happens while this page is open', nothingYet: 'Nothing new yet.', leads: 'Unverified leads', leadsHint: 'Visitors who left their contact details',
    confirm: 'Confirm', reject: 'Reject', back: 'Back to the customers', pickCustomer: 'Choose a customer to see the overview.', notFound: 'This page does not exist.',
    staff: 'Staff', addStaff: 'Add a staff member', name: 'Name', role: 'Role', roles: { admin: 'Administrator', staff: 'Staff', viewer: 'Viewer' },
    link: 'Sign-in link', linkCopied: 'Sign-in link (valid 24 hours, once):', add: 'Add', disabled: 'Disabled', disable: 'Disable', enable: 'Enable',
    adminOnly: 'Only administrators can see the settings.', signedInAs: 'Signed in as', demoSite: 'Demo website with the chat',
  },
} as const;

export type Texts = (typeof TEXTS)[Lang];
