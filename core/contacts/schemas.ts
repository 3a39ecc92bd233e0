import { z } from '@hono/zod-openapi';
import { Attributes, Timestamp, Uuid } from '../http/schemas.ts';
import type { Contact } from './store.ts';

export const ContactOut = z
  .object({
    id: z.uuid(),
    company_id: z.uuid(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    role: z.string().nullable(),
    attributes: z.record(z.string(), z.unknown()),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Contact');

/** A contact's fields as callers send them: the API, and plugins through `contacts.upsert`. */
export const contactFields = {
  company_id: Uuid,
  name: z.string().trim().min(1).max(300).nullable().openapi({ example: 'Mette Jensen' }),
  email: z.email({ message: 'must be an email address' }).max(320).nullable().openapi({ example: 'mette@jensens-vvs.dk' }),
  phone: z.string().trim().min(3).max(50).regex(/^[+()\d\s.-]+$/, 'must be a phone number').nullable().openapi({ example: '+45 12 34 56 78' }),
  role: z.string().trim().max(200).nullable().openapi({ example: 'Indkøbschef' }),
  attributes: Attributes,
};
export const ContactCreate = z.strictObject(contactFields).partial({ name: true, email: true, phone: true, role: true, attributes: true }).openapi('ContactCreate');
export const ContactPatch = z.strictObject(contactFields).partial().openapi('ContactPatch');

/** A contact as the API (and the plugin API) shows it. */
export function contactOut(contact: Contact): z.infer<typeof ContactOut> {
  return {
    id: contact.id,
    company_id: contact.companyId,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    role: contact.role,
    attributes: contact.attributes,
    created_at: contact.createdAt.toISOString(),
    updated_at: contact.updatedAt.toISOString(),
  };
}
