/**
 * The public, versioned contract between the CRM core and its plugins (types only).
 *
 * This first version holds the shared vocabulary that every part of the platform already
 * speaks over HTTP: the customer key, companies, contacts, timeline events and errors.
 * The plugin host (definePlugin, ctx, capabilities) is added to this file by the plugin
 * host work; until then plugins are not loaded.
 *
 * Semver: a change that breaks a plugin written against this file raises the major part
 * of {@link ApiVersion}.
 */

/**
 * The version of this contract.
 *
 * @example
 * const apiVersion: ApiVersion = '0.1';
 */
export type ApiVersion = '0.1';

/**
 * The shared customer key: the id of a company row. Every row of customer data carries one.
 *
 * @example
 * const id: CompanyId = '019b0c8e-5f2a-7c41-9d3e-2b8f6a1c0e47';
 */
export type CompanyId = string;

/**
 * `self` is the business running the CRM; `business` and `private` are customers;
 * `visitor` is a provisional company for an anonymous chat visitor, merged later.
 *
 * @example
 * const kind: CompanyKind = 'visitor';
 */
export type CompanyKind = 'self' | 'business' | 'private' | 'visitor';

/**
 * Where a company stands in the sales pipeline.
 *
 * @example
 * const stage: CompanyStage = 'qualified';
 */
export type CompanyStage = 'new' | 'lead' | 'qualified' | 'proposal' | 'negotiation' | 'customer' | 'lost' | 'inactive';

/**
 * A company as the core API returns it (`GET /api/companies/{id}`).
 *
 * @example
 * const company: Company = { id, name: 'Jensens VVS ApS', kind: 'business', domain: 'jensens-vvs.dk', cvr: '25313763',
 *   website_url: 'https://jensens-vvs.dk', stage: 'lead', score: 40, attributes: {}, created_at, updated_at };
 */
export interface Company {
  id: CompanyId;
  name: string;
  kind: CompanyKind;
  /** Bare, lower-case, ASCII (punycode) domain; unique across companies. */
  domain: string | null;
  /** Danish CVR number, 8 digits; unique across companies. */
  cvr: string | null;
  website_url: string | null;
  stage: CompanyStage;
  /** Lead score 0–100, set by scoring engines. */
  score: number | null;
  attributes: Record<string, unknown>;
  /** ISO 8601. */
  created_at: string;
  updated_at: string;
}

/**
 * A person at a company (`GET /api/contacts/{id}`). Email addresses are unique.
 *
 * @example
 * const contact: Contact = { id, company_id, name: 'Mette Jensen', email: 'mette@jensens-vvs.dk', phone: null,
 *   role: 'Indkøb', attributes: {}, created_at, updated_at };
 */
export interface Contact {
  id: string;
  company_id: CompanyId;
  name: string | null;
  email: string | null;
  phone: string | null;
  role: string | null;
  attributes: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

/**
 * Event types are dotted lower-case names, `<area>.<what>`; the core records
 * `company.created`, `company.merged` and `contact.added`.
 *
 * @example
 * const type: EventType = 'email.received';
 */
export type EventType = `${string}.${string}`;

/**
 * One entry on a company's timeline (`GET /api/companies/{id}/timeline`).
 *
 * @example
 * const event: TimelineEvent = { id, company_id, type: 'company.merged', occurred_at, actor: 'key:…',
 *   payload: { from: { id: visitorId, kind: 'visitor' } } };
 */
export interface TimelineEvent {
  id: string;
  company_id: CompanyId;
  type: EventType;
  occurred_at: string;
  /** `key:<id>`, `user:<sub>`, `system`, or a plugin id. */
  actor: string | null;
  payload: Record<string, unknown>;
}

/**
 * The closed set of error codes; each maps to one HTTP status and to the problem type
 * `urn:crm:problem:<code with dashes>`.
 *
 * @example
 * const code: ErrorCode = 'not_found'; // 404, urn:crm:problem:not-found
 */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal'
  | 'unavailable';

/**
 * An RFC 9457 problem document, the body of every error answer.
 *
 * @example
 * const problem: Problem = { type: 'urn:crm:problem:not-found', title: 'Not found', status: 404,
 *   detail: 'Company 019b… not found', instance: '/api/companies/019b…' };
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  request_id?: string;
  errors?: { path: string; message: string }[];
}
