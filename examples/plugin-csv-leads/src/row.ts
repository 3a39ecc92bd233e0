import { z } from 'open-crm/plugin';
import type { LeadField } from './columns.ts';

/** A row turned into what the CRM stores: a company hint and, when there is one, a contact. */
export interface Lead {
  company: { name?: string; cvr?: string; domain?: string; email?: string };
  contact: { name?: string; email?: string; phone?: string; role?: string } | null;
}

const text = (max: number) =>
  z.string().trim().max(max, `is longer than ${max} characters`).transform((v) => v || undefined).optional();

const Row = z
  .object({
    company: text(300),
    cvr: z.string().trim().transform((v) => v.replace(/^dk/i, '').replace(/[\s.-]/g, '')).pipe(z.union([z.literal(''), z.string().regex(/^\d{8}$/, 'must be 8 digits')])).optional(),
    domain: text(253),
    name: text(300),
    email: z.string().trim().pipe(z.union([z.literal(''), z.email('is not an email address').max(320)])).optional(),
    phone: z.string().trim().pipe(z.union([z.literal(''), z.string().regex(/^[+()\d\s.-]{3,50}$/, 'is not a phone number')])).optional(),
    role: text(200),
  })
  .refine((r) => r.company || r.cvr || r.domain || r.email, { message: 'names no company: give a company name, CVR number, website or email' });

/**
 * Validates one row (by the header's columns) and returns the lead, or the first problem in
 * words a person fixing the spreadsheet understands.
 *
 * @example
 * readLead(['Jensens VVS', 'mette@jensens-vvs.dk'], { company: 0, email: 1 }); // { ok: true, lead }
 */
export function readLead(fields: string[], columns: Partial<Record<LeadField, number>>): { ok: true; lead: Lead } | { ok: false; error: string } {
  const raw = Object.fromEntries(Object.entries(columns).map(([field, index]) => [field, fields[index!] ?? '']));
  const parsed = Row.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const column = issue.path[0];
    return { ok: false, error: column ? `${String(column)} ${issue.message}` : issue.message };
  }
  const r = parsed.data;
  const blank = (v: string | undefined) => (v ? v : undefined);
  const contact = r.name || r.email || r.phone ? { name: blank(r.name), email: blank(r.email), phone: blank(r.phone), role: blank(r.role) } : null;
  return { ok: true, lead: { company: { name: blank(r.company), cvr: blank(r.cvr), domain: blank(r.domain), email: blank(r.email) }, contact } };
}
