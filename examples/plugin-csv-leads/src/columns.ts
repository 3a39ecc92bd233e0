/** The fields a lead row can carry. */
export type LeadField = 'company' | 'cvr' | 'domain' | 'name' | 'email' | 'phone' | 'role';

/** Header names (lower-case, without spaces, dashes, dots or underscores) per field, Danish and English. */
const ALIASES: Record<LeadField, string[]> = {
  company: ['company', 'companyname', 'organisation', 'organization', 'account', 'firma', 'firmanavn', 'virksomhed', 'virksomhedsnavn', 'kunde', 'kundenavn'],
  cvr: ['cvr', 'cvrnr', 'cvrnummer', 'vat', 'vatno', 'vatnumber', 'seno', 'senr'],
  domain: ['domain', 'website', 'web', 'url', 'homepage', 'domæne', 'hjemmeside', 'webside'],
  name: ['name', 'fullname', 'contact', 'contactname', 'contactperson', 'navn', 'kontakt', 'kontaktperson', 'fuldtnavn'],
  email: ['email', 'emailaddress', 'mail', 'epost', 'emailadresse', 'mailadresse'],
  phone: ['phone', 'phonenumber', 'telephone', 'mobile', 'tel', 'telefon', 'telefonnummer', 'tlf', 'tlfnr', 'mobil', 'mobilnummer'],
  role: ['role', 'title', 'jobtitle', 'position', 'stilling', 'titel', 'rolle', 'jobtitel'],
};

const BY_ALIAS = new Map(Object.entries(ALIASES).flatMap(([field, names]) => names.map((n) => [n, field as LeadField])));

/**
 * Maps a header row to lead fields by name, in Danish or English ("Firma", "E-mail",
 * "Telefon", "Company", "Phone number", …). Unknown columns are ignored and reported.
 *
 * @example
 * mapHeader(['Firma', 'E-mail', 'Noter']); // { columns: { company: 0, email: 1 }, ignored: ['Noter'] }
 */
export function mapHeader(header: string[]): { columns: Partial<Record<LeadField, number>>; ignored: string[] } {
  const columns: Partial<Record<LeadField, number>> = {};
  const ignored: string[] = [];
  header.forEach((raw, index) => {
    const field = BY_ALIAS.get(raw.toLowerCase().replace(/[\s\-_.]/g, ''));
    if (field && columns[field] === undefined) columns[field] = index;
    else if (raw.trim()) ignored.push(raw.trim());
  });
  return { columns, ignored };
}
