/**
 * Address headers as plain mailboxes: groups flattened, names decoded, addresses lower-cased,
 * and anything that is not a deliverable `local@domain` dropped, so the company resolver only
 * ever sees addresses it can map to a domain.
 */
import { parseAddressHeader, type EmailAddress } from 'mailparser';

/**
 * A mailbox: the display name (null when none was given) and the address, lower-cased.
 *
 * @example
 * const a: Address = { name: 'Mette Jensen', address: 'mette@kunde.dk' };
 */
export interface Address {
  name: string | null;
  address: string;
}

// Pragmatic, not RFC 5322's full grammar: a local part of visible characters (no quotes,
// which nobody sends any more), a domain of labels with at least one dot and a letter TLD.
const LOCAL = /^[^\s"(),:;<>@[\\\]]{1,64}$/u;
const DOMAIN = /^(?=.{1,253}$)(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:[\p{L}]{2,63}|xn--[a-z0-9-]{1,59})$/u;

/**
 * An address lower-cased and trimmed, or null when it is not a valid `local@domain`.
 *
 * @example
 * normalizeAddress(' Mette@Firma.DK '); // 'mette@firma.dk'
 * normalizeAddress('undisclosed-recipients'); // null
 */
export function normalizeAddress(value: string | null | undefined): string | null {
  const address = (value ?? '').trim().replace(/^mailto:/i, '').replace(/^<|>$/g, '').toLowerCase();
  const at = address.lastIndexOf('@');
  if (at <= 0) return null;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).replace(/\.$/, '');
  if (!LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..') || !DOMAIN.test(domain)) return null;
  return `${local}@${domain}`;
}

/** A display name worth keeping: not empty, not the address again, quotes and stray spaces gone. */
function displayName(name: string | undefined, address: string): string | null {
  const text = (name ?? '').replace(/\s+/g, ' ').trim().replace(/^(["'])(.*)\1$/, '$2').trim();
  if (!text) return null;
  if (normalizeAddress(text) === address) return null;
  return text;
}

function flatten(entries: readonly EmailAddress[], out: Address[], seen: Set<string>): void {
  for (const entry of entries) {
    if (entry.group) {
      flatten(entry.group, out, seen);
      continue;
    }
    const address = normalizeAddress(entry.address);
    if (!address || seen.has(address)) continue;
    seen.add(address);
    out.push({ name: displayName(entry.name, address), address });
  }
}

/**
 * The mailboxes of address header values (one value per header occurrence), in order, each
 * address once. Encoded-word names are decoded; `Group: a@x.dk, b@y.dk;` gives its members;
 * `undisclosed-recipients:;` gives nothing.
 *
 * @example
 * parseAddresses(['=?utf-8?Q?S=C3=B8ren?= <SOREN@Firma.dk>, team: a@x.dk;']);
 * // [{ name: 'Søren', address: 'soren@firma.dk' }, { name: null, address: 'a@x.dk' }]
 */
export function parseAddresses(values: readonly string[]): Address[] {
  const out: Address[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    if (!value.trim()) continue;
    try {
      flatten(parseAddressHeader(value).value, out, seen);
    } catch {
      // A header addressparser cannot read gives no addresses, not a failed message.
    }
  }
  return out;
}
