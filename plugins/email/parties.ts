import type { Company } from '../../plugin-api.d.ts';
import type { Direction, Party } from './store.ts';

/** Decides whether an address is one of ours: an account's own address, or any address at the own company's domains. */
export type IsOwn = (address: string) => boolean;

/**
 * Our own addresses: the mailboxes' own addresses exactly (a small business may use a gmail.com
 * address, and then only that address is ours), and every address at the own company's
 * domains and their subdomains (`domain` and `attributes.own_domains`).
 *
 * @example
 * const isOwn = ownAddresses(self, ['kontor@tagfirma.dk']);
 * isOwn('mette@tagfirma.dk'); // true when tagfirma.dk is the own company's domain
 */
export function ownAddresses(self: Company, accountAddresses: readonly string[]): IsOwn {
  const exact = new Set(accountAddresses.map((a) => a.toLowerCase()));
  const extra = Array.isArray(self.attributes.own_domains) ? self.attributes.own_domains : [];
  const domains = [self.domain, ...extra].filter((d): d is string => typeof d === 'string' && d.length > 0).map((d) => d.toLowerCase());
  return (address) => {
    const a = address.toLowerCase();
    if (exact.has(a)) return true;
    const domain = a.slice(a.lastIndexOf('@') + 1);
    return domains.some((own) => domain === own || domain.endsWith(`.${own}`));
  };
}

interface Addressed {
  from: Party | null;
  to: Party[];
  cc: Party[];
  bcc: Party[];
  replyTo: Party[];
}

/**
 * `out` when one of ours wrote it, `internal` when also every recipient is ours, else `in`.
 *
 * @example
 * directionOf({ from: { name: null, address: 'ole@tagfirma.dk' }, to: [{ name: null, address: 'mette@kunde.dk' }], cc: [], bcc: [], replyTo: [] }, isOwn); // 'out'
 */
export function directionOf(m: Addressed, isOwn: IsOwn): Direction {
  if (!m.from || !isOwn(m.from.address)) return 'in';
  const recipients = [...m.to, ...m.cc, ...m.bcc];
  return recipients.length > 0 && recipients.every((p) => isOwn(p.address)) ? 'internal' : 'out';
}

/**
 * The parties who are not us, the one the conversation is with first: the sender of mail that
 * came in, the first recipient of mail we sent; then the others in header order (To, Cc),
 * each address once.
 *
 * @example
 * externalParties(message, isOwn, 'in')[0]; // the sender
 */
export function externalParties(m: Addressed, isOwn: IsOwn, direction: Direction): Party[] {
  const ordered = direction === 'in' ? [...(m.from ? [m.from] : []), ...m.to, ...m.cc] : [...m.to, ...m.cc, ...m.bcc];
  const seen = new Set<string>();
  return ordered.filter((p) => {
    const a = p.address.toLowerCase();
    if (isOwn(a) || seen.has(a)) return false;
    seen.add(a);
    return true;
  });
}
