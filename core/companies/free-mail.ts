/**
 * Mail services where an address belongs to a person, not to a company: two people at
 * gmail.com are two private customers, never one "Gmail" company. Danish ISPs and
 * portals first, then the international services seen in Danish and English inboxes.
 * Keep sorted within each group; add a domain when a mailbox import shows one.
 */
const DANISH = [
  'c.dk', 'city.dk', 'comxnet.dk', 'dbmail.dk', 'email.dk', 'fibermail.dk', 'get2net.dk', 'jubii.dk',
  'mail.dk', 'mail.tele.dk', 'mobilixnet.dk', 'newmail.dk', 'ofir.dk', 'oncable.dk', 'os.dk',
  'post.tele.dk', 'privat.dk', 'sol.dk', 'stofanet.dk', 'tdcadsl.dk', 'tdcspace.dk', 'telia.dk',
  'webspeed.dk', 'youmail.dk', 'youseeme.dk',
];

const INTERNATIONAL = [
  '126.com', '163.com', 'aim.com', 'aol.com', 'aol.co.uk', 'bigpond.com', 'bluewin.ch', 'btinternet.com',
  'comcast.net', 'duck.com', 'fastmail.com', 'fastmail.fm', 'free.fr', 'freenet.de', 'gmail.com', 'gmx.at',
  'gmx.ch', 'gmx.com', 'gmx.de', 'gmx.net', 'googlemail.com', 'hey.com', 'hotmail.co.uk', 'hotmail.com',
  'hotmail.de', 'hotmail.dk', 'hotmail.fr', 'hotmail.it', 'hotmail.no', 'hotmail.se', 'icloud.com',
  'inbox.com', 'laposte.net', 'libero.it', 'live.co.uk', 'live.com', 'live.de', 'live.dk', 'live.fr',
  'live.nl', 'live.no', 'live.se', 'mac.com', 'mail.com', 'mail.ru', 'me.com', 'msn.com', 'naver.com',
  'online.no', 'orange.fr', 'outlook.com', 'outlook.de', 'outlook.dk', 'outlook.fr', 'outlook.se',
  'pm.me', 'posteo.de', 'proton.me', 'protonmail.ch', 'protonmail.com', 'qq.com', 'rocketmail.com',
  'seznam.cz', 't-online.de', 'telia.com', 'telenet.be', 'tutanota.com', 'tuta.io', 'web.de',
  'wp.pl', 'yahoo.co.uk', 'yahoo.com', 'yahoo.de', 'yahoo.dk', 'yahoo.fr', 'yahoo.no', 'yahoo.se',
  'yandex.com', 'yandex.ru', 'ymail.com', 'zoho.com', 'zohomail.eu',
];

export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([...DANISH, ...INTERNATIONAL]);

/**
 * True when addresses at this domain belong to private persons.
 *
 * @example
 * isFreeMailDomain('gmail.com'); // true
 * isFreeMailDomain('firma.dk');  // false
 */
export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.toLowerCase());
}
