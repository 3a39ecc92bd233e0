import { DEMO_BUSINESS } from './business.ts';
import type { DemoApi } from './client.ts';

const DAY_MS = 86_400_000;

/** One message of the demo's correspondence: who wrote to whom, when, and what. */
interface DemoMail {
  id: string;
  from: [string, string];
  to: [string, string];
  subject: string;
  daysAgo: number;
  /** Hours after midnight UTC on that day. */
  hour: number;
  inReplyTo?: string;
  text: string;
}

const OWN = DEMO_BUSINESS.domain;
const MADS: [string, string] = ['Mads Storgaard', `mads@${OWN}`];
const LINE: [string, string] = ['Line Kjærgaard', `line@${OWN}`];

/**
 * The demo's email correspondence with three of its customers (their contacts in
 * companies.ts), Danish as it is written: replies with Outlook's and Gmail's quoted history, a
 * thread that waits for our answer, one we answered. Imported through `POST /api/email/import`,
 * so it is threaded, placed and indexed as real mail is; it goes with the customers when the demo
 * is removed.
 */
const MAILS: DemoMail[] = [
  {
    id: 'demo-tagtjek-1', from: ['Søren Mikkelsen', 'sm@vestjysk-ejendomsservice.dk'], to: LINE, subject: 'Årligt tagtjek 2026', daysAgo: 12, hour: 7,
    text: 'Hej Line\n\nSom aftalt sidste år vil vi gerne have det årlige tagtjek på de 14 ejendomme lagt i uge 40.\nKan I bekræfte, at det stadig passer?\n\nVenlig hilsen\nSøren Mikkelsen\nDriftschef, Vestjysk Ejendomsservice ApS',
  },
  {
    id: 'demo-tagtjek-2', from: LINE, to: ['Søren Mikkelsen', 'sm@vestjysk-ejendomsservice.dk'], subject: 'SV: Årligt tagtjek 2026', daysAgo: 11, hour: 9, inReplyTo: 'demo-tagtjek-1',
    text: 'Hej Søren\n\nUge 40 passer fint. Jonas og en lærling starter mandag kl. 7 på Nørregade og tager ejendommene i samme rækkefølge som sidst.\n\nMed venlig hilsen\nLine Kjærgaard\n\nFra: Søren Mikkelsen <sm@vestjysk-ejendomsservice.dk>\nSendt: 21. november 2026 08:02\nTil: Line Kjærgaard <line@storaa-tag.dk>\nEmne: Årligt tagtjek 2026\n\nHej Line\n\nSom aftalt sidste år vil vi gerne have det årlige tagtjek på de 14 ejendomme lagt i uge 40.',
  },
  {
    id: 'demo-tagtjek-3', from: ['Søren Mikkelsen', 'sm@vestjysk-ejendomsservice.dk'], to: LINE, subject: 'SV: SV: Årligt tagtjek 2026', daysAgo: 2, hour: 13, inReplyTo: 'demo-tagtjek-2',
    text: 'Hej Line\n\nTak. Kan I samtidig se på tagrenden over indgangen på Skolegade 8? Den løber over, når det regner kraftigt.\nSend gerne en pris først.\n\nSøren\n\nDen 22. nov. 2026 kl. 10.14 skrev Line Kjærgaard <line@storaa-tag.dk>:\n> Hej Søren\n>\n> Uge 40 passer fint.',
  },
  {
    id: 'demo-hal2-1', from: MADS, to: ['Kim Andersen', 'ka@limfjord-maskinfabrik.dk'], subject: 'Tilbud på nyt tag, hal 2', daysAgo: 9, hour: 14,
    text: 'Hej Kim\n\nTak for rundvisningen. Som lovet sender jeg vores tilbud på nyt tag med sandwichpaneler på hal 2: kr. 1.940.000 inkl. moms, inkl. nedtagning og bortskaffelse af det gamle fibercementtag.\nOpstart tidligst i marts.\n\nMed venlig hilsen\nMads Storgaard',
  },
  {
    id: 'demo-hal2-2', from: ['Kim Andersen', 'ka@limfjord-maskinfabrik.dk'], to: MADS, subject: 'SV: Tilbud på nyt tag, hal 2', daysAgo: 1, hour: 8, inReplyTo: 'demo-hal2-1',
    text: 'Hej Mads\n\nVi har set på tilbuddet i ledelsen. Kan asbestsaneringen deles ud som en særskilt post, så vi kan søge tilskud til den?\n\nVh Kim\n\n-----Oprindelig meddelelse-----\nFra: Mads Storgaard <mads@storaa-tag.dk>\nSendt: 24. november 2026 15:10\nTil: Kim Andersen <ka@limfjord-maskinfabrik.dk>\nEmne: Tilbud på nyt tag, hal 2\n\nHej Kim\n\nTak for rundvisningen.',
  },
  {
    id: 'demo-maskinhus-1', from: ['Niels Bjerregaard', 'niels@bjerregaard-landbrug.dk'], to: MADS, subject: 'Maskinhuset', daysAgo: 4, hour: 18,
    text: 'Hej Mads\n\nNu er det ved at være tid til maskinhuset, som vi talte om. Det er ca. 600 m² stål, der er begyndt at ruste ved kip.\nHvornår kan I komme forbi og se på det?\n\nNiels\n\nSendt fra min iPhone',
  },
];

function rfc822(mail: DemoMail, now: Date): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - mail.daysAgo * DAY_MS + mail.hour * 3_600_000);
  const word = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s).toString('base64')}?=`);
  const address = ([name, email]: [string, string]) => `${word(name)} <${email}>`;
  const domain = mail.from[1].split('@')[1];
  return [
    `From: ${address(mail.from)}`, `To: ${address(mail.to)}`, `Subject: ${word(mail.subject)}`, `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${mail.id}@${domain}>`,
    ...(mail.inReplyTo ? [`In-Reply-To: <${mail.inReplyTo}@${MAILS.find((m) => m.id === mail.inReplyTo)!.from[1].split('@')[1]}>`] : []),
    'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '',
    Buffer.from(mail.text).toString('base64').replace(/.{76}/g, '$&\r\n'), '',
  ].join('\r\n');
}

/**
 * The demo's correspondence as one mbox file.
 *
 * @example
 * const mbox = demoMailbox(new Date()); // 'From demo@… Mon …\r\nFrom: …'
 */
export function demoMailbox(now = new Date()): string {
  return MAILS.map((mail) => `From ${mail.from[1]} ${now.toUTCString()}\n${rfc822(mail, now).replace(/^(>*From )/gm, '>$1')}\n`).join('');
}

/** Whether the email plugin runs (the demo's mail is left out otherwise). */
export async function emailRunning(api: DemoApi): Promise<boolean> {
  const { items } = await api.call<{ items: { id: string; status: string }[] }>('GET', '/api/plugins');
  return items.some((p) => p.id === 'email' && p.status === 'running');
}

/**
 * Imports the demo's correspondence through `POST /api/email/import` (the job runs when the
 * caller runs jobs); returns how many messages it holds.
 *
 * @example
 * if (await emailRunning(api)) await addDemoEmails(api);
 */
export async function addDemoEmails(api: DemoApi, now = new Date()): Promise<number> {
  await api.call('POST', '/api/email/import?name=demo.mbox', { body: new Uint8Array(Buffer.from(demoMailbox(now))), headers: { 'content-type': 'application/mbox' }, expect: [202] });
  return MAILS.length;
}
