/**
 * The typed view of the schema for drizzle queries. The SQL files in
 * `supabase/migrations/` are the source of truth; `schema.test.ts` checks that every
 * column here exists there with the same name.
 */
import { sql } from 'drizzle-orm';
import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const COMPANY_KINDS = ['self', 'business', 'private', 'visitor'] as const;
export type CompanyKind = (typeof COMPANY_KINDS)[number];

export const COMPANY_STAGES = [
  'new', 'lead', 'qualified', 'proposal', 'negotiation', 'customer', 'lost', 'inactive',
] as const;
export type CompanyStage = (typeof COMPANY_STAGES)[number];

export const companies = pgTable('companies', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: COMPANY_KINDS }).notNull().default('business'),
  domain: text('domain'),
  cvr: text('cvr'),
  websiteUrl: text('website_url'),
  stage: text('stage', { enum: COMPANY_STAGES }).notNull().default('new'),
  score: integer('score'),
  attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
  assignedTo: text('assigned_to'),
  lastActivityAt: ts('last_activity_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const contacts = pgTable('contacts', {
  id: uuid('id').primaryKey(),
  companyId: uuid('company_id').notNull(),
  name: text('name'),
  email: text('email'),
  phone: text('phone'),
  role: text('role'),
  attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const events = pgTable('events', {
  id: uuid('id').primaryKey(),
  companyId: uuid('company_id').notNull(),
  type: text('type').notNull(),
  occurredAt: ts('occurred_at').notNull().defaultNow(),
  actor: text('actor'),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const API_SCOPES = ['admin', 'crm:read', 'crm:write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const apiKeys = pgTable('api_keys', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  secretHash: text('secret_hash').notNull(),
  scopes: text('scopes', { enum: API_SCOPES }).array().notNull(),
  companyIds: uuid('company_ids').array(),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  lastUsedAt: ts('last_used_at'),
  expiresAt: ts('expires_at'),
  revokedAt: ts('revoked_at'),
});

export const auditLog = pgTable('audit_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: ts('at').notNull().default(sql`now()`),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  targetType: text('target_type'),
  targetId: text('target_id'),
  companyId: uuid('company_id'),
  requestId: text('request_id'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
});

export const pluginKv = pgTable(
  'plugin_kv',
  {
    pluginId: text('plugin_id').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pluginId, t.key] })],
);

export const KNOWLEDGE_VISIBILITY = ['public', 'internal'] as const;

export const knowledgeArticles = pgTable('knowledge_articles', {
  id: uuid('id').primaryKey(),
  companyId: uuid('company_id').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  visibility: text('visibility', { enum: KNOWLEDGE_VISIBILITY }).notNull().default('public'),
  lang: text('lang', { enum: ['da', 'en'] }),
  tags: text('tags').array().notNull().default([]),
  url: text('url'),
  riskFlags: text('risk_flags', { enum: ['payment_details', 'external_link'] }).array().notNull().default([]),
  indexedAt: ts('indexed_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const STAFF_ROLES = ['admin', 'staff', 'viewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const staffUsers = pgTable('staff_users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: text('role', { enum: STAFF_ROLES }).notNull(),
  companyIds: uuid('company_ids').array(),
  passwordHash: text('password_hash'),
  createdAt: ts('created_at').notNull().defaultNow(),
  disabledAt: ts('disabled_at'),
});

export const staffSigninCodes = pgTable('staff_signin_codes', {
  codeHash: text('code_hash').primaryKey(),
  userId: uuid('user_id').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
