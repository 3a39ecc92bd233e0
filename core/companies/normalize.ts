import { domainToASCII } from 'node:url';
import { CrmError } from '../errors/index.ts';

/**
 * The bare domain of a domain or URL: lower case, ASCII (punycode), without `www.`.
 *
 * @example
 * normalizeDomain('https://www.Bøger.dk/om-os'); // 'xn--bger-gra.dk'
 */
export function normalizeDomain(input: string): string {
  const trimmed = input.trim().toLowerCase().replace(/\.$/, '');
  const host = /^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? safeHost(trimmed) : trimmed.split(/[/?#]/)[0]!;
  const ascii = domainToASCII(host.replace(/^www\./, '').replace(/:\d+$/, ''));
  if (!ascii || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(ascii) || ascii.length > 253) {
    throw new CrmError('validation_failed', `"${input.slice(0, 100)}" is not a domain name like firma.dk`);
  }
  return ascii;
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/**
 * A Danish CVR number as 8 digits, after stripping `DK`, spaces and dashes, checked with
 * the modulus-11 rule (weights 2 7 6 5 4 3 2 1) that every CVR number satisfies.
 *
 * @example
 * normalizeCvr('DK 25 31 37 63'); // '25313763'
 */
export function normalizeCvr(input: string): string {
  const digits = input.trim().replace(/^dk/i, '').replace(/[\s.-]/g, '');
  if (!/^\d{8}$/.test(digits)) throw new CrmError('validation_failed', `"${input.slice(0, 40)}" is not a CVR number (8 digits)`);
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0);
  if (sum % 11 !== 0) throw new CrmError('validation_failed', `${digits} is not a valid CVR number (check digit mismatch)`);
  return digits;
}

/**
 * A normalised email address (trimmed, lower case, ASCII domain) and its domain.
 *
 * @example
 * normalizeEmail(' Jens@Firma.DK '); // { email: 'jens@firma.dk', local: 'jens', domain: 'firma.dk' }
 */
export function normalizeEmail(input: string): { email: string; local: string; domain: string } {
  const trimmed = input.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  const local = trimmed.slice(0, at);
  if (at < 1 || local.length > 64 || /[\s<>()[\]\\,;:"]/.test(local)) {
    throw new CrmError('validation_failed', `"${input.slice(0, 100)}" is not an email address`);
  }
  const domain = normalizeDomain(trimmed.slice(at + 1));
  return { email: `${local}@${domain}`, local, domain };
}

/**
 * A readable company name from a domain, or a person's name from an email's local part.
 *
 * @example
 * nameFromDomain('jensens-vvs.dk'); // 'Jensens Vvs'
 * nameFromLocalPart('anne.marie_larsen'); // 'Anne Marie Larsen'
 */
export function nameFromDomain(domain: string): string {
  return titleCase(domain.split('.').slice(0, -1).join(' ') || domain);
}

export function nameFromLocalPart(local: string): string {
  return titleCase(local.replace(/\+.*$/, '').replace(/\d+/g, ' ')) || local;
}

function titleCase(text: string): string {
  return text
    .split(/[\s._-]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}
