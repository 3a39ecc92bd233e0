import { z } from '@hono/zod-openapi';
import { COMPANY_KINDS, COMPANY_STAGES } from '../db/schema/index.ts';
import { Attributes, Timestamp, Uuid } from '../http/schemas.ts';
import type { Company } from './store.ts';

const WebsiteUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000);

export const CompanyOut = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(COMPANY_KINDS),
    domain: z.string().nullable(),
    cvr: z.string().nullable(),
    website_url: z.string().nullable(),
    stage: z.enum(COMPANY_STAGES),
    score: z.number().int().nullable(),
    attributes: Attributes,
    assigned_to: z.string().nullable().openapi({ description: 'The staff member who looks after it (user:<id>)' }),
    last_activity_at: Timestamp.nullable().openapi({ description: 'When its timeline last had an event' }),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi('Company');

const fields = {
  name: z.string().trim().min(1).max(300).openapi({ example: 'Jensens VVS ApS' }),
  domain: z.string().max(2000).nullable().openapi({ example: 'jensens-vvs.dk' }),
  cvr: z.string().max(20).nullable().openapi({ example: '25313763' }),
  website_url: WebsiteUrl.nullable(),
  stage: z.enum(COMPANY_STAGES),
  score: z.number().int().min(0).max(100).nullable(),
  attributes: Attributes,
  assigned_to: z.string().trim().min(1).max(200).regex(/^(user|key):[\w.:@-]+$/, 'must be an actor like user:<id>').nullable(),
};

export const CompanyCreate = z
  .strictObject({ ...fields, kind: z.enum(['business', 'private', 'visitor']).default('business') })
  .partial({ domain: true, cvr: true, website_url: true, stage: true, score: true, attributes: true, assigned_to: true })
  .openapi('CompanyCreate');

export const CompanyPatch = z
  .strictObject({ ...fields, kind: z.enum(COMPANY_KINDS) })
  .partial()
  .openapi('CompanyPatch');

export const MergeBody = z.strictObject({ into: Uuid }).openapi('MergeRequest');

export const ResolveBody = z
  .strictObject({
    email: z.string().max(320).optional(),
    domain: z.string().max(2000).optional(),
    cvr: z.string().max(20).optional(),
    name: z.string().trim().min(1).max(300).optional(),
    create: z.boolean().default(false),
  })
  .refine((b) => [b.email, b.domain, b.cvr].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of email, domain or cvr',
  })
  .openapi('ResolveRequest');

export const EventOut = z
  .object({
    id: z.uuid(),
    company_id: z.uuid(),
    type: z.string(),
    occurred_at: Timestamp,
    actor: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
  })
  .openapi('TimelineEvent');

/** A company as the API shows it. */
export function companyOut(company: Company): z.infer<typeof CompanyOut> {
  return {
    id: company.id,
    name: company.name,
    kind: company.kind,
    domain: company.domain,
    cvr: company.cvr,
    website_url: company.websiteUrl,
    stage: company.stage,
    score: company.score,
    attributes: company.attributes,
    assigned_to: company.assignedTo,
    last_activity_at: company.lastActivityAt?.toISOString() ?? null,
    created_at: company.createdAt.toISOString(),
    updated_at: company.updatedAt.toISOString(),
  };
}

/** API field names to store field names, for create and patch bodies. */
export function companyIn<T extends Partial<z.infer<typeof CompanyPatch>>>(body: T) {
  const { website_url, assigned_to, ...rest } = body;
  return { ...rest, ...(website_url !== undefined ? { websiteUrl: website_url } : {}), ...(assigned_to !== undefined ? { assignedTo: assigned_to } : {}) };
}
